// SPDX-License-Identifier: Apache-2.0
#include "connectionitem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

namespace uis {

ConnectionItem::ConnectionItem(const GraphConnection &connection, QGraphicsItem *parent)
    : QGraphicsPathItem(parent)
    , m_connection(connection)
{
    setZValue(0);
    if (connection.from != InvalidNodeId)
        setFlag(ItemIsSelectable);
}

void ConnectionItem::setEnds(const QPointF &from, const QPointF &to)
{
    QPainterPath path(from);
    const qreal dx = std::max<qreal>(40, std::abs(to.x() - from.x()) * 0.5);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    setPath(path);
}

void ConnectionItem::setDark(bool dark)
{
    m_dark = dark;
    update();
}

void ConnectionItem::setRefused(bool refused)
{
    m_refused = refused;
    update();
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker s;
    s.setWidth(10);
    return s.createStroke(path());
}

void ConnectionItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(p->worldTransform());
    QColor c = m_dark ? QColor(0x8a, 0x90, 0x99) : QColor(0x8c, 0x96, 0xa3);
    if (isSelected())
        c = QColor(0x2f, 0x7d, 0xf6);
    if (m_refused)
        c = QColor(0xe0, 0x36, 0x2f);
    if (lod < 0.3) {
        // Far away: a hairline straight line reads the same and is much cheaper.
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(QPen(c, 0));
        p->drawLine(path().elementAt(0), path().currentPosition());
        return;
    }
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(c, isSelected() ? 2.5 : 1.6);
    if (m_connection.implicit || m_connection.from == InvalidNodeId)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());
    if (lod >= 0.5 && m_connection.from != InvalidNodeId) {
        // Arrow head at the input.
        const QPointF end = path().pointAtPercent(1);
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        QPolygonF head;
        head << end << end + QPointF(-9, -4.5) << end + QPointF(-9, 4.5);
        p->drawPolygon(head.translated(-6, 0));
    }
}

} // namespace uis
