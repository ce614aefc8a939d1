// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUndoCommand>

namespace uis {

class PipelineDocument;

/**
 * Base of the commands that edit the tree. Redo applies the change (its own and its children's)
 * inside one tree edit, so the text is rewritten once; undo restores the exact text from before,
 * so comments and formatting the user wrote come back too.
 */
class DocumentCommand : public QUndoCommand
{
public:
    DocumentCommand(PipelineDocument *document, const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

protected:
    virtual void apply() {}
    virtual void revert() {}

    PipelineDocument *m_document;
    QString m_textBefore;
    QString m_textAfter;
    bool m_done = false;
};

} // namespace uis
