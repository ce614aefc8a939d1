// SPDX-License-Identifier: Apache-2.0
#include "documentcommand.h"

#include "pipelinedocument.h"

namespace uis {

DocumentCommand::DocumentCommand(PipelineDocument *document, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_textBefore(document->text())
{
}

void DocumentCommand::redo()
{
    m_document->beginTreeEdit(!m_done);
    apply();
    QUndoCommand::redo();
    m_document->endTreeEdit(m_done ? &m_textAfter : nullptr);
    m_textAfter = m_document->text();
    m_done = true;
}

void DocumentCommand::undo()
{
    m_document->beginTreeEdit(false);
    QUndoCommand::undo();
    revert();
    m_document->endTreeEdit(&m_textBefore);
}

} // namespace uis
