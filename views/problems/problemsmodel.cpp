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
    if (diagnostics == m_diagnostics)
        return;
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
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
