// SPDX-License-Identifier: Apache-2.0
#include "disconnectnodes.h"

#include "pipelinedocument.h"
#include "setvalue.h"

#include <QCoreApplication>

namespace uis {

DisconnectNodes::DisconnectNodes(PipelineDocument *document, NodeId from, NodeId to, QUndoCommand *parent)
    : DocumentCommand(document, QString(), parent)
{
    const GraphModel *g = document->graph();
    const GraphNode *a = g->node(from);
    const GraphNode *b = g->node(to);
    if (!a || !b)
        return;
    setText(QCoreApplication::translate("uis::DisconnectNodes", "Disconnect %1 → %2").arg(a->name, b->name));
    SourceNode inputs = SourceNode::makeList();
    for (const GraphConnection &c : g->inputsOf(to)) {
        if (c.from != from)
            inputs.append(SourceNode::makeString(g->node(c.from)->name));
    }
    new SetValue(document, b->pointer + QStringLiteral("/inputs"),
                 inputs.size() ? std::optional<SourceNode>(inputs) : std::nullopt, this);
}

} // namespace uis
