// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datapreviewrunner.h"

#include <QAbstractTableModel>

namespace uis {

/**
 * The previewed rows of one node as a table: a column per field (header: name and Spark type),
 * a row per record. Read-only. Growing the same node appends rows; another node resets.
 */
class DataPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The raw JSON value of a cell (QJsonValue), or of a header section: the column name.
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit DataPreviewModel(QObject *parent = nullptr);

    /// Shows `node`; when it is the node already shown with the same columns, only the new rows
    /// are inserted.
    void setNode(const PreviewNode &node);
    void clear();
    QString nodeName() const { return m_node.name; }
    const PreviewNode &node() const { return m_node; }
    QString columnName(int column) const;
    /// A cell as the table shows it: strings as they are, null as "null", nested values as JSON.
    static QString displayText(const QJsonValue &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QJsonValue value(const QModelIndex &index) const;

    PreviewNode m_node;
};

} // namespace uis
