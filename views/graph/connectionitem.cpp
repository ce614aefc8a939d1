// SPDX-License-Identifier: Apache-2.0
#include "connectionitem.h"

#include <algorithm>

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
    // The area to repaint reaches paint() (option->exposedRect): a curve's bounding box spans
    // its whole fan of default inputs, so a strip that a pan uncovers meets thousands of them,
    // most of which pass elsewhere.
    setFlag(ItemUsesExtendedStyleOption);
}

void ConnectionItem::setEnds(const QPointF &from, const QPointF &to)
{
    // Every re-layout sets the ends of all connections; an unchanged curve must not touch the
    // scene index (setPath re-indexes the item).
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    m_shape = QPainterPath();
    m_flat.clear();
    m_band = QPainterPath();
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

const QPolygonF &ConnectionItem::flat() const
{
    if (m_flat.isEmpty() && path().elementCount() == 4) {
        const QPointF p0 = path().elementAt(0), c1 = path().elementAt(1), c2 = path().elementAt(2),
                      p1 = path().elementAt(3);
        constexpr int Segments = 16;
        for (int i = 0; i <= Segments; ++i) {
            const qreal t = qreal(i) / Segments, u = 1 - t;
            m_flat << u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p1;
        }
    }
    return m_flat;
}

bool ConnectionItem::touches(const QPolygonF &line, const QRectF &area)
{
    for (qsizetype i = 0; i + 1 < line.size(); ++i) {
        const QPointF &a = line[i], &b = line[i + 1];
        if (std::max(a.x(), b.x()) >= area.left() && std::min(a.x(), b.x()) <= area.right() &&
            std::max(a.y(), b.y()) >= area.top() && std::min(a.y(), b.y()) <= area.bottom())
            return true;
    }
    return false;
}

const QPainterPath &ConnectionItem::band(qreal width) const
{
    // One band per zoom level: the view zooms in steps, and a pan keeps the level.
    if (m_band.isEmpty() || !qFuzzyCompare(m_bandWidth, width)) {
        QPainterPath line;
        line.addPolygon(flat());
        QPainterPathStroker s;
        s.setWidth(width);
        s.setCapStyle(Qt::FlatCap);
        s.setJoinStyle(Qt::BevelJoin);
        m_band = s.createStroke(line);
        m_bandWidth = width;
    }
    return m_band;
}

QPainterPath ConnectionItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker s;
        s.setWidth(10);
        m_shape = s.createStroke(path());
    }
    return m_shape;
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
    if (lod < 0.6 && !isSelected() && !flat().isEmpty()) {
        // Small on screen, where thousands of curves may cross the area being panned (a fan
        // of default inputs): 16 straight segments as an aliased band a pixel wide (band()),
        // only when one of them meets the area to repaint, and a fainter line instead of a
        // dash pattern for default inputs. Arrow heads are too small to see here anyway.
        const qreal pixel = 1.0 / lod; // a device pixel, in item units
        if (!touches(flat(), option->exposedRect.adjusted(-pixel, -pixel, pixel, pixel)))
            return;
        p->setRenderHint(QPainter::Antialiasing, false);
        if (m_connection.implicit || m_connection.from == InvalidNodeId)
            c.setAlpha(110);
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawPath(band(pixel));
        return;
    }
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(c, isSelected() ? 2.5 : 1.6);
    if (pen.widthF() * lod <= 1.0) {
        // At most a pixel wide on screen: a cosmetic one-pixel pen looks the same and takes
        // the raster engine's fast path (clipped per segment), which matters when thousands
        // of curves cross the area being panned.
        pen.setWidthF(1);
        pen.setCosmetic(true);
    }
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
