// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"

#include <QGraphicsView>

namespace uis {

class GraphScene;
class MiniMapView;

/// The canvas view: it only pans (middle button, or Space + drag), zooms (Ctrl + wheel,
/// keyboard), fits and shows a minimap; every edit is the scene's business.
class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    GraphScene *graphScene() const { return m_scene; }
    MiniMapView *miniMap() const { return m_miniMap; }
    qreal zoom() const { return transform().m11(); }
    void setMiniMapVisible(bool visible);
    /// The rectangle the nodes cover (cached until the scene changes).
    QRectF nodesRect() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();
    void centerOnNode(uis::NodeId id);

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;
    void keyReleaseEvent(QKeyEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void setZoom(qreal z, const QPointF *anchorScene = nullptr);
    void placeMiniMap();
    void updateMiniMap();

    GraphScene *m_scene;
    MiniMapView *m_miniMap;
    bool m_panning = false;
    bool m_spaceHeld = false;
    bool m_miniMapWanted = true;
    mutable QRectF m_nodesRect;
    mutable bool m_nodesRectDirty = true;
    QPoint m_lastPan;
};

} // namespace uis
