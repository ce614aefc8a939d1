// SPDX-License-Identifier: Apache-2.0
#include "graphmodel.h"

#include <QSet>

#include <algorithm>

namespace uis {

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Endpoint:
        return QStringLiteral("endpoint");
    case NodeKind::Transform:
        return QStringLiteral("transform");
    case NodeKind::Sink:
        return QStringLiteral("sink");
    }
    return {};
}

QString nodeListPointer(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Endpoint:
        return QStringLiteral("/provider/endpoints");
    case NodeKind::Transform:
        return QStringLiteral("/provider/transforms");
    case NodeKind::Sink:
        return QStringLiteral("/provider/sinks");
    }
    return {};
}

namespace {

QString firstLine(const QString &s)
{
    const QString t = s.trimmed();
    const qsizetype nl = t.indexOf(QLatin1Char('\n'));
    return nl < 0 ? t : t.left(nl) + QStringLiteral(" …");
}

QString endpointDetail(const Provider &p, const Endpoint &e)
{
    if (!e.topic.isEmpty())
        return e.topic;
    if (!e.tables.isEmpty())
        return e.tables.join(QStringLiteral(", "));
    if (!e.path.isEmpty())
        return e.method.isEmpty() || p.providerType != QLatin1String("rest_api")
                   ? e.path
                   : e.method + QLatin1Char(' ') + e.path;
    return {};
}

QString transformDetail(const Transform &t)
{
    if (!t.condition.isEmpty())
        return firstLine(t.condition);
    if (!t.query.isEmpty())
        return firstLine(t.query);
    if (!t.keys.isEmpty())
        return t.keys.join(QStringLiteral(", "));
    if (!t.window.isEmpty())
        return t.window;
    if (!t.maxOutOfOrderness.isEmpty())
        return t.timeColumn + QStringLiteral(" ≤ ") + t.maxOutOfOrderness;
    if (!t.mapping.isEmpty())
        return QStringLiteral("%1 → %2").arg(t.mapping.first().first, t.mapping.first().second);
    return {};
}

QString sinkDetail(const Sink &s)
{
    if (!s.tableName.isEmpty())
        return s.tableName;
    if (!s.kafkaTopic.isEmpty())
        return s.kafkaTopic;
    for (const char *k : {"bucket", "path", "url"}) {
        if (const SourceNode *v = s.config.find(QString::fromLatin1(k)); v && v->isScalar())
            return v->text();
    }
    return {};
}

} // namespace

GraphModel::GraphModel(QObject *parent)
    : QObject(parent)
{
}

QList<NodeId> GraphModel::nodeIds() const { return m_order; }

const GraphNode *GraphModel::node(NodeId id) const
{
    auto it = m_nodes.constFind(id);
    return it == m_nodes.constEnd() ? nullptr : &it.value();
}

NodeId GraphModel::nodeForKey(const QString &key) const
{
    return m_byKey.value(key, InvalidNodeId);
}

void GraphModel::indexNodes()
{
    m_byPointer.clear();
    m_byKey.clear();
    m_byPointer.reserve(m_nodes.size());
    m_byKey.reserve(m_nodes.size());
    for (const GraphNode &n : std::as_const(m_nodes)) {
        m_byPointer.insert(n.pointer, n.id);
        m_byKey.insert(n.key, n.id);
    }
}

NodeId GraphModel::nodeForName(const QString &name) const
{
    // Endpoints first, then transforms: the order in which names resolve for inputs.
    for (NodeKind k : {NodeKind::Endpoint, NodeKind::Transform, NodeKind::Sink}) {
        for (NodeId id : m_order) {
            const GraphNode &n = m_nodes[id];
            if (n.kind == k && n.name == name)
                return id;
        }
    }
    return InvalidNodeId;
}

NodeId GraphModel::nodeForPointer(const QString &pointer) const
{
    // The longest node pointer that is the pointer or one of its parents: walk up.
    QStringView p(pointer);
    while (!p.isEmpty()) {
        const auto it = m_byPointer.constFind(p.toString());
        if (it != m_byPointer.constEnd())
            return it.value();
        const qsizetype slash = p.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            break;
        p = p.left(slash);
    }
    return InvalidNodeId;
}

QList<GraphConnection> GraphModel::inputsOf(NodeId id) const
{
    QList<GraphConnection> out;
    for (const GraphConnection &c : m_connections) {
        if (c.to == id)
            out.append(c);
    }
    return out;
}

QList<GraphConnection> GraphModel::outputsOf(NodeId id) const
{
    QList<GraphConnection> out;
    for (const GraphConnection &c : m_connections) {
        if (c.from == id)
            out.append(c);
    }
    return out;
}

bool GraphModel::hasConnection(NodeId from, NodeId to) const
{
    return std::any_of(m_connections.begin(), m_connections.end(),
                       [&](const GraphConnection &c) { return c.from == from && c.to == to; });
}

bool GraphModel::hasImplicitInputs(NodeId id) const { return m_implicitInputs.value(id, false); }

bool GraphModel::reaches(NodeId from, NodeId to) const
{
    // Adjacency first: a drag asks this on every mouse move, and a scan of all connections
    // per visited node is quadratic on a big graph.
    QHash<NodeId, QList<NodeId>> outs;
    for (const GraphConnection &c : m_connections)
        outs[c.from].append(c.to);
    QSet<NodeId> seen;
    QList<NodeId> stack{from};
    while (!stack.isEmpty()) {
        const NodeId n = stack.takeLast();
        if (n == to)
            return true;
        if (seen.contains(n))
            continue;
        seen.insert(n);
        stack.append(outs.value(n));
    }
    return false;
}

bool GraphModel::canConnect(NodeId from, NodeId to, QString *reason) const
{
    auto refuse = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    const GraphNode *a = node(from);
    const GraphNode *b = node(to);
    if (!a || !b)
        return refuse(QStringLiteral("unknown node"));
    if (from == to)
        return refuse(QStringLiteral("a node cannot read from itself"));
    if (a->kind == NodeKind::Sink)
        return refuse(QStringLiteral("a sink has no outputs"));
    if (b->kind == NodeKind::Endpoint)
        return refuse(QStringLiteral("an endpoint has no inputs"));
    for (const GraphConnection &c : m_connections) {
        if (c.from == from && c.to == to && !c.implicit)
            return refuse(QStringLiteral("%1 already reads from %2").arg(b->name, a->name));
    }
    if (reaches(to, from))
        return refuse(QStringLiteral("connecting %1 to %2 would make a cycle").arg(a->name, b->name));
    return true;
}

QList<GraphNode> GraphModel::buildNodes(const Spec &spec) const
{
    QList<GraphNode> out;
    QSet<QString> keys;
    auto add = [&](NodeKind kind, int index, QString name, QString type, QString detail) {
        GraphNode n;
        n.kind = kind;
        n.index = index;
        if (name.isEmpty())
            name = QStringLiteral("%1_%2").arg(nodeKindName(kind)).arg(index + 1);
        n.name = name;
        n.type = type;
        n.detail = detail;
        n.pointer = nodeListPointer(kind) + QLatin1Char('/') + QString::number(index);
        n.key = nodeKindName(kind) + QLatin1Char(':') + name;
        if (keys.contains(n.key))
            n.key += QLatin1Char('#') + QString::number(index);
        keys.insert(n.key);
        out.append(n);
    };
    const Provider &p = spec.provider;
    for (int i = 0; i < p.endpoints.size(); ++i)
        add(NodeKind::Endpoint, i, p.endpoints[i].name, p.providerType, endpointDetail(p, p.endpoints[i]));
    for (int i = 0; i < p.transforms.size(); ++i)
        add(NodeKind::Transform, i, p.transforms[i].name, p.transforms[i].type,
            transformDetail(p.transforms[i]));
    for (int i = 0; i < p.sinks.size(); ++i)
        add(NodeKind::Sink, i, spec.sinkName(i), p.sinks[i].type, sinkDetail(p.sinks[i]));
    return out;
}

void GraphModel::clear()
{
    const QList<GraphConnection> conns = m_connections;
    m_connections.clear();
    for (const GraphConnection &c : conns)
        Q_EMIT connectionDeleted(c);
    const QList<NodeId> ids = m_order;
    m_order.clear();
    m_nodes.clear();
    m_byPointer.clear();
    m_byKey.clear();
    m_implicitInputs.clear();
    m_autoPositions.clear();
    for (NodeId id : ids)
        Q_EMIT nodeDeleted(id);
}

void GraphModel::rebuild(const Spec &spec)
{
    QList<GraphNode> fresh = buildNodes(spec);

    // Match new nodes to old ids: by key, then by kind and index (a rename keeps its id).
    QHash<QString, NodeId> oldByKey;
    for (const GraphNode &n : m_nodes)
        oldByKey.insert(n.key, n.id);
    QSet<NodeId> used;
    for (GraphNode &n : fresh) {
        const NodeId id = oldByKey.value(n.key, InvalidNodeId);
        if (id != InvalidNodeId) {
            n.id = id;
            used.insert(id);
        }
    }
    QHash<QPair<int, int>, NodeId> unusedByPlace; // (kind, index) → old id not matched by key
    for (const GraphNode &o : std::as_const(m_nodes)) {
        if (!used.contains(o.id))
            unusedByPlace.insert({int(o.kind), o.index}, o.id);
    }
    for (GraphNode &n : fresh) {
        if (n.id != InvalidNodeId)
            continue;
        const auto it = unusedByPlace.constFind({int(n.kind), n.index});
        if (it != unusedByPlace.constEnd()) {
            n.id = it.value();
            used.insert(n.id);
            unusedByPlace.erase(it);
        }
    }
    for (GraphNode &n : fresh) {
        if (n.id == InvalidNodeId)
            n.id = m_nextId++;
    }

    // Connections of the new graph.
    QHash<QString, NodeId> byName;
    for (NodeKind k : {NodeKind::Transform, NodeKind::Endpoint}) {
        for (const GraphNode &n : fresh) {
            if (n.kind == k)
                byName.insert(n.name, n.id);
        }
    }
    QList<GraphConnection> conns;
    QSet<GraphConnection> connSet;
    QHash<NodeId, bool> implicit;
    auto connect = [&](const GraphNode &target, const QStringList &inputs, bool isImplicit) {
        implicit.insert(target.id, isImplicit);
        for (const QString &in : inputs) {
            const NodeId from = byName.value(in, InvalidNodeId);
            if (from == InvalidNodeId || from == target.id)
                continue;
            GraphConnection c{from, target.id, isImplicit};
            if (!connSet.contains(c)) {
                connSet.insert(c);
                conns.append(c);
            }
        }
    };
    const Provider &p = spec.provider;
    for (const GraphNode &n : fresh) {
        if (n.kind == NodeKind::Transform)
            connect(n, spec.effectiveTransformInputs(n.index), p.transforms[n.index].inputs.isEmpty());
        else if (n.kind == NodeKind::Sink)
            connect(n, spec.effectiveSinkInputs(n.index), p.sinks[n.index].inputs.isEmpty());
    }

    // Emit: removed connections, removed nodes, new/updated nodes, new connections.
    QSet<NodeId> freshIds;
    for (const GraphNode &n : fresh)
        freshIds.insert(n.id);
    const QList<GraphConnection> oldConns = m_connections;
    const QSet<GraphConnection> oldSet(oldConns.begin(), oldConns.end());
    QList<GraphConnection> gone;
    for (const GraphConnection &c : oldConns) {
        if (!connSet.contains(c))
            gone.append(c);
    }
    if (!gone.isEmpty()) {
        m_connections.removeIf([&](const GraphConnection &c) { return !connSet.contains(c); });
        for (const GraphConnection &c : std::as_const(gone))
            Q_EMIT connectionDeleted(c);
    }
    QList<NodeId> removed;
    for (NodeId id : std::as_const(m_order)) {
        if (!freshIds.contains(id))
            removed.append(id);
    }
    if (!removed.isEmpty()) {
        const QSet<NodeId> removedSet(removed.begin(), removed.end());
        m_order.removeIf([&](NodeId id) { return removedSet.contains(id); });
        for (NodeId id : std::as_const(removed))
            m_nodes.remove(id);
        indexNodes();
        for (NodeId id : std::as_const(removed))
            Q_EMIT nodeDeleted(id);
    }
    const QList<NodeId> oldOrder = std::exchange(m_order, {});
    QList<NodeId> created;
    QList<NodeId> updated;
    for (const GraphNode &n : fresh) {
        m_order.append(n.id);
        auto it = m_nodes.find(n.id);
        if (it == m_nodes.end()) {
            m_nodes.insert(n.id, n);
            created.append(n.id);
        } else if (!(it.value() == n)) {
            it.value() = n;
            updated.append(n.id);
        }
    }
    // An edit inside one value (most keystrokes) leaves the graph as it was: no layout, no
    // repositioning of every item.
    const bool unchanged = created.isEmpty() && removed.isEmpty() && updated.isEmpty() &&
                           m_order == oldOrder && conns == oldConns && implicit == m_implicitInputs;
    if (unchanged)
        return;
    m_implicitInputs = implicit;
    m_connections = conns;
    indexNodes();
    m_autoPositions = layeredLayout();
    for (NodeId id : std::as_const(created))
        Q_EMIT nodeCreated(id);
    for (NodeId id : std::as_const(updated))
        Q_EMIT nodeUpdated(id);
    for (const GraphConnection &c : std::as_const(conns)) {
        if (!oldSet.contains(c))
            Q_EMIT connectionCreated(c);
    }
    Q_EMIT layoutChanged();
}

QHash<NodeId, QPointF> GraphModel::layeredLayout() const
{
    // Longest-path layering over a topological order (Kahn); nodes left in a cycle keep the
    // layer of their kind so a broken spec still lays out.
    QHash<NodeId, int> layer;
    QHash<NodeId, int> indegree;
    for (NodeId id : m_order)
        indegree.insert(id, 0);
    for (const GraphConnection &c : m_connections)
        indegree[c.to] += 1;
    QList<NodeId> queue;
    for (NodeId id : m_order) {
        if (indegree[id] == 0) {
            queue.append(id);
            layer.insert(id, 0);
        }
    }
    QHash<NodeId, QList<NodeId>> outs;
    for (const GraphConnection &c : m_connections)
        outs[c.from].append(c.to);
    for (qsizetype qi = 0; qi < queue.size(); ++qi) {
        const NodeId n = queue[qi];
        for (NodeId t : outs.value(n)) {
            layer[t] = std::max(layer.value(t, 0), layer[n] + 1);
            if (--indegree[t] == 0)
                queue.append(t);
        }
    }
    int maxLayer = 0;
    for (NodeId id : m_order) {
        if (!layer.contains(id)) {
            const NodeKind k = m_nodes[id].kind;
            layer.insert(id, k == NodeKind::Endpoint ? 0 : k == NodeKind::Transform ? 1 : 2);
        }
        maxLayer = std::max(maxLayer, layer[id]);
    }
    // Sinks go to the last column so outputs line up on the right.
    for (NodeId id : m_order) {
        if (m_nodes[id].kind == NodeKind::Sink)
            layer[id] = std::max(layer[id], maxLayer);
    }
    QList<QList<NodeId>> columns(maxLayer + 1);
    for (NodeId id : m_order)
        columns[layer[id]].append(id);

    int tallest = 0;
    for (const QList<NodeId> &col : columns)
        tallest = std::max(tallest, std::min<int>(int(col.size()), MaxRowsPerColumn));

    QHash<NodeId, QPointF> out;
    qreal x = 0;
    for (const QList<NodeId> &col : columns) {
        if (col.isEmpty())
            continue;
        const int subColumns = int((col.size() + MaxRowsPerColumn - 1) / MaxRowsPerColumn);
        const int rows = std::min<int>(int(col.size()), MaxRowsPerColumn);
        const qreal top = (tallest - rows) * RowHeight / 2;
        for (qsizetype i = 0; i < col.size(); ++i) {
            const int sub = int(i / MaxRowsPerColumn);
            const int row = int(i % MaxRowsPerColumn);
            out.insert(col[i], QPointF(x + sub * ColumnWidth, top + row * RowHeight));
        }
        x += subColumns * ColumnWidth + 40;
    }
    return out;
}

} // namespace uis
