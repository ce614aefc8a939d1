// SPDX-License-Identifier: Apache-2.0
#include "renamenode.h"

#include "movenodes.h"
#include "pipelinedocument.h"
#include "setvalue.h"

#include <QCoreApplication>

namespace uis {

RenameNode::RenameNode(PipelineDocument *document, NodeId id, const QString &newName, QUndoCommand *parent)
    : DocumentCommand(document, QString(), parent)
{
    const GraphModel *g = document->graph();
    const GraphNode *n = g->node(id);
    if (!n)
        return;
    const QString oldName = n->name;
    setText(QCoreApplication::translate("uis::RenameNode", "Rename %1 to %2").arg(oldName, newName));
    new SetValue(document, n->pointer + QStringLiteral("/name"),
                 newName.isEmpty() ? std::nullopt : std::optional<SourceNode>(SourceNode::makeString(newName)),
                 this);
    if (n->kind != NodeKind::Sink && !newName.isEmpty()) {
        for (NodeId other : g->nodeIds()) {
            const GraphNode *o = g->node(other);
            const QString inputsPointer = o->pointer + QStringLiteral("/inputs");
            std::optional<SourceNode> inputs = document->valueAt(inputsPointer);
            if (o->kind == NodeKind::Endpoint || !inputs)
                continue;
            bool changed = false;
            if (inputs->isList()) {
                for (SourceNode &c : inputs->children()) {
                    if (c.isScalar() && c.text() == oldName) {
                        c = SourceNode::makeString(newName);
                        changed = true;
                    }
                }
            } else if (inputs->isScalar() && inputs->text() == oldName) {
                inputs = SourceNode::makeString(newName);
                changed = true;
            }
            if (changed)
                new SetValue(document, inputsPointer, inputs, this);
        }
    }
    const auto &positions = document->manualPositions();
    if (positions.contains(n->key)) {
        const QString newKey = nodeKindName(n->kind) + QLatin1Char(':') + newName;
        new MoveNodes(document, {{n->key, std::nullopt}, {newKey, positions.value(n->key)}}, this);
    }
}

} // namespace uis
