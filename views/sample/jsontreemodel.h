// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "samplemapping.h"

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace uis {

/// A JSON value as a tree (Key, Value, Type), each node knowing its path from the root.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { ColKey, ColValue, ColType, ColumnCount };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const QJsonValue &value);
    QList<JsonStep> path(const QModelIndex &index) const;
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
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node *node);
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace uis
