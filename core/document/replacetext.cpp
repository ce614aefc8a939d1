// SPDX-License-Identifier: Apache-2.0
#include "replacetext.h"

#include "commandids.h"
#include "pipelinedocument.h"

#include <QCoreApplication>

namespace uis {

ReplaceText::ReplaceText(PipelineDocument *document, const QString &before, const QString &after,
                         bool typing)
    : QUndoCommand(typing ? QCoreApplication::translate("uis::ReplaceText", "Typing")
                          : QCoreApplication::translate("uis::ReplaceText", "Replace Text"))
    , m_document(document)
    , m_before(before)
    , m_after(after)
    , m_typing(typing)
{
    m_lastEdit.start();
}

ReplaceText::ReplaceText(PipelineDocument *document, const QString &before, const QString &after,
                         const QString &label)
    : QUndoCommand(label), m_document(document), m_before(before), m_after(after), m_typing(false)
{
    m_lastEdit.start();
}

void ReplaceText::redo() { m_document->applyText(m_after); }

void ReplaceText::undo() { m_document->applyText(m_before); }

int ReplaceText::id() const { return m_typing ? int(CommandId::ReplaceText) : -1; }

bool ReplaceText::mergeWith(const QUndoCommand *other)
{
    auto *o = static_cast<const ReplaceText *>(other);
    if (!o->m_typing || m_lastEdit.elapsed() > MergeWindowMs)
        return false;
    m_after = o->m_after;
    m_lastEdit.restart();
    setObsolete(m_after == m_before);
    return true;
}

} // namespace uis
