// SPDX-License-Identifier: Apache-2.0
#include "savepointrecord.h"

#include "jobstatus.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QUrl>

namespace uis::dcplocal {

namespace {

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toRfc3339(t)) : QJsonValue();
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject SavepointRecord::toJson() const
{
    return QJsonObject{
        {QStringLiteral("savepoint_id"), id},
        {QStringLiteral("job_id"), jobId},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("origin"), origin},
        {QStringLiteral("status"), status},
        {QStringLiteral("path"), textOrNull(path)},
        {QStringLiteral("created_at"), timeOrNull(createdAt)},
        {QStringLiteral("completed_at"), timeOrNull(completedAt)},
        {QStringLiteral("size_bytes"), sizeBytes ? QJsonValue(double(*sizeBytes)) : QJsonValue()},
        {QStringLiteral("error"), textOrNull(error)},
        {QStringLiteral("deleted_at"), timeOrNull(deletedAt)},
        {QStringLiteral("deleted_by"), textOrNull(deletedBy)}};
}

QString SavepointRecord::localPath(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')))
        return path;
    if (path.startsWith(QLatin1String("file:"))) {
        // Flink writes `file:/x`; URIs may also be `file:///x`.
        const QUrl u(path);
        return u.isLocalFile() ? u.toLocalFile() : path.mid(5);
    }
    return QString();
}

std::optional<qint64> SavepointRecord::sizeOnDisk(const QString &path)
{
    const QString local = localPath(path);
    const QFileInfo fi(local);
    if (local.isEmpty() || !fi.exists())
        return std::nullopt;
    if (fi.isFile())
        return fi.size();
    qint64 total = 0;
    QDirIterator it(local, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace uis::dcplocal
