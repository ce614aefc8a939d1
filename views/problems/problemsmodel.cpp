// SPDX-License-Identifier: Apache-2.0
#include "problemsmodel.h"

#include "studioicons.h"

namespace uis {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ProblemsModel::setDiagnostics(const DiagnosticList &diagnostics)
{
    // Only the rows that differ: the list is sorted by line, so an edit changes a run in the
    // middle; what is before it stays, what is after it may only move. A reset would make the
    // view forget its selection and scroll position and lay out every row again.
    const DiagnosticList &old = m_diagnostics;
    const qsizetype common = std::min(old.size(), diagnostics.size());
    qsizetype prefix = 0;
    while (prefix < common && old[prefix] == diagnostics[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix &&
           old[old.size() - 1 - suffix] == diagnostics[diagnostics.size() - 1 - suffix])
        ++suffix;
    const int oldMiddle = int(old.size() - prefix - suffix);
    const int newMiddle = int(diagnostics.size() - prefix - suffix);
    if (oldMiddle == 0 && newMiddle == 0)
        return;
    // Rows are inserted or removed at the start of the differing run, so that the rows around
    // them keep their data until dataChanged says otherwise (QAbstractItemModelTester checks).
    const int first = int(prefix);
    const int grown = newMiddle - oldMiddle;
    if (grown > 0) {
        beginInsertRows({}, first, first + grown - 1);
        m_diagnostics = old.mid(0, first) + diagnostics.mid(first, grown) + old.mid(first);
        endInsertRows();
    } else if (grown < 0) {
        beginRemoveRows({}, first, first - grown - 1);
        m_diagnostics.remove(first, -grown);
        endRemoveRows();
    }
    m_diagnostics = diagnostics;
    const int changed = std::min(oldMiddle, newMiddle);
    if (changed > 0)
        Q_EMIT dataChanged(index(first + std::max(grown, 0)),
                           index(first + std::max(grown, 0) + changed - 1));
}

int ProblemsModel::count(Severity s) const { return countSeverity(m_diagnostics, s); }

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_diagnostics.size() || index.column() != 0)
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return d.message;
    case Qt::ToolTipRole:
        return QStringLiteral("%1 [%2]%3").arg(d.message, d.code,
                                               d.pointer.isEmpty() ? QString() : QStringLiteral("\n") + d.pointer);
    case Qt::DecorationRole:
        return StudioIcons::severity(d.severity);
    case SeverityRole:
        return int(d.severity);
    case CodeRole:
        return d.code;
    case PointerRole:
        return d.pointer;
    case LineRole:
        return d.line;
    case ColumnRole:
        return d.column;
    case LocationRole:
        return d.line > 0 ? tr("Ln %1, Col %2").arg(d.line).arg(std::max(1, d.column)) : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> ProblemsModel::roleNames() const
{
    QHash<int, QByteArray> r = QAbstractListModel::roleNames();
    r.insert(SeverityRole, "severity");
    r.insert(CodeRole, "code");
    r.insert(MessageRole, "message");
    r.insert(PointerRole, "pointer");
    r.insert(LineRole, "line");
    r.insert(ColumnRole, "column");
    r.insert(LocationRole, "location");
    return r;
}

} // namespace uis
