// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUndoCommand>

#include <optional>

namespace uis {

/**
 * Keep as test case, on the document's undo stack: redo writes the tests file with the new
 * case, undo writes it back as it was (or removes it when the case created it). Every write is
 * atomic (QSaveFile). The caller does the first write itself, to report a failure, and pushes
 * the command only once that succeeded.
 */
class KeepTestCaseCommand : public QUndoCommand
{
public:
    KeepTestCaseCommand(const QString &path, const std::optional<QByteArray> &before,
                        const QByteArray &after, const QString &caseName);

    /// Writes `data` to `path` atomically; false with `error` when it cannot.
    static bool write(const QString &path, const QByteArray &data, QString *error = nullptr);

    void redo() override;
    void undo() override;

private:
    QString m_path;
    std::optional<QByteArray> m_before;
    QByteArray m_after;
    bool m_written = true; ///< the caller wrote `after` already
};

} // namespace uis
