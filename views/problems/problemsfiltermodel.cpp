// SPDX-License-Identifier: Apache-2.0
#include "problemsfiltermodel.h"

#include "problemsmodel.h"

namespace uis {

ProblemsFilterModel::ProblemsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void ProblemsFilterModel::setSeverityVisible(Severity s, bool visible)
{
    if (m_visible[int(s)] == visible)
        return;
    m_visible[int(s)] = visible;
    invalidateFilter();
}

void ProblemsFilterModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

bool ProblemsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const int sev = i.data(ProblemsModel::SeverityRole).toInt();
    if (sev < 0 || sev > 2 || !m_visible[sev])
        return false;
    if (m_text.isEmpty())
        return true;
    return i.data(ProblemsModel::MessageRole).toString().contains(m_text, Qt::CaseInsensitive) ||
           i.data(ProblemsModel::CodeRole).toString().contains(m_text, Qt::CaseInsensitive) ||
           i.data(ProblemsModel::PointerRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace uis
