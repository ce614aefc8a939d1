// SPDX-License-Identifier: Apache-2.0
#include "portitem.h"

#include "nodeitem.h"
#include "studioicons.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace uis {

PortItem::PortItem(Direction direction, NodeItem *node)
    : QGraphicsItem(node)
    , m_direction(direction)
    , m_node(node)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::CrossCursor);
    setZValue(2);
    setToolTip(direction == Direction::Out
                   ? QCoreApplication::translate("uis::PortItem", "Output: drag to a node's input to connect")
                   : QCoreApplication::translate("uis::PortItem", "Input"));
}

NodeId PortItem::nodeId() const { return m_node->nodeId(); }

void PortItem::setHighlighted(bool on)
{
    if (m_highlighted == on)
        return;
    m_highlighted = on;
    update();
}

QRectF PortItem::boundingRect() const
{
    const qreal r = Radius + 4;
    return QRectF(-r, -r, 2 * r, 2 * r);
}

void PortItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (option->levelOfDetailFromTransform(p->worldTransform()) < 0.3)
        return;
    p->setRenderHint(QPainter::Antialiasing);
    const QColor accent = StudioIcons::kindColor(m_node->node().kind);
    const qreal r = m_highlighted ? Radius + 2 : Radius;
    p->setPen(QPen(accent.darker(110), 1.5));
    p->setBrush(m_highlighted ? accent : QColor(Qt::white));
    p->drawEllipse(QPointF(0, 0), r, r);
}

void PortItem::hoverEnterEvent(QGraphicsSceneHoverEvent *e)
{
    setHighlighted(true);
    QGraphicsItem::hoverEnterEvent(e);
}

void PortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *e)
{
    setHighlighted(false);
    QGraphicsItem::hoverLeaveEvent(e);
}

} // namespace uis
