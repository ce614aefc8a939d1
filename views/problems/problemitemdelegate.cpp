// SPDX-License-Identifier: Apache-2.0
#include "problemitemdelegate.h"

#include "problemsmodel.h"

#include <QApplication>
#include <QPainter>

namespace uis {

void ProblemItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString right = QStringLiteral("%1   %2").arg(index.data(ProblemsModel::CodeRole).toString(),
                                                       index.data(ProblemsModel::LocationRole).toString());
    const QFontMetrics fm(opt.font);
    const int rightWidth = fm.horizontalAdvance(right) + 16;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup cg = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    painter->save();
    painter->setFont(opt.font);
    QColor fg = opt.palette.color(cg, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(fg);
    QRect msgRect = textRect.adjusted(2, 0, -rightWidth, 0);
    painter->drawText(msgRect, Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(index.data(ProblemsModel::MessageRole).toString(), Qt::ElideRight, msgRect.width()));
    QColor dim = fg;
    dim.setAlphaF(0.55f);
    painter->setPen(dim);
    painter->drawText(textRect.adjusted(0, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, right);
    painter->restore();
}

QSize ProblemItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(std::max(s.height(), option.fontMetrics.height() + 8));
    return s;
}

} // namespace uis
