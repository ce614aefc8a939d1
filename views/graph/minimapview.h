// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPixmap>
#include <QWidget>

namespace uis {

class GraphView;

/// The overview in the corner of the canvas: every node as a small block and the visible
/// area as a frame; click or drag to move the view there.
class MiniMapView : public QWidget
{
    Q_OBJECT
public:
    explicit MiniMapView(GraphView *view);
    /// The nodes changed (added, moved, marked): draw them again on the next paint.
    void invalidateNodes() { m_nodesDirty = true; }

protected:
    void paintEvent(QPaintEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;

private:
    QRectF worldRect() const;
    QTransform toMap(const QRectF &world) const;
    void centerAt(const QPointF &widgetPos);

    GraphView *m_view;
    /// The nodes as drawn for `m_cachedWorld`: panning only moves the frame over them, so a
    /// pan frame need not draw 5,000 blocks again.
    QPixmap m_nodes;
    QRectF m_cachedWorld;
    bool m_nodesDirty = true;
};

} // namespace uis
