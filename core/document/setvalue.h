// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "documentcommand.h"
#include "sourcenode.h"

#include <QElapsedTimer>

#include <optional>

namespace uis {

/**
 * The one generic change-value command: sets, adds, removes or (with `insert`) inserts the
 * value at a JSON Pointer. Missing parents are created as maps; consecutive edits of the same
 * field merge, and an edit that ends where it started drops out of the stack.
 */
class SetValue : public DocumentCommand
{
public:
    SetValue(PipelineDocument *document, const QString &pointer, const std::optional<SourceNode> &value,
             QUndoCommand *parent = nullptr);
    /// Inserts `value` as item `index` of the list at `listPointer`.
    static SetValue *insertItem(PipelineDocument *document, const QString &listPointer, int index,
                                const SourceNode &value, QUndoCommand *parent = nullptr);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    bool isNoOp() const;
    QString pointer() const { return m_pointer; }

protected:
    void apply() override;
    void revert() override;

private:
    QString m_pointer;
    std::optional<SourceNode> m_old;
    std::optional<SourceNode> m_new;
    bool m_insert = false;   ///< list item inserted (redo) / removed (undo)
    bool m_listParent = false;
    int m_mapIndex = -1;
    QElapsedTimer m_lastEdit;
};

} // namespace uis
