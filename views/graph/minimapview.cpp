// SPDX-License-Identifier: Apache-2.0
#include "minimapview.h"

#include "graphscene.h"
#include "graphview.h"
#include "nodeitem.h"
#include "studioicons.h"

#include <QMouseEvent>
#include <QPainter>

namespace uis {

MiniMapView::MiniMapView(GraphView *view)
    : QWidget(view)
    , m_view(view)
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click to move the view"));
}

QRectF MiniMapView::worldRect() const
{
    QRectF r = m_view->nodesRect();
    r = r.united(m_view->mapToScene(m_view->viewport()->rect()).boundingRect());
    return r.adjusted(-20, -20, 20, 20);
}

QTransform MiniMapView::toMap(const QRectF &world) const
{
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    const qreal s = std::min(area.width() / world.width(), area.height() / world.height());
    const QPointF offset(area.left() + (area.width() - world.width() * s) / 2 - world.left() * s,
                         area.top() + (area.height() - world.height() * s) / 2 - world.top() * s);
    return QTransform(s, 0, 0, s, offset.x(), offset.y());
}

void MiniMapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const bool dark = m_view->graphScene()->isDark();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(dark ? QColor(0x45, 0x48, 0x4e) : QColor(0xc9, 0xce, 0xd6)));
    p.setBrush(dark ? QColor(0x25, 0x27, 0x2b, 235) : QColor(255, 255, 255, 235));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QRectF world = worldRect();
    const QTransform t = toMap(world);
    const qreal dpr = devicePixelRatioF();
    if (m_nodesDirty || world != m_cachedWorld || m_nodes.size() != size() * dpr) {
        m_nodes = QPixmap(size() * dpr);
        m_nodes.setDevicePixelRatio(dpr);
        m_nodes.fill(Qt::transparent);
        QPainter np(&m_nodes);
        np.setPen(Qt::NoPen);
        for (NodeItem *n : m_view->graphScene()->nodeItems()) {
            QColor c = n->errorCount() ? StudioIcons::severityColor(Severity::Error)
                                       : StudioIcons::kindColor(n->node().kind);
            if (n->isSelected())
                c = QColor(0x2f, 0x7d, 0xf6);
            np.setBrush(c);
            QRectF r = t.mapRect(QRectF(n->pos(), QSizeF(NodeItem::Width, NodeItem::Height)));
            if (r.width() < 2)
                r.setWidth(2);
            if (r.height() < 1.5)
                r.setHeight(1.5);
            np.drawRect(r);
        }
        m_cachedWorld = world;
        m_nodesDirty = false;
    }
    p.drawPixmap(0, 0, m_nodes);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF visible = t.mapRect(m_view->mapToScene(m_view->viewport()->rect()).boundingRect());
    p.setPen(QPen(QColor(0x2f, 0x7d, 0xf6), 1.5));
    p.setBrush(QColor(0x2f, 0x7d, 0xf6, 30));
    p.drawRect(visible.intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
}

void MiniMapView::centerAt(const QPointF &widgetPos)
{
    const QTransform t = toMap(worldRect());
    bool ok = false;
    const QTransform inv = t.inverted(&ok);
    if (ok)
        m_view->centerOn(inv.map(widgetPos));
    update();
}

void MiniMapView::mousePressEvent(QMouseEvent *e) { centerAt(e->position()); }

void MiniMapView::mouseMoveEvent(QMouseEvent *e)
{
    if (e->buttons() & Qt::LeftButton)
        centerAt(e->position());
}

} // namespace uis
