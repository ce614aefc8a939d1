// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"

#include <QGraphicsPathItem>

namespace uis {

/// A data flow drawn as a curve from an output port to an input port. Dashed when it comes
/// from the spec's default inputs. Without ids it is the draft shown while dragging.
class ConnectionItem : public QGraphicsPathItem
{
public:
    enum { Type = QGraphicsItem::UserType + 3 };

    explicit ConnectionItem(const GraphConnection &connection = {}, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    const GraphConnection &connection() const { return m_connection; }
    void setEnds(const QPointF &from, const QPointF &to);
    void setDark(bool dark);
    void setRefused(bool refused);

    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const QPolygonF &flat() const;

    GraphConnection m_connection;
    QPointF m_from{qQNaN(), qQNaN()};
    QPointF m_to;
    mutable QPainterPath m_shape; ///< the hit area, built on first use after the ends move
    mutable QPolygonF m_flat;     ///< the curve as a few straight segments (small on screen)
    bool m_dark = false;
    bool m_refused = false;
};

} // namespace uis
