// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QPointF>
#include <QUndoCommand>

#include <optional>

namespace uis {

class PipelineDocument;

/// Moves nodes on the canvas (or, with nullopt, hands them back to the automatic layout).
class MoveNodes : public QUndoCommand
{
public:
    using Positions = QHash<QString, std::optional<QPointF>>;
    MoveNodes(PipelineDocument *document, const Positions &after, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    PipelineDocument *m_document;
    Positions m_before;
    Positions m_after;
};

} // namespace uis
