// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "samplemapping.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace uis {

/// A JSON value as a tree (Key, Value, Type), each node knowing its path from the root; and
/// optionally, last, a node holding the record's metadata (Kafka's partition, key, headers…),
/// which is shown but is no part of the value: it has no path into it.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { ColKey, ColValue, ColType, ColumnCount };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    /// Shows `value`; a non-empty `metadata` follows as one more top-level node named `label`.
    void setJson(const QJsonValue &value, const QJsonObject &metadata = {},
                 const QString &label = {});
    /// The path of a node of the value (empty for the metadata and the nodes below it).
    QList<JsonStep> path(const QModelIndex &index) const;
    /// Whether `index` is the metadata node or below it.
    bool isMetadata(const QModelIndex &index) const;
    QJsonValue value(const QModelIndex &index) const;
    /// The index of the node at `path`, invalid when there is none.
    QModelIndex indexFor(const QList<JsonStep> &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        JsonStep step;
        QJsonValue value;
        bool metadata = false; ///< the metadata node or below it
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node *node);
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    QString m_metadataLabel;
};

} // namespace uis
