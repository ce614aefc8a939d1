// SPDX-License-Identifier: Apache-2.0
#include "setvalue.h"

#include "commandids.h"
#include "pipelinedocument.h"

#include <QCoreApplication>

namespace uis {

namespace {

QString describe(const QString &pointer)
{
    const QStringList tokens = splitPointer(pointer);
    const QString field = tokens.isEmpty() ? QStringLiteral("document") : tokens.last();
    return QCoreApplication::translate("uis::SetValue", "Set %1").arg(field);
}

} // namespace

SetValue::SetValue(PipelineDocument *document, const QString &pointer,
                   const std::optional<SourceNode> &value, QUndoCommand *parent)
    : DocumentCommand(document, describe(pointer), parent)
    , m_pointer(pointer)
    , m_new(value)
{
    // Write at the first missing (or non-container) ancestor, with the rest built as maps, so
    // undo removes exactly what redo created.
    const QStringList tokens = splitPointer(pointer);
    QString existing;
    int firstMissing = int(tokens.size());
    for (int i = 0; i < tokens.size() - 1; ++i) {
        const QString next = pointerAppend(existing, tokens[i]);
        const SourceNode *n = document->nodeAt(next);
        if (!n || !(n->isMap() || n->isList())) {
            firstMissing = i;
            break;
        }
        existing = next;
    }
    if (firstMissing < tokens.size() && value) {
        SourceNode built = *value;
        for (int i = int(tokens.size()) - 1; i > firstMissing; --i) {
            SourceNode m = SourceNode::makeMap();
            m.insert(tokens[i], built);
            built = m;
        }
        m_pointer = pointerAppend(existing, tokens[firstMissing]);
        m_new = built;
    }
    m_old = document->valueAt(m_pointer);
    const SourceNode *parentNode = document->nodeAt(existing);
    m_listParent = parentNode && parentNode->isList();
    m_mapIndex = document->mapIndexOf(m_pointer);
    m_lastEdit.start();
}

SetValue *SetValue::insertItem(PipelineDocument *document, const QString &listPointer, int index,
                               const SourceNode &value, QUndoCommand *parent)
{
    auto *c = new SetValue(document, pointerAppend(listPointer, index), value, parent);
    c->m_old.reset();
    c->m_insert = true;
    c->m_listParent = true;
    return c;
}

void SetValue::apply()
{
    m_document->writeValue(m_pointer, m_new, m_insert || (m_listParent && !m_old), m_mapIndex);
}

void SetValue::revert()
{
    m_document->writeValue(m_pointer, m_old, m_listParent && !m_new, m_mapIndex);
}

bool SetValue::isNoOp() const { return !m_insert && PipelineDocument::sameValue(m_old, m_new); }

int SetValue::id() const { return int(CommandId::SetValue); }

bool SetValue::mergeWith(const QUndoCommand *other)
{
    auto *o = static_cast<const SetValue *>(other);
    if (o->m_pointer != m_pointer || m_insert || o->m_insert || childCount() || o->childCount() ||
        m_lastEdit.elapsed() > 1500)
        return false;
    m_new = o->m_new;
    m_textAfter = o->m_textAfter;
    m_lastEdit.restart();
    setObsolete(PipelineDocument::sameValue(m_new, m_old));
    return true;
}

} // namespace uis
