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
    const QPainterPath &band(qreal width) const;
    /// Whether a segment's box of `line` meets `area` (a quick test, before any rasterizing).
    static bool touches(const QPolygonF &line, const QRectF &area);

    GraphConnection m_connection;
    QPointF m_from{qQNaN(), qQNaN()};
    QPointF m_to;
    mutable QPainterPath m_shape; ///< the hit area, built on first use after the ends move
    mutable QPolygonF m_flat;     ///< the curve as a few straight segments (small on screen)
    /// The flat curve as a filled band `m_bandWidth` wide (a device pixel). The raster engine
    /// fills a band a row at a time; a cosmetic line it draws a pixel at a time, and Qt 6.4
    /// hands every batch of more than 96 such pixels to its thread pool (qdrawhelper's parallel
    /// fills): thousands of hand-overs a frame when a pan uncovers a fan of default inputs.
    mutable QPainterPath m_band;
    mutable qreal m_bandWidth = 0;
    bool m_dark = false;
    bool m_refused = false;
};

} // namespace uis
