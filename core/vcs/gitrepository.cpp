// SPDX-License-Identifier: Apache-2.0
#include "gitrepository.h"

#include "libgit2init.h"

#include <QDir>
#include <QFileInfo>

#include <git2.h>

namespace uis {

namespace {

QString lastError()
{
    const git_error *e = git_error_last();
    return e && e->message ? QString::fromUtf8(e->message)
                           : QStringLiteral("unknown libgit2 error");
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

void GitRepository::Free::operator()(git_repository *r) const
{
    git_repository_free(r);
}

std::optional<GitRepository> GitRepository::discover(const QString &path, QString *error)
{
    LibGit2Init::ensure();
    const QFileInfo info(path);
    const QString start = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    git_repository *repo = nullptr;
    if (git_repository_open_ext(&repo, QFile::encodeName(start).constData(), 0, nullptr) != 0) {
        setError(error, QStringLiteral("%1 is not in a Git repository").arg(path));
        return std::nullopt;
    }
    if (git_repository_is_bare(repo)) {
        git_repository_free(repo);
        setError(error, QStringLiteral("%1 is in a bare repository").arg(path));
        return std::nullopt;
    }
    GitRepository out;
    out.m_repo = std::shared_ptr<git_repository>(repo, Free());
    return out;
}

QString GitRepository::workdir() const
{
    QString dir = QFile::decodeName(git_repository_workdir(m_repo.get()));
    while (dir.size() > 1 && dir.endsWith(u'/'))
        dir.chop(1);
    return dir;
}

QString GitRepository::relativePath(const QString &file) const
{
    // Canonical paths on both sides, so a symlinked checkout or `./` still maps inside the tree.
    const QString root = QFileInfo(workdir()).canonicalFilePath();
    const QFileInfo info(file);
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    const QString full = (dir.isEmpty() ? info.absolutePath() : dir) + u'/' + info.fileName();
    return QDir(root.isEmpty() ? workdir() : root).relativeFilePath(full);
}

QString GitRepository::branch() const
{
    git_reference *head = nullptr;
    const int rc = git_repository_head(&head, m_repo.get());
    if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND)
        return {};
    if (rc != 0)
        return {};
    QString name = git_repository_head_detached(m_repo.get())
                       ? QStringLiteral("HEAD")
                       : QString::fromUtf8(git_reference_shorthand(head));
    git_reference_free(head);
    return name;
}

std::optional<QByteArray> GitRepository::fileAt(const QString &revision, const QString &file,
                                                QString *error) const
{
    const QString rel = relativePath(file);
    if (rel.startsWith(QLatin1String("../"))) {
        setError(error, QStringLiteral("%1 is outside the repository at %2").arg(file, workdir()));
        return std::nullopt;
    }
    const QByteArray spec = (revision + u':' + rel).toUtf8();
    git_object *obj = nullptr;
    if (git_revparse_single(&obj, m_repo.get(), spec.constData()) != 0) {
        setError(error,
                 QStringLiteral("%1 does not exist at %2 (%3)").arg(rel, revision, lastError()));
        return std::nullopt;
    }
    if (git_object_type(obj) != GIT_OBJECT_BLOB) {
        git_object_free(obj);
        setError(error, QStringLiteral("%1 at %2 is not a file").arg(rel, revision));
        return std::nullopt;
    }
    const auto *blob = reinterpret_cast<git_blob *>(obj);
    QByteArray data(static_cast<const char *>(git_blob_rawcontent(blob)),
                    qsizetype(git_blob_rawsize(blob)));
    git_object_free(obj);
    return data;
}

bool GitRepository::differsFromHead(const QString &file) const
{
    unsigned int flags = 0;
    const QByteArray rel = relativePath(file).toUtf8();
    if (git_status_file(&flags, m_repo.get(), rel.constData()) != 0)
        return false;
    return flags != GIT_STATUS_CURRENT && !(flags & GIT_STATUS_IGNORED);
}

} // namespace uis
