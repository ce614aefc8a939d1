// SPDX-License-Identifier: Apache-2.0
#include "previewcomparisonmodel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace uis {

PreviewComparisonModel::PreviewComparisonModel(QObject *parent) : DataPreviewModel(parent) {}

void PreviewComparisonModel::setLines(const PreviewNode &node, const QList<Line> &lines,
                                      const QList<QJsonObject> &otherRows,
                                      const QString &otherEngine)
{
    // The rows in line order (a placeholder is an empty row): the base model shows them.
    PreviewNode shown = node;
    shown.rows.clear();
    for (const Line &l : lines)
        shown.rows << (l.row >= 0 && l.row < node.rows.size() ? node.rows.at(l.row)
                                                              : QJsonObject());
    m_lines = lines;
    m_otherRows = otherRows;
    m_otherEngine = otherEngine;
    DataPreviewModel::clear(); // lines are re-paired as rows arrive: never appended
    setNode(shown);
}

void PreviewComparisonModel::clearLines()
{
    m_lines.clear();
    m_otherRows.clear();
    DataPreviewModel::clear();
}

int PreviewComparisonModel::differingCells() const
{
    int n = 0;
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c)
            n += data(index(r, c), DiffersRole).toBool() ? 1 : 0;
    }
    return n;
}

QVariant PreviewComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return DataPreviewModel::data(index, role);
    const Line &line = m_lines.at(index.row());
    const QString column = columnName(index.column());
    const bool placeholder = line.row < 0;
    const bool differs = !placeholder && line.differing.contains(column);
    switch (role) {
    case Qt::DisplayRole:
        return placeholder ? QVariant(QString()) : DataPreviewModel::data(index, role);
    case DiffersRole:
        return differs;
    case Qt::BackgroundRole:
        if (placeholder)
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Window),
                          Qt::BDiagPattern);
        if (differs)
            return QBrush(QColor(255, 140, 0, 110)); // amber: readable on light and dark
        return {};
    case Qt::ToolTipRole: {
        if (placeholder)
            return tr("No matching row here: only %1 has this row").arg(m_otherEngine);
        const QString own = DataPreviewModel::data(index, role).toString();
        if (!differs)
            return own;
        if (line.otherRow < 0 || line.otherRow >= m_otherRows.size())
            return tr("%1\n%2 has no matching row").arg(own, m_otherEngine);
        const QJsonValue other = m_otherRows.at(line.otherRow).value(column);
        return tr("%1\n%2 has: %3")
            .arg(own, m_otherEngine,
                 displayText(other.isUndefined() ? QJsonValue(QJsonValue::Null) : other));
    }
    default:
        return DataPreviewModel::data(index, role);
    }
}

} // namespace uis
