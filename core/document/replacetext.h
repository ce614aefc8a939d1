// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QUndoCommand>

namespace uis {

class PipelineDocument;

/// A change of the source text; consecutive typing (within a pause) merges into one step.
class ReplaceText : public QUndoCommand
{
public:
    ReplaceText(PipelineDocument *document, const QString &before, const QString &after, bool typing);
    /// A whole-text replacement shown under `label` in the undo history (never merges).
    ReplaceText(PipelineDocument *document, const QString &before, const QString &after,
                const QString &label);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    static constexpr int MergeWindowMs = 1500;

private:
    PipelineDocument *m_document;
    QString m_before;
    QString m_after;
    bool m_typing;
    QElapsedTimer m_lastEdit;
};

} // namespace uis
