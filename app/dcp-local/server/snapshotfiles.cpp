// SPDX-License-Identifier: Apache-2.0
#include "snapshotfiles.h"

#include <QDir>
#include <QFileInfo>

namespace uis::dcplocal {

QString SnapshotFiles::flinkSavepoint(const QString &dir, const QString &flinkJobId,
                                      const QDateTime &since)
{
    const QString local = SavepointRecord::localPath(dir);
    if (local.isEmpty())
        return QString();
    QString best;
    QDateTime bestAt;
    const QFileInfoList entries = QDir(local).entryInfoList(
        {QStringLiteral("savepoint-%1-*").arg(flinkJobId.left(6))}, QDir::Dirs);
    for (const QFileInfo &d : entries) {
        const QFileInfo meta(d.absoluteFilePath() + QStringLiteral("/_metadata"));
        // Second precision on some file systems: allow the trigger's own second.
        if (!meta.exists() || meta.lastModified().toUTC() < since.addSecs(-1))
            continue;
        if (best.isEmpty() || meta.lastModified() > bestAt) {
            best = d.absoluteFilePath();
            bestAt = meta.lastModified();
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral("file:") + best;
}

QString SnapshotFiles::flinkCheckpoint(const QString &dir, const QString &flinkJobId)
{
    const QString local = SavepointRecord::localPath(dir);
    if (local.isEmpty() || flinkJobId.isEmpty())
        return QString();
    const QDir jobDir(local + QLatin1Char('/') + flinkJobId);
    qint64 bestN = -1;
    QString best;
    for (const QString &name : jobDir.entryList({QStringLiteral("chk-*")}, QDir::Dirs)) {
        bool ok = false;
        const qint64 n = name.mid(4).toLongLong(&ok);
        if (ok && n > bestN &&
            QFileInfo::exists(jobDir.filePath(name + QStringLiteral("/_metadata")))) {
            bestN = n;
            best = jobDir.filePath(name);
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral("file:") + best;
}

QList<SavepointRecord> SnapshotFiles::sparkCheckpoints(const QString &jobId, const QString &base)
{
    QList<SavepointRecord> out;
    if (base.isEmpty())
        return out;
    const QDir root(base);
    for (const QFileInfo &app : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const QFileInfo &query :
             QDir(app.absoluteFilePath())
                 .entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QDir offsets(query.absoluteFilePath() + QStringLiteral("/offsets"));
            if (!offsets.exists())
                continue;
            SavepointRecord r;
            r.id = QStringLiteral("ckpt-%1-%2").arg(app.fileName(), query.fileName());
            r.jobId = jobId;
            r.kind = QStringLiteral("checkpoint");
            r.origin = QStringLiteral("checkpoint");
            r.status = QStringLiteral("COMPLETED");
            r.path = query.absoluteFilePath();
            QDateTime newest;
            for (const QFileInfo &f : offsets.entryInfoList(QDir::Files)) {
                if (!newest.isValid() || f.lastModified() > newest)
                    newest = f.lastModified();
            }
            r.createdAt = (newest.isValid() ? newest : query.lastModified()).toUTC();
            r.completedAt = r.createdAt;
            r.sizeBytes = SavepointRecord::sizeOnDisk(r.path);
            out.append(r);
        }
    }
    return out;
}

} // namespace uis::dcplocal
