// SPDX-License-Identifier: Apache-2.0
#include "removenode.h"

#include "movenodes.h"
#include "pipelinedocument.h"
#include "setvalue.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace uis {

RemoveNode::RemoveNode(PipelineDocument *document, const QList<NodeId> &ids, QUndoCommand *parent)
    : DocumentCommand(document, QString(), parent)
{
    const GraphModel *g = document->graph();
    QList<GraphNode> removed;
    QSet<QString> names;
    for (NodeId id : ids) {
        if (const GraphNode *n = g->node(id)) {
            removed.append(*n);
            names.insert(n->name);
        }
    }
    setText(removed.size() == 1
                ? QCoreApplication::translate("uis::RemoveNode", "Delete %1").arg(removed.first().name)
                : QCoreApplication::translate("uis::RemoveNode", "Delete %n Nodes", nullptr,
                                              int(removed.size())));

    // References first, while list indices are still the current ones.
    for (NodeId id : g->nodeIds()) {
        const GraphNode *n = g->node(id);
        if (n->kind == NodeKind::Endpoint || names.contains(n->name))
            continue;
        const QString inputsPointer = n->pointer + QStringLiteral("/inputs");
        const std::optional<SourceNode> inputs = document->valueAt(inputsPointer);
        if (!inputs)
            continue;
        SourceNode kept = SourceNode::makeList();
        bool changed = false;
        if (inputs->isList()) {
            for (const SourceNode &c : inputs->children()) {
                if (c.isScalar() && names.contains(c.text()))
                    changed = true;
                else
                    kept.append(c);
            }
        } else if (inputs->isScalar() && names.contains(inputs->text())) {
            changed = true;
        }
        if (changed)
            new SetValue(document, inputsPointer,
                         kept.size() ? std::optional<SourceNode>(kept) : std::nullopt, this);
    }

    // Then the nodes, highest index first within each list.
    std::sort(removed.begin(), removed.end(), [](const GraphNode &a, const GraphNode &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.index > b.index;
    });
    MoveNodes::Positions forget;
    for (const GraphNode &n : std::as_const(removed)) {
        new SetValue(document, n.pointer, std::nullopt, this);
        if (document->manualPositions().contains(n.key))
            forget.insert(n.key, std::nullopt);
    }
    if (!forget.isEmpty())
        new MoveNodes(document, forget, this);
}

} // namespace uis
