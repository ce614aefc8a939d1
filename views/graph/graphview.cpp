// SPDX-License-Identifier: Apache-2.0
#include "graphview.h"

#include "graphscene.h"
#include "minimapview.h"
#include "nodeitem.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace uis {

GraphView::GraphView(GraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_miniMap(new MiniMapView(this))
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setCacheMode(QGraphicsView::CacheBackground);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    connect(scene, &GraphScene::nodeFocusRequested, this, &GraphView::centerOnNode);
    connect(scene, &QGraphicsScene::changed, m_miniMap, [this] {
        m_nodesRectDirty = true;
        m_miniMap->invalidateNodes();
        updateMiniMap();
    });
    placeMiniMap();
}

void GraphView::setMiniMapVisible(bool visible)
{
    m_miniMapWanted = visible;
    updateMiniMap();
}

QRectF GraphView::nodesRect() const
{
    if (m_nodesRectDirty) {
        // Every pan frame asks; 5,000 items are not walked for each.
        QRectF r;
        for (NodeItem *n : m_scene->nodeItems())
            r |= QRectF(n->pos(), QSizeF(NodeItem::Width, NodeItem::Height));
        m_nodesRect = r;
        m_nodesRectDirty = false;
    }
    return m_nodesRect;
}

void GraphView::updateMiniMap()
{
    // Only worth showing when part of the graph is out of sight.
    const QRectF r = nodesRect();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    m_miniMap->setVisible(m_miniMapWanted && !r.isEmpty() && !visible.contains(r));
    m_miniMap->update();
}

void GraphView::setZoom(qreal z, const QPointF *)
{
    z = std::clamp(z, 0.02, 4.0);
    const qreal factor = z / zoom();
    scale(factor, factor);
    m_scene->setNodeCaching(zoom() >= NodeItem::BlockLod);
    updateMiniMap();
    Q_EMIT zoomChanged(zoom());
}

void GraphView::zoomIn()
{
    setTransformationAnchor(AnchorViewCenter);
    setZoom(zoom() * 1.25);
    setTransformationAnchor(AnchorUnderMouse);
}

void GraphView::zoomOut()
{
    setTransformationAnchor(AnchorViewCenter);
    setZoom(zoom() / 1.25);
    setTransformationAnchor(AnchorUnderMouse);
}

void GraphView::resetZoom()
{
    setTransformationAnchor(AnchorViewCenter);
    setZoom(1.0);
    setTransformationAnchor(AnchorUnderMouse);
}

void GraphView::fitToView()
{
    m_nodesRectDirty = true; // called right after a load, before the scene reports changes
    QRectF r = nodesRect();
    if (r.isEmpty())
        return;
    r.adjust(-40, -40, 40, 40);
    fitInView(r, Qt::KeepAspectRatio);
    if (zoom() > 1.25)
        setZoom(1.25);
    m_scene->setNodeCaching(zoom() >= NodeItem::BlockLod);
    updateMiniMap();
    Q_EMIT zoomChanged(zoom());
}

void GraphView::centerOnNode(NodeId id)
{
    if (NodeItem *item = m_scene->nodeItem(id)) {
        if (!mapToScene(viewport()->rect()).boundingRect().contains(item->sceneBoundingRect()))
            centerOn(item);
    }
}

void GraphView::drawBackground(QPainter *p, const QRectF &rect)
{
    const bool dark = m_scene->isDark();
    p->fillRect(rect, dark ? QColor(0x1b, 0x1c, 0x1f) : QColor(0xf6, 0xf7, 0xf9));
    const qreal step = 24;
    if (zoom() < 0.45)
        return;
    p->setPen(QPen(dark ? QColor(0x2e, 0x30, 0x35) : QColor(0xdc, 0xdf, 0xe4), 1.5 / zoom()));
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    QVector<QPointF> dots;
    for (qreal x = left; x < rect.right(); x += step)
        for (qreal y = top; y < rect.bottom(); y += step)
            dots.append(QPointF(x, y));
    p->drawPoints(dots.constData(), int(dots.size()));
}

void GraphView::wheelEvent(QWheelEvent *e)
{
    if (e->modifiers() & Qt::ControlModifier) {
        const qreal steps = e->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        e->accept();
        return;
    }
    QGraphicsView::wheelEvent(e);
    updateMiniMap();
}

void GraphView::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::MiddleButton || (e->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_lastPan = e->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        e->accept();
        return;
    }
    QGraphicsView::mousePressEvent(e);
}

void GraphView::mouseMoveEvent(QMouseEvent *e)
{
    if (m_panning) {
        const QPoint d = e->position().toPoint() - m_lastPan;
        m_lastPan = e->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        e->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(e);
}

void GraphView::mouseReleaseEvent(QMouseEvent *e)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        e->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(e);
}

void GraphView::keyPressEvent(QKeyEvent *e)
{
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        e->accept();
        return;
    }
    QGraphicsView::keyPressEvent(e);
}

void GraphView::keyReleaseEvent(QKeyEvent *e)
{
    if (e->key() == Qt::Key_Space && !e->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        e->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(e);
}

void GraphView::resizeEvent(QResizeEvent *e)
{
    QGraphicsView::resizeEvent(e);
    placeMiniMap();
    updateMiniMap();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    updateMiniMap();
}

void GraphView::placeMiniMap()
{
    const QSize s(200, 130);
    m_miniMap->resize(s);
    m_miniMap->move(viewport()->width() - s.width() - 12, viewport()->height() - s.height() - 12);
}

} // namespace uis
