// SPDX-License-Identifier: Apache-2.0
#include "movenodes.h"

#include "pipelinedocument.h"

#include <QCoreApplication>

namespace uis {

MoveNodes::MoveNodes(PipelineDocument *document, const Positions &after, QUndoCommand *parent)
    : QUndoCommand(after.size() == 1 ? QCoreApplication::translate("uis::MoveNodes", "Move Node")
                                     : QCoreApplication::translate("uis::MoveNodes", "Move %n Nodes",
                                                                   nullptr, int(after.size())),
                   parent)
    , m_document(document)
    , m_after(after)
{
    const QHash<QString, QPointF> &now = document->manualPositions();
    for (auto it = after.begin(); it != after.end(); ++it) {
        auto cur = now.constFind(it.key());
        m_before.insert(it.key(), cur == now.constEnd() ? std::nullopt : std::optional<QPointF>(*cur));
    }
}

void MoveNodes::redo()
{
    QUndoCommand::redo();
    m_document->setPositions(m_after);
}

void MoveNodes::undo()
{
    m_document->setPositions(m_before);
    QUndoCommand::undo();
}

} // namespace uis
