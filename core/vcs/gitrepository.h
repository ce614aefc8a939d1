// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

struct git_repository;

namespace uis {

/**
 * The Git repository a file lives in, read through libgit2: the file at a revision, the
 * branch, and whether the working file differs from HEAD. Read-only; never runs `git`.
 */
class GitRepository
{
public:
    /// The repository containing `path` (a file or folder), or nullopt (with `error` set) when
    /// there is none.
    static std::optional<GitRepository> discover(const QString &path, QString *error = nullptr);

    /// The working tree's root folder (absolute, ending without a slash).
    QString workdir() const;
    /// The current branch's short name, `HEAD` (detached) or "" in a repository without commits.
    QString branch() const;
    /// `file` (absolute, or relative to the current folder) as it is at `revision` (e.g.
    /// `HEAD`, `main~1`, a hash). nullopt with `error` set when the revision or the path at it
    /// does not exist.
    std::optional<QByteArray> fileAt(const QString &revision, const QString &file,
                                     QString *error = nullptr) const;
    /// True when the working file differs from HEAD (modified, staged, or not in HEAD).
    bool differsFromHead(const QString &file) const;
    /// `file` relative to the working tree root, with `/` separators.
    QString relativePath(const QString &file) const;

private:
    struct Free
    {
        void operator()(git_repository *r) const;
    };
    std::shared_ptr<git_repository> m_repo;
};

} // namespace uis
