// SPDX-License-Identifier: Apache-2.0
#include "vcsstate.h"

#include "gitrepository.h"

#include <QCoreApplication>

namespace uis {

VcsState VcsState::of(const QString &filePath, const QByteArray &text)
{
    VcsState s;
    if (filePath.isEmpty())
        return s;
    const std::optional<GitRepository> repo = GitRepository::discover(filePath);
    if (!repo || repo->relativePath(filePath).startsWith(QLatin1String("../")))
        return s;
    s.inRepo = true;
    s.branch = repo->branch();
    const std::optional<QByteArray> head = repo->fileAt(QStringLiteral("HEAD"), filePath);
    s.inHead = head.has_value();
    // The document's text, not the file on disk: unsaved edits count as modified.
    s.differs = !head || *head != text;
    return s;
}

QString VcsState::summary() const
{
    if (!inRepo)
        return {};
    const QString b =
        branch.isEmpty() ? QCoreApplication::translate("uis::VcsState", "no commits") : branch;
    const QString what = !inHead ? QCoreApplication::translate("uis::VcsState", "new file")
                         : differs
                             ? QCoreApplication::translate("uis::VcsState", "modified vs HEAD")
                             : QCoreApplication::translate("uis::VcsState", "same as HEAD");
    return QStringLiteral("%1 • %2").arg(b, what);
}

QString VcsState::windowTitle(const QString &displayName, const VcsState &state)
{
    const QString app = QCoreApplication::translate("uis::VcsState", "UIS Studio");
    const QString git = state.summary();
    return git.isEmpty() ? QStringLiteral("%1[*] — %2").arg(displayName, app)
                         : QStringLiteral("%1[*] — %2 — %3").arg(displayName, git, app);
}

} // namespace uis
