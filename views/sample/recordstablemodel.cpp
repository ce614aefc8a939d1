// SPDX-License-Identifier: Apache-2.0
#include "recordstablemodel.h"

#include "jsonrecords.h"

#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>

namespace uis {

RecordsTableModel::RecordsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecordsTableModel::setRecords(const QJsonArray &records, const QList<InferredField> &schema,
                                   const QJsonArray &metadata, const QStringList &metadataFields)
{
    beginResetModel();
    m_records = records;
    // Metadata that does not line up with the records would label them wrongly: left out.
    const bool aligned = metadata.size() == records.size();
    m_metadata = aligned ? metadata : QJsonArray();
    m_metaColumns = aligned && !metadata.isEmpty() ? metadataFields : QStringList();
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
    return parent.isValid() ? 0 : int(m_metaColumns.size() + m_columns.size());
}

QVariant RecordsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (isMetadataColumn(index.column()))
        return JsonRecords::cellText(
            m_metadata.at(index.row()).toObject().value(m_metaColumns.at(index.column())));
    const QJsonValue rec = m_records.at(index.row());
    const QString &column = m_columns.at(index.column() - m_metaColumns.size());
    // A record that is not an object is the single column `value` (SchemaInferrer's rule).
    const QJsonValue v = rec.isObject() ? JsonRecords::dotted(rec, column) : rec;
    return JsonRecords::cellText(v);
}

QVariant RecordsTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    if (isMetadataColumn(section)) {
        // Set apart from the value's fields: they are not in the schema and cannot be mapped.
        if (role == Qt::FontRole) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        if (role == Qt::ToolTipRole)
            return tr("%1 of the record, beside its value: not part of the inferred schema")
                .arg(m_metaColumns.at(section));
        return role == Qt::DisplayRole ? QVariant(m_metaColumns.at(section)) : QVariant();
    }
    const qsizetype at = section - m_metaColumns.size();
    if (role == Qt::ToolTipRole)
        return m_types.at(at);
    return role == Qt::DisplayRole ? QVariant(m_columns.at(at)) : QVariant();
}

} // namespace uis
