// SPDX-License-Identifier: Apache-2.0
#include "changesdelegate.h"

#include "changesmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPoint>

namespace uis {

void ChangesDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const QVariant span = index.data(ChangesModel::SpanRole);
    if (!span.isValid()) {
        QStyledItemDelegate::paint(p, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    // Background, selection and focus from the style; then the span and the text on top.
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
    const QRect textRect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 0, -2, 0);
    const QFontMetrics fm(opt.font);
    const QPoint s = span.toPoint();
    const bool oldSide = index.column() == ChangesModel::OldTextColumn;
    const int x0 = textRect.left() + fm.horizontalAdvance(text.left(s.x()));
    // An empty span (pure insertion point) still shows as a thin mark.
    const int w = std::max(2, fm.horizontalAdvance(text.mid(s.x(), s.y())));
    p->save();
    p->fillRect(QRect(x0, opt.rect.top() + 1, w, opt.rect.height() - 2),
                ChangesModel::spanColor(oldSide, m_dark));
    p->setFont(opt.font);
    p->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                   : QPalette::Text));
    p->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, text);
    p->restore();
}

} // namespace uis
