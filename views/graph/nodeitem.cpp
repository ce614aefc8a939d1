// SPDX-License-Identifier: Apache-2.0
#include "nodeitem.h"

#include "portitem.h"
#include "studioicons.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace uis {

namespace {
constexpr qreal Radius = 7;
constexpr qreal Stripe = 5;
} // namespace

NodeItem::NodeItem(const GraphNode &node, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_node(node)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(1);
    if (node.kind != NodeKind::Endpoint) {
        m_in = new PortItem(PortItem::Direction::In, this);
        m_in->setPos(0, Height / 2);
    }
    if (node.kind != NodeKind::Sink) {
        m_out = new PortItem(PortItem::Direction::Out, this);
        m_out->setPos(Width, Height / 2);
    }
    updateToolTip();
}

void NodeItem::setNode(const GraphNode &node)
{
    m_node = node;
    updateToolTip();
    update();
}

void NodeItem::setCached(bool cached)
{
    const CacheMode mode = cached ? DeviceCoordinateCache : NoCache;
    if (cacheMode() != mode)
        setCacheMode(mode);
}

void NodeItem::setVerdict(const QString &verdict)
{
    if (verdict == m_verdict)
        return;
    m_verdict = verdict;
    updateToolTip();
    update();
}

void NodeItem::setProblems(int errors, int warnings)
{
    if (errors == m_errors && warnings == m_warnings)
        return;
    m_errors = errors;
    m_warnings = warnings;
    updateToolTip();
    update();
}

void NodeItem::setRunBadge(const std::optional<NodeRunBadge> &badge)
{
    if (badge == m_run)
        return;
    prepareGeometryChange(); // the pill under the node grows the bounding rect
    m_run = badge;
    updateToolTip();
    update();
}

void NodeItem::setChangeMark(ChangeMark mark)
{
    if (mark == m_change)
        return;
    m_change = mark;
    update();
}

void NodeItem::setDark(bool dark)
{
    m_dark = dark;
    update();
}

void NodeItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b><br>%2 · %3").arg(m_node.name.toHtmlEscaped(), nodeKindName(m_node.kind), m_node.type);
    if (!m_node.detail.isEmpty())
        tip += QStringLiteral("<br>") + m_node.detail.toHtmlEscaped();
    if (m_errors || m_warnings)
        tip += QStringLiteral("<br><span style='color:#c0392b'>%1</span>")
                   .arg(QCoreApplication::translate("uis::NodeItem", "%1 error(s), %2 warning(s)").arg(m_errors).arg(m_warnings));
    if (m_run) {
        const QString counts = m_run->text();
        if (!counts.isEmpty() && !(m_run->failed && counts == m_run->error))
            tip += QStringLiteral("<br>") +
                   QCoreApplication::translate("uis::NodeItem", "Last run: %1")
                       .arg(counts.toHtmlEscaped());
        if (m_run->failed)
            tip += QStringLiteral("<br><span style='color:#c0392b'>%1</span>")
                       .arg(QCoreApplication::translate("uis::NodeItem", "Failed: %1")
                                .arg(m_run->error.toHtmlEscaped()));
    }
    if (!m_verdict.isEmpty())
        tip +=
            QStringLiteral("<br>") +
            QCoreApplication::translate("uis::NodeItem", "upgrade check: state %1").arg(m_verdict);
    setToolTip(tip);
}

QRectF NodeItem::boundingRect() const
{
    // Room for the run badge below and the upgrade-check ring around the node.
    return QRectF(-6, -10, Width + 18, Height + (m_run ? 36 : 16));
}

QPainterPath NodeItem::shape() const
{
    QPainterPath p;
    p.addRoundedRect(QRectF(0, 0, Width, Height), Radius, Radius);
    return p;
}

void NodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(p->worldTransform());
    const QColor accent = StudioIcons::kindColor(m_node.kind);
    const QColor body = m_dark ? QColor(0x2b, 0x2d, 0x31) : QColor(Qt::white);
    const bool runFailed = m_run && m_run->failed;
    const QColor border = isSelected()              ? QColor(0x2f, 0x7d, 0xf6)
                          : (m_errors || runFailed) ? StudioIcons::severityColor(Severity::Error)
                          : m_hover
                              ? (m_dark ? QColor(0x6a, 0x6f, 0x78) : QColor(0x9a, 0xa3, 0xaf))
                              : (m_dark ? QColor(0x45, 0x48, 0x4e) : QColor(0xcf, 0xd5, 0xdc));
    const QRectF r(0, 0, Width, Height);

    if (lod < BlockLod) {
        // Far away: a plain block is all that can be seen, and it is cheap for 1,000 nodes.
        p->setRenderHint(QPainter::Antialiasing, false);
        p->setPen(Qt::NoPen);
        p->setBrush(isSelected()              ? border
                    : (m_errors || runFailed) ? StudioIcons::severityColor(Severity::Error)
                                              : accent);
        p->drawRect(r);
        return;
    }

    p->setRenderHint(QPainter::Antialiasing);
    // Shadow.
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, m_dark ? 70 : 22));
    p->drawRoundedRect(r.translated(0, 2), Radius, Radius);
    if (!m_verdict.isEmpty()) {
        // The upgrade check's verdict: a ring outside the border, so selection still shows.
        const QColor ring = m_verdict == QLatin1String("restored")  ? QColor(0x2e, 0xa0, 0x43)
                            : m_verdict == QLatin1String("dropped") ? QColor(0xe0, 0x9b, 0x1a)
                                                                    : QColor(0xd7, 0x3a, 0x3a);
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(ring, 3));
        p->drawRoundedRect(r.adjusted(-3, -3, 3, 3), Radius + 2, Radius + 2);
    }
    // Body; a node the last run failed in is tinted red.
    p->setBrush(runFailed ? (m_dark ? QColor(0x4b, 0x24, 0x27) : QColor(0xff, 0xeb, 0xe9)) : body);
    p->setPen(QPen(border, isSelected() || runFailed ? 2 : 1));
    p->drawRoundedRect(r, Radius, Radius);
    // Kind stripe on the left.
    QPainterPath stripe;
    stripe.addRoundedRect(QRectF(0, 0, Stripe + Radius, Height), Radius, Radius);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, Stripe, Height));
    p->setPen(Qt::NoPen);
    p->setBrush(accent);
    p->drawPath(stripe.intersected(clip));

    if (m_run)
        paintRunBadge(p, body);

    if (lod < TextLod)
        return; // text this small cannot be read, and it is the costly part of a node
    if (lod < FullLod) {
        p->setPen(m_dark ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x1f, 0x23, 0x28));
        QFont f = p->font();
        f.setPointSizeF(13);
        f.setBold(true);
        p->setFont(f);
        p->drawText(r.adjusted(Stripe + 8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, m_node.name);
        return;
    }

    QFont title = p->font();
    title.setPointSizeF(9.5);
    title.setBold(true);
    QFont small = p->font();
    small.setPointSizeF(8);
    const qreal left = Stripe + 10;
    // Kind chip.
    const QString chip = m_node.type.isEmpty() ? nodeKindName(m_node.kind) : m_node.type;
    p->setFont(small);
    const QFontMetricsF fmSmall(small);
    const qreal chipW = fmSmall.horizontalAdvance(chip) + 10;
    QRectF chipRect(left, 9, chipW, fmSmall.height() + 2);
    QColor chipBg = accent;
    chipBg.setAlpha(m_dark ? 70 : 32);
    p->setBrush(chipBg);
    p->setPen(Qt::NoPen);
    p->drawRoundedRect(chipRect, 3, 3);
    p->setPen(m_dark ? accent.lighter(150) : accent.darker(130));
    p->drawText(chipRect, Qt::AlignCenter, chip);

    // Name.
    p->setFont(title);
    p->setPen(m_dark ? QColor(0xee, 0xee, 0xee) : QColor(0x1f, 0x23, 0x28));
    const QFontMetricsF fmTitle(title);
    p->drawText(QRectF(left, 27, Width - left - 10, fmTitle.height()), Qt::AlignLeft | Qt::AlignVCenter,
                fmTitle.elidedText(m_node.name, Qt::ElideRight, Width - left - 10));
    // Detail.
    if (!m_node.detail.isEmpty()) {
        p->setFont(small);
        p->setPen(m_dark ? QColor(0x9a, 0xa0, 0xa8) : QColor(0x6b, 0x72, 0x80));
        p->drawText(QRectF(left, 45, Width - left - 10, fmSmall.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    fmSmall.elidedText(m_node.detail, Qt::ElideRight, Width - left - 10));
    }

    // Change mark (Changes view): a chip on the top-left corner.
    if (m_change != ChangeMark::None) {
        const bool added = m_change == ChangeMark::Added;
        QFont bf = small;
        bf.setBold(true);
        p->setFont(bf);
        const QString label = added ? QCoreApplication::translate("uis::NodeItem", "new")
                                    : QCoreApplication::translate("uis::NodeItem", "changed");
        const QRectF mark(-2, -9, QFontMetricsF(bf).horizontalAdvance(label) + 12, 16);
        p->setPen(QPen(body, 2));
        p->setBrush(added ? QColor(0x1a, 0x7f, 0x37) : QColor(0xb0, 0x74, 0x00));
        p->drawRoundedRect(mark, 8, 8);
        p->setPen(Qt::white);
        p->drawText(mark, Qt::AlignCenter, label);
    }

    // Problem badge.
    if (m_errors || m_warnings) {
        const Severity s = m_errors ? Severity::Error : Severity::Warning;
        const QString n = QString::number(m_errors ? m_errors : m_warnings);
        QFont bf = small;
        bf.setBold(true);
        p->setFont(bf);
        const qreal w = std::max<qreal>(18, QFontMetricsF(bf).horizontalAdvance(n) + 10);
        QRectF badge(Width - w + 6, -7, w, 18);
        p->setPen(QPen(body, 2));
        p->setBrush(StudioIcons::severityColor(s));
        p->drawRoundedRect(badge, 9, 9);
        p->setPen(Qt::white);
        p->drawText(badge, Qt::AlignCenter, n);
    }
}

void NodeItem::paintRunBadge(QPainter *p, const QColor &body) const
{
    QString text = m_run->text();
    if (m_run->failed && (m_run->rowsIn >= 0 || m_run->rowsOut >= 0))
        text = QCoreApplication::translate("uis::NodeItem", "failed · %1").arg(text);
    QFont f = p->font();
    f.setPointSizeF(8);
    f.setBold(true);
    const QFontMetricsF fm(f);
    const qreal w = std::min<qreal>(Width, fm.horizontalAdvance(text) + 16);
    const QRectF pill((Width - w) / 2, Height + 4, w, fm.height() + 4);
    const QColor fill = m_run->failed
                            ? StudioIcons::severityColor(Severity::Error)
                            : (m_dark ? QColor(0x1f, 0x6f, 0x3c) : QColor(0x1a, 0x7f, 0x37));
    p->save();
    p->setPen(QPen(body, 1));
    p->setBrush(fill);
    p->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    p->setFont(f);
    p->setPen(Qt::white);
    p->drawText(pill, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, pill.width() - 8));
    p->restore();
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        Q_EMIT moved();
    return QGraphicsObject::itemChange(change, value);
}

void NodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *e)
{
    m_hover = true;
    update();
    QGraphicsObject::hoverEnterEvent(e);
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *e)
{
    m_hover = false;
    update();
    QGraphicsObject::hoverLeaveEvent(e);
}

} // namespace uis
