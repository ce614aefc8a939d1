// SPDX-License-Identifier: Apache-2.0
#include "addnode.h"

#include "movenodes.h"
#include "pipelinedocument.h"
#include "setvalue.h"

#include <QCoreApplication>
#include <QSet>

namespace uis {

QString AddNode::uniqueName(const PipelineDocument *document, const QString &base)
{
    QSet<QString> used;
    const GraphModel *g = document->graph();
    for (NodeId id : g->nodeIds())
        used.insert(g->node(id)->name);
    for (int n = 1;; ++n) {
        const QString candidate = QStringLiteral("%1_%2").arg(base).arg(n);
        if (!used.contains(candidate))
            return candidate;
    }
}

AddNode::AddNode(PipelineDocument *document, NodeKind kind, const QString &type,
                 std::optional<QPointF> position, QUndoCommand *parent)
    : DocumentCommand(document, QString(), parent)
{
    const QString base = kind == NodeKind::Endpoint ? QStringLiteral("endpoint") : type;
    m_name = uniqueName(document, base);
    m_key = nodeKindName(kind) + QLatin1Char(':') + m_name;
    setText(QCoreApplication::translate("uis::AddNode", "Add %1").arg(m_name));

    SourceNode node = SourceNode::makeMap();
    node.insert(QStringLiteral("name"), SourceNode::makeString(m_name));
    if (kind != NodeKind::Endpoint)
        node.insert(QStringLiteral("type"), SourceNode::makeString(type));

    const QString listPointer = nodeListPointer(kind);
    const SourceNode *list = document->nodeAt(listPointer);
    if (list && list->isList()) {
        SetValue::insertItem(document, listPointer, list->size(), node, this);
    } else {
        SourceNode l = SourceNode::makeList();
        l.append(node);
        new SetValue(document, listPointer, l, this);
    }
    if (position)
        new MoveNodes(document, {{m_key, *position}}, this);
}

} // namespace uis
