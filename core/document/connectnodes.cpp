// SPDX-License-Identifier: Apache-2.0
#include "connectnodes.h"

#include "pipelinedocument.h"
#include "setvalue.h"

#include <QCoreApplication>

namespace uis {

ConnectNodes::ConnectNodes(PipelineDocument *document, NodeId from, NodeId to, QUndoCommand *parent)
    : DocumentCommand(document, QString(), parent)
{
    const GraphModel *g = document->graph();
    const GraphNode *a = g->node(from);
    const GraphNode *b = g->node(to);
    if (!a || !b)
        return;
    setText(QCoreApplication::translate("uis::ConnectNodes", "Connect %1 → %2").arg(a->name, b->name));
    SourceNode inputs = SourceNode::makeList();
    if (!g->hasImplicitInputs(to)) {
        for (const GraphConnection &c : g->inputsOf(to))
            inputs.append(SourceNode::makeString(g->node(c.from)->name));
    }
    inputs.append(SourceNode::makeString(a->name));
    new SetValue(document, b->pointer + QStringLiteral("/inputs"), inputs, this);
}

} // namespace uis
