// SPDX-License-Identifier: Apache-2.0
#include "studioicons.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

static void initStudioResources()
{
    Q_INIT_RESOURCE(studio);
}

namespace uis {

void StudioIcons::ensureResources()
{
    static const bool done = [] {
        initStudioResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon StudioIcons::icon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    ensureResources();
    auto it = cache.find(name);
    if (it != cache.end())
        return *it;
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    QIcon i = QFile::exists(path) ? QIcon(path) : QIcon::fromTheme(name);
    cache.insert(name, i);
    return i;
}

QColor StudioIcons::severityColor(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QColor(0xe0, 0x36, 0x2f);
    case Severity::Warning:
        return QColor(0xe0, 0x95, 0x0b);
    case Severity::Info:
        return QColor(0x2f, 0x7d, 0xd1);
    }
    return {};
}

QColor StudioIcons::kindColor(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Endpoint:
        return QColor(0x2f, 0x80, 0xed);
    case NodeKind::Transform:
        return QColor(0x8b, 0x5c, 0xf6);
    case NodeKind::Sink:
        return QColor(0x10, 0xa3, 0x7f);
    }
    return {};
}

namespace {
QPixmap paintBadge(int size, const std::function<void(QPainter &, qreal)> &draw)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    draw(p, size);
    return pm;
}
} // namespace

QIcon StudioIcons::severity(Severity s)
{
    static QIcon icons[3];
    QIcon &cached = icons[int(s)];
    if (!cached.isNull())
        return cached;
    const QColor c = severityColor(s);
    for (int size : {16, 32}) {
        cached.addPixmap(paintBadge(size, [&](QPainter &p, qreal sz) {
            const qreal m = sz * 0.08;
            QRectF r(m, m, sz - 2 * m, sz - 2 * m);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            if (s == Severity::Warning) {
                QPainterPath tri;
                tri.moveTo(r.center().x(), r.top());
                tri.lineTo(r.right(), r.bottom());
                tri.lineTo(r.left(), r.bottom());
                tri.closeSubpath();
                p.drawPath(tri);
            } else {
                p.drawEllipse(r);
            }
            QPen pen(Qt::white, sz * 0.12, Qt::SolidLine, Qt::RoundCap);
            p.setPen(pen);
            const qreal cx = r.center().x();
            if (s == Severity::Error) {
                const qreal d = sz * 0.18;
                p.drawLine(QPointF(cx - d, r.center().y() - d), QPointF(cx + d, r.center().y() + d));
                p.drawLine(QPointF(cx + d, r.center().y() - d), QPointF(cx - d, r.center().y() + d));
            } else if (s == Severity::Warning) {
                p.drawLine(QPointF(cx, r.top() + sz * 0.32), QPointF(cx, r.top() + sz * 0.58));
                p.drawPoint(QPointF(cx, r.top() + sz * 0.72));
            } else {
                p.drawPoint(QPointF(cx, r.top() + sz * 0.27));
                p.drawLine(QPointF(cx, r.top() + sz * 0.42), QPointF(cx, r.top() + sz * 0.7));
            }
        }));
    }
    return cached;
}

QIcon StudioIcons::kind(NodeKind k)
{
    static QIcon icons[3];
    QIcon &cached = icons[int(k)];
    if (!cached.isNull())
        return cached;
    const QColor c = kindColor(k);
    for (int size : {16, 32}) {
        cached.addPixmap(paintBadge(size, [&](QPainter &p, qreal sz) {
            const qreal m = sz * 0.1;
            QRectF r(m, m + sz * 0.1, sz - 2 * m, sz - 2 * m - sz * 0.2);
            p.setPen(QPen(c.darker(115), std::max(1.0, sz / 16.0)));
            p.setBrush(c.lighter(170));
            p.drawRoundedRect(r, sz * 0.15, sz * 0.15);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            if (k != NodeKind::Endpoint)
                p.drawEllipse(QPointF(r.left(), r.center().y()), sz * 0.12, sz * 0.12);
            if (k != NodeKind::Sink)
                p.drawEllipse(QPointF(r.right(), r.center().y()), sz * 0.12, sz * 0.12);
        }));
    }
    return cached;
}

} // namespace uis
