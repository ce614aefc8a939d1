// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schemainferrer.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QStringList>

namespace uis {

/// Sampled records as a table: one column per inferred (flattened) field, `a.b` read from
/// nested objects; arrays and objects shown as their JSON text.
class RecordsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RecordsTableModel(QObject *parent = nullptr);

    void setRecords(const QJsonArray &records, const QList<InferredField> &schema);
    QJsonValue record(int row) const { return m_records.at(row); }
    QStringList columns() const { return m_columns; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_records;
    QStringList m_columns;
    QStringList m_types;
};

} // namespace uis
