// SPDX-License-Identifier: Apache-2.0
#include "upgradecheckapi.h"

#include "enginepaths.h"
#include "httpapi.h"
#include "jobrequest.h"
#include "jobstore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtConcurrent>

namespace uis::dcplocal {

namespace {

using Status = QHttpServerResponder::StatusCode;
constexpr int kCheckTimeoutMs = 15 * 60 * 1000;

QHttpServerResponse error(Status status, const QString &code, const QString &message)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"),
                               HttpApi::errorBody(code, message), status);
}

QFuture<QHttpServerResponse> ready(QHttpServerResponse &&r)
{
    return QtFuture::makeReadyFuture(std::move(r));
}

/// The runner's job file: the compiled job config with the Flink script under `sql`.
QByteArray jobFile(const JobRequest &r)
{
    QJsonObject job = r.jobConfig;
    if (!r.flinkSql.isEmpty())
        job.insert(QStringLiteral("sql"), r.flinkSql);
    return QJsonDocument(job).toJson();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit();
}

/// Whether `path` holds what the engine's check reads (looked for a few levels deep only, so
/// that a stray `/` is refused at once instead of being searched).
bool isSnapshot(const QString &path, const QString &engine, int depth = 0)
{
    const QFileInfo fi(path);
    if (engine == QLatin1String("flink") && fi.isFile() &&
        fi.fileName() == QLatin1String("_metadata"))
        return true;
    if (!fi.isDir() || depth > 2)
        return false;
    const QDir dir(path);
    if (engine == QLatin1String("flink")
            ? dir.exists(QStringLiteral("_metadata"))
            : dir.exists(QStringLiteral("offsets")) && dir.exists(QStringLiteral("commits")))
        return true;
    const QStringList subs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (subs.size() > 64)
        return false;
    for (const QString &sub : subs)
        if (isSnapshot(dir.filePath(sub), engine, depth + 1))
            return true;
    return false;
}

} // namespace

UpgradeCheckApi::UpgradeCheckApi(JobStore *store, QString runnersDir)
    : m_store(store), m_runnersDir(std::move(runnersDir))
{
}

QString UpgradeCheckApi::newestSnapshot(const QString &jobDir, const QString &engine)
{
    QString best;
    QDateTime bestTime;
    if (engine == QLatin1String("spark")) {
        // Spark keeps one checkpoint folder per query (sink) under checkpoints/<app>/<sink>.
        const QString base = jobDir + QStringLiteral("/checkpoints");
        QDirIterator it(base, {QStringLiteral("commits")}, QDir::Dirs,
                        QDirIterator::Subdirectories);
        return it.hasNext() ? base : QString();
    }
    for (const QString &sub : {QStringLiteral("savepoints"), QStringLiteral("checkpoints")}) {
        QDirIterator it(jobDir + QLatin1Char('/') + sub, {QStringLiteral("_metadata")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo fi(it.next());
            if (best.isEmpty() || fi.lastModified() > bestTime) {
                best = fi.absolutePath();
                bestTime = fi.lastModified();
            }
        }
    }
    return best;
}

QFuture<QHttpServerResponse> UpgradeCheckApi::handle(const QString &id,
                                                     const QHttpServerRequest &request) const
{
    const JobRecord *old = m_store->find(id);
    if (!old)
        return ready(error(Status::NotFound, QStringLiteral("not_found"),
                           QStringLiteral("no job with id %1").arg(id)));
    const QByteArray body = request.body();
    JobRequest next;
    if (const auto problem = JobRequest::parse(body, &next))
        return ready(
            error(problem->httpStatus == 422 ? Status::UnprocessableEntity : Status::BadRequest,
                  problem->code, problem->message));
    JobRequest before;
    if (JobRequest::parse(old->request, &before) || before.engine != next.engine)
        return ready(
            error(Status::Conflict, QStringLiteral("engine_mismatch"),
                  QStringLiteral("job %1 ran on %2; the new version is a %3 job: state cannot "
                                 "move between engines")
                      .arg(id, old->status.engine, next.engine)));

    QString snapshot =
        QJsonDocument::fromJson(body).object().value(QLatin1String("path")).toString();
    if (!snapshot.isEmpty() && !isSnapshot(snapshot, next.engine))
        return ready(error(Status::Conflict, QStringLiteral("no_snapshot"),
                           QStringLiteral("`path` %1 is not a %2 savepoint or checkpoint")
                               .arg(snapshot, next.engine)));
    if (snapshot.isEmpty())
        snapshot = newestSnapshot(m_store->jobDir(id), next.engine);
    if (snapshot.isEmpty())
        return ready(
            error(Status::Conflict, QStringLiteral("no_snapshot"),
                  QStringLiteral("job %1 left no savepoint or retained checkpoint under %2; take a "
                                 "savepoint first, or name one in the body's `path`")
                      .arg(id, m_store->jobDir(id))));

    const QString runnersDir = EnginePaths::runnersDir(m_runnersDir);
    const QString python = EnginePaths::venvPython(EnginePaths::enginesHome(runnersDir));
    const bool flink = next.engine == QLatin1String("flink");
    const QString runner = runnersDir + (flink ? QStringLiteral("/flink/uis_flink_runner.py")
                                               : QStringLiteral("/spark/uis_spark_runner.py"));
    const QByteArray newJob = jobFile(next);
    const QByteArray oldJob = jobFile(before);
    const auto env = next.runtimeEnv;

    return QtConcurrent::run([=]() -> QHttpServerResponse {
        QTemporaryDir work;
        const QString newPath = work.filePath(QStringLiteral("new-job.json"));
        const QString oldPath = work.filePath(QStringLiteral("old-job.json"));
        const QString report = work.filePath(QStringLiteral("report.json"));
        if (!work.isValid() || !writeFile(newPath, newJob) || !writeFile(oldPath, oldJob))
            return error(Status::InternalServerError, QStringLiteral("internal"),
                         QStringLiteral("cannot write the check's job files"));
        QProcess p;
        QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
        for (auto it = env.begin(); it != env.end(); ++it)
            pe.insert(it.key(), it.value());
        p.setProcessEnvironment(pe);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(python,
                {runner, QStringLiteral("--upgrade-check"), snapshot,
                 QStringLiteral("--job-config"), newPath, QStringLiteral("--old-job-config"),
                 oldPath, QStringLiteral("--output"), report});
        if (!p.waitForStarted(30000))
            return error(Status::InternalServerError, QStringLiteral("engine_unavailable"),
                         QStringLiteral("cannot start %1: %2").arg(python, p.errorString()));
        if (!p.waitForFinished(kCheckTimeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            return error(Status::GatewayTimeout, QStringLiteral("check_timeout"),
                         QStringLiteral("the upgrade check took longer than %1 s")
                             .arg(kCheckTimeoutMs / 1000));
        }
        const QByteArray out = p.readAll();
        QFile f(report);
        if (p.exitCode() != 0 || !f.open(QIODevice::ReadOnly)) {
            QString cause = QStringLiteral("the check failed (exit %1)").arg(p.exitCode());
            for (const QByteArray &line : out.split('\n'))
                if (line.startsWith("uis-runner: FAILED: "))
                    cause = QString::fromUtf8(line.mid(20));
            return error(Status::UnprocessableEntity, QStringLiteral("check_failed"), cause);
        }
        return QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"),
                                   f.readAll(), Status::Ok);
    });
}

} // namespace uis::dcplocal
