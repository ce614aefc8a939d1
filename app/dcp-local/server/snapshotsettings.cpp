// SPDX-License-Identifier: Apache-2.0
#include "snapshotsettings.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

namespace uis::dcplocal {

namespace {

QString filePath(const QString &jobDir)
{
    return QDir(jobDir).filePath(QStringLiteral("snapshots.json"));
}

} // namespace

SnapshotSettings SnapshotSettings::load(const QString &jobDir)
{
    SnapshotSettings s;
    QFile f(filePath(jobDir));
    if (!f.open(QIODevice::ReadOnly))
        return s;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    s.checkpointDir = o.value(QLatin1String("checkpoint_dir")).toString();
    s.savepointDir = o.value(QLatin1String("savepoint_dir")).toString();
    s.checkpointDirFromSpec = o.value(QLatin1String("checkpoint_dir_from_spec")).toBool();
    s.savepointDirFromSpec = o.value(QLatin1String("savepoint_dir_from_spec")).toBool();
    s.restorePath = o.value(QLatin1String("restore_path")).toString();
    s.allowNonRestoredState = o.value(QLatin1String("allow_non_restored_state")).toBool();
    s.restoredFromJob = o.value(QLatin1String("restored_from_job")).toString();
    return s;
}

QString SnapshotSettings::save(const QString &jobDir) const
{
    const QJsonObject o{{QStringLiteral("checkpoint_dir"), checkpointDir},
                        {QStringLiteral("savepoint_dir"), savepointDir},
                        {QStringLiteral("checkpoint_dir_from_spec"), checkpointDirFromSpec},
                        {QStringLiteral("savepoint_dir_from_spec"), savepointDirFromSpec},
                        {QStringLiteral("restore_path"), restorePath},
                        {QStringLiteral("allow_non_restored_state"), allowNonRestoredState},
                        {QStringLiteral("restored_from_job"), restoredFromJob}};
    QSaveFile f(filePath(jobDir));
    const QByteArray data = QJsonDocument(o).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString());
    return QString();
}

QStringList SnapshotSettings::flinkSettings() const
{
    QStringList out;
    // The script's own SETs stand; only what it leaves open is filled in.
    if (!checkpointDirFromSpec && !checkpointDir.isEmpty())
        out << QStringLiteral("execution.checkpointing.dir=") + flinkUri(checkpointDir);
    if (!savepointDirFromSpec && !savepointDir.isEmpty())
        out << QStringLiteral("execution.checkpointing.savepoint-dir=") + flinkUri(savepointDir);
    // Retained, so that a cancelled or failed job can be restarted from its last checkpoint.
    out << QStringLiteral(
        "execution.checkpointing.externalized-checkpoint-retention=RETAIN_ON_CANCELLATION");
    if (!restorePath.isEmpty()) {
        out << QStringLiteral("execution.savepoint.path=") + restorePath
            << QStringLiteral("execution.savepoint.ignore-unclaimed-state=%1")
                   .arg(allowNonRestoredState ? QStringLiteral("true") : QStringLiteral("false"));
    }
    return out;
}

QString SnapshotSettings::sqlOption(const QString &sql, const QString &key)
{
    const QRegularExpression re(QStringLiteral("^\\s*SET\\s+'%1'\\s*=\\s*'((?:[^']|'')*)'\\s*;")
                                    .arg(QRegularExpression::escape(key)),
                                QRegularExpression::MultilineOption |
                                    QRegularExpression::CaseInsensitiveOption);
    QString value;
    for (auto it = re.globalMatch(sql); it.hasNext();)
        value = it.next().captured(1).replace(QStringLiteral("''"), QStringLiteral("'"));
    return value;
}

QString SnapshotSettings::flinkUri(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')))
        return QUrl::fromLocalFile(path).toString();
    return path;
}

} // namespace uis::dcplocal
