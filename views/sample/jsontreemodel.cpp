// SPDX-License-Identifier: Apache-2.0
#include "jsontreemodel.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uis {

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(new Node) {}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node)
{
    const auto add = [node](JsonStep step, const QJsonValue &v) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size());
        child->step = std::move(step);
        child->value = v;
        child->metadata = node->metadata;
        build(child.get());
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject o = node->value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            add(JsonStep{it.key(), -1}, it.value());
    } else if (node->value.isArray()) {
        const QJsonArray a = node->value.toArray();
        for (int i = 0; i < a.size(); ++i)
            add(JsonStep{QString(), i}, a.at(i));
    }
}

void JsonTreeModel::setJson(const QJsonValue &value, const QJsonObject &metadata,
                            const QString &label)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->value = value;
    build(m_root.get());
    m_metadataLabel = label;
    if (!metadata.isEmpty()) {
        auto meta = std::make_unique<Node>();
        meta->parent = m_root.get();
        meta->row = int(m_root->children.size());
        meta->value = metadata;
        meta->metadata = true;
        build(meta.get());
        m_root->children.push_back(std::move(meta));
    }
    endResetModel();
}

bool JsonTreeModel::isMetadata(const QModelIndex &index) const
{
    return index.isValid() && nodeOf(index)->metadata;
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QList<JsonStep> JsonTreeModel::path(const QModelIndex &index) const
{
    QList<JsonStep> out;
    if (isMetadata(index))
        return out;
    for (const Node *n = nodeOf(index); n && n->parent; n = n->parent)
        out.prepend(n->step);
    return out;
}

QJsonValue JsonTreeModel::value(const QModelIndex &index) const
{
    return nodeOf(index)->value;
}

QModelIndex JsonTreeModel::indexFor(const QList<JsonStep> &path) const
{
    QModelIndex at;
    for (const JsonStep &s : path) {
        const Node *n = nodeOf(at);
        int row = -1;
        for (const auto &c : n->children) {
            if (!c->metadata && c->step.index == s.index && c->step.key == s.key) {
                row = c->row;
                break;
            }
        }
        if (row < 0)
            return {};
        at = index(row, 0, at);
    }
    return at;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (row < 0 || row >= int(p->children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, const_cast<Node *>(p));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    if (role == Qt::FontRole && n->metadata) { // set apart: not the value, not mappable
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QJsonValue &v = n->value;
    switch (index.column()) {
    case ColKey:
        if (n->metadata && n->parent == m_root.get())
            return m_metadataLabel;
        return n->step.isIndex() ? QStringLiteral("[%1]").arg(n->step.index) : n->step.key;
    case ColValue:
        switch (v.type()) {
        case QJsonValue::Object:
            return tr("{%n field(s)}", nullptr, int(v.toObject().size()));
        case QJsonValue::Array:
            return tr("[%n item(s)]", nullptr, int(v.toArray().size()));
        case QJsonValue::String:
            return v.toString();
        default: {
            const QByteArray j = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
            return QString::fromUtf8(j.mid(1, j.size() - 2));
        }
        }
    case ColType:
        switch (v.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("boolean");
        case QJsonValue::Double:
            return QStringLiteral("number");
        case QJsonValue::String:
            return QStringLiteral("string");
        case QJsonValue::Array:
            return QStringLiteral("array");
        case QJsonValue::Object:
            return n->metadata && n->parent == m_root.get() ? tr("metadata")
                                                            : QStringLiteral("object");
        case QJsonValue::Undefined:
            break;
        }
        return {};
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColKey:
        return tr("Key");
    case ColValue:
        return tr("Value");
    case ColType:
        return tr("Type");
    }
    return {};
}

} // namespace uis
