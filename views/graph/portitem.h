// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"

#include <QGraphicsItem>

namespace uis {

class NodeItem;

/// An input (left) or output (right) port of a node; drags start and end here.
class PortItem : public QGraphicsItem
{
public:
    enum { Type = QGraphicsItem::UserType + 2 };
    enum class Direction { In, Out };
    static constexpr qreal Radius = 6;

    PortItem(Direction direction, NodeItem *node);

    int type() const override { return Type; }
    Direction direction() const { return m_direction; }
    NodeItem *nodeItem() const { return m_node; }
    NodeId nodeId() const;
    /// Scene position of the port's centre.
    QPointF anchor() const { return scenePos(); }
    void setHighlighted(bool on);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *e) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *e) override;

private:
    Direction m_direction;
    NodeItem *m_node;
    bool m_highlighted = false;
};

} // namespace uis
