// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spec.h"

#include <QHash>
#include <QHashFunctions>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>

namespace uis {

using NodeId = int;
constexpr NodeId InvalidNodeId = -1;

/// What a canvas node stands for.
enum class NodeKind { Endpoint, Transform, Sink };

/// One node of the pipeline graph: an endpoint, a transform or a sink of the spec.
struct GraphNode
{
    NodeId id = InvalidNodeId;
    NodeKind kind = NodeKind::Endpoint;
    int index = 0;    ///< position in its list (`endpoints`, `transforms`, `sinks`)
    QString name;     ///< effective name (sinks may default to `<type>_<n>`)
    QString type;     ///< provider type for endpoints, else the transform or sink type
    QString detail;   ///< a one-line summary: path, topic, condition, table…
    QString pointer;  ///< JSON Pointer of the node's object, e.g. `/provider/sinks/1`
    QString key;      ///< stable layout key, `<kind>:<name>`

    bool operator==(const GraphNode &o) const = default;
};

/// A data flow from one node into another; implicit ones come from the spec's input defaults.
struct GraphConnection
{
    NodeId from = InvalidNodeId;
    NodeId to = InvalidNodeId;
    bool implicit = false;

    bool operator==(const GraphConnection &o) const
    {
        return from == o.from && to == o.to && implicit == o.implicit;
    }
};

inline size_t qHash(const GraphConnection &c, size_t seed = 0) noexcept
{
    return qHashMulti(seed, c.from, c.to, c.implicit);
}

/// "endpoint", "transform" or "sink".
QString nodeKindName(NodeKind kind);
/// The JSON Pointer of the list holding nodes of `kind`.
QString nodeListPointer(NodeKind kind);

/**
 * The pipeline as a graph with stable integer ids (the QtNodes split: the model knows nodes and
 * connections, the scene maps ids to items). `rebuild()` diffs the new spec against the current
 * graph and emits fine-grained signals, keeping ids stable by name (then by position) so that
 * items, selection and layout survive edits.
 */
class GraphModel : public QObject
{
    Q_OBJECT
public:
    explicit GraphModel(QObject *parent = nullptr);

    QList<NodeId> nodeIds() const;
    const GraphNode *node(NodeId id) const;
    int nodeCount() const { return int(m_nodes.size()); }
    NodeId nodeForKey(const QString &key) const;
    NodeId nodeForName(const QString &name) const;
    /// The node whose object contains `pointer` (longest prefix), or InvalidNodeId.
    NodeId nodeForPointer(const QString &pointer) const;

    const QList<GraphConnection> &connections() const { return m_connections; }
    QList<GraphConnection> inputsOf(NodeId id) const;
    QList<GraphConnection> outputsOf(NodeId id) const;
    bool hasConnection(NodeId from, NodeId to) const;
    /// Whether the inputs of `id` are the spec's defaults (no `inputs` key).
    bool hasImplicitInputs(NodeId id) const;

    /// The edge rule: no self loops, no duplicates, no cycles, endpoints take no inputs,
    /// sinks give no outputs. `reason` says why an edge is refused.
    bool canConnect(NodeId from, NodeId to, QString *reason = nullptr) const;
    /// Whether `to` can be reached from `from` following connections.
    bool reaches(NodeId from, NodeId to) const;

    /// Layered layout: column = longest path from a source; tall columns wrap.
    QHash<NodeId, QPointF> layeredLayout() const;
    QPointF autoPosition(NodeId id) const { return m_autoPositions.value(id); }

    /// Brings the graph in line with `spec`, emitting signals for what changed.
    void rebuild(const Spec &spec);
    void clear();

    static constexpr qreal ColumnWidth = 280;
    static constexpr qreal RowHeight = 96;
    static constexpr int MaxRowsPerColumn = 40;

Q_SIGNALS:
    void nodeCreated(uis::NodeId id);
    void nodeDeleted(uis::NodeId id);
    void nodeUpdated(uis::NodeId id);
    void connectionCreated(const uis::GraphConnection &c);
    void connectionDeleted(const uis::GraphConnection &c);
    /// Auto positions were recomputed.
    void layoutChanged();

private:
    QList<GraphNode> buildNodes(const Spec &spec) const;
    void indexNodes();

    QHash<NodeId, GraphNode> m_nodes;
    /// Node pointer and layout key → id: diagnostics and layout look nodes up per item, so a
    /// scan of every node per lookup would make them quadratic on big specs.
    QHash<QString, NodeId> m_byPointer;
    QHash<QString, NodeId> m_byKey;
    QList<NodeId> m_order;
    QList<GraphConnection> m_connections;
    QHash<NodeId, bool> m_implicitInputs;
    QHash<NodeId, QPointF> m_autoPositions;
    NodeId m_nextId = 1;
};

} // namespace uis
