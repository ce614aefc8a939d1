// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace uis {

/// Where the open file stands in Git: its branch and whether the text differs from HEAD.
struct VcsState
{
    bool inRepo = false;
    QString branch;      ///< short name, `HEAD` when detached, "" before the first commit
    bool inHead = false; ///< the file exists at HEAD
    bool differs = false;

    /// The state of `filePath` whose current text (saved or not) is `text`. Quiet: a file
    /// outside any repository (or untitled) gives `inRepo == false`. Reads Git: not for the
    /// GUI thread.
    static VcsState of(const QString &filePath, const QByteArray &text);
    /// "main • modified vs HEAD", "main • same as HEAD", "main • new file"; "" outside Git.
    QString summary() const;
    /// The window title: "orders.uis.yaml[*] — main • modified vs HEAD — UIS Studio".
    static QString windowTitle(const QString &displayName, const VcsState &state);

    bool operator==(const VcsState &o) const = default;
};

} // namespace uis
