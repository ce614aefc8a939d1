// SPDX-License-Identifier: Apache-2.0
#include "recordstablemodel.h"

#include "jsonrecords.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace uis {

RecordsTableModel::RecordsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecordsTableModel::setRecords(const QJsonArray &records, const QList<InferredField> &schema)
{
    beginResetModel();
    m_records = records;
    m_columns.clear();
    m_types.clear();
    for (const InferredField &f : schema) {
        m_columns << f.name;
        m_types << f.type;
    }
    endResetModel();
}

int RecordsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RecordsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const QJsonValue rec = m_records.at(index.row());
    const QString &column = m_columns.at(index.column());
    // A record that is not an object is the single column `value` (SchemaInferrer's rule).
    const QJsonValue v = rec.isObject() ? JsonRecords::dotted(rec, column) : rec;
    return JsonRecords::cellText(v);
}

QVariant RecordsTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (o == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= m_columns.size())
        return {};
    return role == Qt::ToolTipRole ? m_types.at(section) : m_columns.at(section);
}

} // namespace uis
