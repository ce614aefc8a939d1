// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schemainferrer.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QStringList>

namespace uis {

/// Sampled records as a table: first the record's metadata when the source gives it (Kafka:
/// partition, offset, timestamp, key, headers; CDC: the table), then one column per inferred
/// (flattened) field of the value, `a.b` read from nested objects; arrays and objects shown as
/// their JSON text.
class RecordsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RecordsTableModel(QObject *parent = nullptr);

    /// `metadata` is parallel to `records` (or empty), its keys shown as `metadataFields`.
    void setRecords(const QJsonArray &records, const QList<InferredField> &schema,
                    const QJsonArray &metadata = {}, const QStringList &metadataFields = {});
    QJsonValue record(int row) const { return m_records.at(row); }
    /// The value's columns (the inferred fields), after the metadata's.
    QStringList columns() const { return m_columns; }
    QStringList metadataColumns() const { return m_metaColumns; }
    bool isMetadataColumn(int section) const { return section < m_metaColumns.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_records;
    QJsonArray m_metadata;
    QStringList m_metaColumns;
    QStringList m_columns;
    QStringList m_types;
};

} // namespace uis
