// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace uis {

/// Paints a diff line with its intra-line highlight (ChangesModel::SpanRole) behind the text.
class ChangesDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void setDark(bool dark) { m_dark = dark; }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    bool m_dark = false;
};

} // namespace uis
