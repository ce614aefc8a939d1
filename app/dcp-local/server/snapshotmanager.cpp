// SPDX-License-Identifier: Apache-2.0
#include "snapshotmanager.h"

#include "flinksavepointclient.h"
#include "jobrequest.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "snapshotfiles.h"
#include "targets/executiontarget.h"
#include "targets/targetregistry.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

namespace uis::dcplocal {

namespace {

constexpr int kOperationPollMs = 500;

bool existsLocally(const QString &path)
{
    const QString local = SavepointRecord::localPath(path);
    return local.isEmpty() || QFileInfo::exists(local); // remote URIs: the engine will say
}

SnapshotProblem problem(int status, const char *code, const QString &message)
{
    return SnapshotProblem{status, QString::fromLatin1(code), message};
}

} // namespace

SnapshotManager::SnapshotManager(JobStore *store, JobRunner *runner, TargetRegistry *targets,
                                 int pollIntervalMs, QObject *parent)
    : QObject(parent), m_store(store), m_runner(runner), m_targets(targets),
      m_flink(new FlinkSavepointClient(this)), m_timer(new QTimer(this)),
      m_checkpointEvery(qMax(1, pollIntervalMs / kOperationPollMs))
{
    connect(m_runner, &JobRunner::output, this, &SnapshotManager::onOutput);
    connect(m_runner, &JobRunner::stateChanged, this, [this](const QString &id, JobState state) {
        if (isTerminal(state))
            onEnded(id);
    });
    connect(m_timer, &QTimer::timeout, this, &SnapshotManager::poll);
    m_timer->start(kOperationPollMs);
}

SnapshotSettings SnapshotManager::settingsOf(const QString &id) const
{
    return SnapshotSettings::load(m_store->jobDir(id));
}

std::optional<SnapshotProblem> SnapshotManager::plan(const JobRequest &request,
                                                     SnapshotSettings *out) const
{
    const RestoreRequest &r = request.restore;
    const bool flink = request.engine == QLatin1String("flink");
    out->allowNonRestoredState = r.allowNonRestoredState;
    if (!r.path.isEmpty()) {
        if (!existsLocally(r.path))
            return problem(400, "invalid_restore",
                           QStringLiteral("config.restore.path `%1` does not exist").arg(r.path));
        if (flink)
            out->restorePath = r.path;
        else
            out->checkpointDir = SavepointRecord::localPath(r.path).isEmpty()
                                     ? r.path
                                     : SavepointRecord::localPath(r.path);
        return std::nullopt;
    }
    if (r.fromJob.isEmpty())
        return std::nullopt;
    const JobRecord *from = m_store->find(r.fromJob);
    if (!from)
        return problem(
            400, "invalid_restore",
            QStringLiteral("config.restore.from_job: no job with id `%1`").arg(r.fromJob));
    if (from->status.engine != request.engine)
        return problem(
            400, "invalid_restore",
            QStringLiteral("config.restore.from_job: job `%1` ran on %2, this job runs on %3")
                .arg(r.fromJob, from->status.engine, request.engine));
    out->restoredFromJob = r.fromJob;
    const SnapshotSettings fromSettings = settingsOf(r.fromJob);
    if (!flink) {
        if (fromSettings.checkpointDir.isEmpty() || !QFileInfo::exists(fromSettings.checkpointDir))
            return problem(
                409, "no_snapshot",
                QStringLiteral("job `%1` left no checkpoint to continue from").arg(r.fromJob));
        out->checkpointDir = fromSettings.checkpointDir;
        return std::nullopt;
    }
    const SavepointRecord *sp = m_store->savepoints().latestSavepoint(r.fromJob);
    if (sp && existsLocally(sp->path)) {
        out->restorePath = sp->path;
        return std::nullopt;
    }
    // No savepoint: the latest retained checkpoint (as recorded, else as found on disk).
    const SavepointRecord *cp = m_store->savepoints().latestCheckpoint(r.fromJob);
    QString path = cp && existsLocally(cp->path) ? cp->path : QString();
    const QString onDisk =
        SnapshotFiles::flinkCheckpoint(fromSettings.checkpointDir, from->status.engineJobId);
    if (!onDisk.isEmpty())
        path = onDisk; // the newest one, which a finished mini-cluster could no longer report
    if (path.isEmpty())
        return problem(
            409, "no_snapshot",
            QStringLiteral(
                "job `%1` has no completed savepoint and no retained checkpoint to restore "
                "from (trigger one with POST /api/v1/jobs/%1/savepoints while it runs)")
                .arg(r.fromJob));
    out->restorePath = path;
    return std::nullopt;
}

QString SnapshotManager::commit(const QString &id, const JobRequest &request,
                                SnapshotSettings s) const
{
    const QString dir = m_store->jobDir(id);
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create %1").arg(dir);
    if (request.engine == QLatin1String("flink")) {
        QString cp = SnapshotSettings::sqlOption(request.flinkSql,
                                                 QStringLiteral("execution.checkpointing.dir"));
        if (cp.isEmpty())
            cp = SnapshotSettings::sqlOption(request.flinkSql,
                                             QStringLiteral("state.checkpoints.dir"));
        QString sp = SnapshotSettings::sqlOption(
            request.flinkSql, QStringLiteral("execution.checkpointing.savepoint-dir"));
        if (sp.isEmpty())
            sp = SnapshotSettings::sqlOption(request.flinkSql,
                                             QStringLiteral("state.savepoints.dir"));
        s.checkpointDirFromSpec = !cp.isEmpty();
        s.savepointDirFromSpec = !sp.isEmpty();
        s.checkpointDir = cp.isEmpty() ? dir + QStringLiteral("/checkpoints") : cp;
        s.savepointDir = sp.isEmpty() ? dir + QStringLiteral("/savepoints") : sp;
    } else if (const QString env = qEnvironmentVariable("UIS_CHECKPOINT_DIR"); !env.isEmpty()) {
        s.checkpointDir = env; // the server's own setting wins (one base for every job)
    } else if (s.checkpointDir.isEmpty() && !request.restore.fresh) {
        // A redeploy of a Spark streaming job continues where the last run of its name stopped.
        JobQuery q;
        q.limit = 500;
        qint64 next = 0;
        for (const JobRecord *r : m_store->list(q, &next)) {
            if (r->status.jobId == id || r->status.name != request.name ||
                r->status.engine != request.engine)
                continue;
            const QString prev = settingsOf(r->status.jobId).checkpointDir;
            if (!prev.isEmpty() && QFileInfo::exists(prev)) {
                s.checkpointDir = prev;
                s.restoredFromJob = r->status.jobId;
                break;
            }
        }
    }
    if (s.checkpointDir.isEmpty())
        s.checkpointDir = dir + QStringLiteral("/checkpoints");
    return s.save(dir);
}

std::optional<SnapshotManager::FlinkEndpoint>
SnapshotManager::endpoint(const JobRecord &record) const
{
    if (const ExecutionTarget *t = m_targets->targetOf(record);
        t && t->spec().kind == TargetSpec::Kind::FlinkSession &&
        !record.status.engineJobId.isEmpty())
        return FlinkEndpoint{t->spec().restUrl, record.status.engineJobId};
    if (const auto it = m_local.constFind(record.status.jobId); it != m_local.constEnd())
        return *it;
    return std::nullopt;
}

std::optional<SnapshotProblem> SnapshotManager::trigger(const QString &id, bool stop, bool drain,
                                                        SavepointRecord *out)
{
    const JobRecord *rec = m_store->find(id);
    if (!rec)
        return problem(404, "job_not_found", QStringLiteral("no job with id `%1`").arg(id));
    if (rec->status.engine != QLatin1String("flink"))
        return problem(
            409, "not_supported",
            QStringLiteral(
                "savepoints are Flink's: a Spark streaming job keeps its checkpoint across runs "
                "of the same name (GET /api/v1/jobs/%1/savepoints lists it)")
                .arg(id));
    if (rec->status.state != JobState::Running)
        return problem(
            409, "job_not_running",
            QStringLiteral("job `%1` is %2, not RUNNING").arg(id, jobStateName(rec->status.state)));
    const auto at = endpoint(*rec);
    if (!at)
        return problem(
            409, "job_not_ready",
            QStringLiteral(
                "job `%1` has not reported its Flink REST endpoint yet; try again in a few "
                "seconds")
                .arg(id));
    for (const Pending &p : std::as_const(m_pending)) {
        if (p.jobId == id && p.stop)
            return problem(409, "stop_in_progress",
                           QStringLiteral("job `%1` is being stopped already").arg(id));
    }
    SavepointRecord r;
    r.id = QStringLiteral("sp-%1").arg(QRandomGenerator::system()->generate64(), 16, 16,
                                       QLatin1Char('0'));
    r.jobId = id;
    r.kind = QStringLiteral("savepoint");
    r.origin = !stop   ? QStringLiteral("trigger")
               : drain ? QStringLiteral("drain")
                       : QStringLiteral("stop");
    r.status = QStringLiteral("IN_PROGRESS");
    r.createdAt = QDateTime::currentDateTimeUtc();
    put(r);
    const QString dir = SnapshotSettings::flinkUri(settingsOf(id).savepointDir);
    Pending p{id, *at, dir, stop, true};
    m_pending.insert(r.id, p);
    if (stop)
        m_runner->expectEnd(id, drain ? JobState::Succeeded : JobState::Cancelled);
    log(id, QStringLiteral("%1 %2 of Flink job %3 requested (into %4)")
                .arg(stop ? QStringLiteral("stop-with-savepoint") : QStringLiteral("savepoint"),
                     r.id, at->flinkJobId, dir));
    const QString sid = r.id;
    auto answered = [this, sid](const FlinkSavepointClient::Triggered &t) {
        auto it = m_pending.find(sid);
        if (it == m_pending.end())
            return;
        if (t.triggerId.isEmpty()) {
            fail(sid,
                 t.error.isEmpty() ? QStringLiteral("Flink did not accept the request") : t.error);
            return;
        }
        it->polling = false;
        if (const SavepointRecord *cur = m_store->savepoints().find(sid)) {
            SavepointRecord u = *cur;
            u.triggerId = t.triggerId;
            put(u);
        }
    };
    if (stop)
        m_flink->stop(at->base, at->flinkJobId, dir, drain, answered);
    else
        m_flink->trigger(at->base, at->flinkJobId, dir, answered);
    *out = r;
    return std::nullopt;
}

void SnapshotManager::poll()
{
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (!it->polling)
            pollOperation(it.key());
    }
    if (++m_tick % m_checkpointEvery != 0)
        return;
    for (auto it = m_local.cbegin(); it != m_local.cend(); ++it)
        pollCheckpoint(it.key());
    JobQuery q;
    q.status = QStringLiteral("RUNNING");
    q.limit = 500;
    qint64 next = 0;
    for (const JobRecord *r : m_store->list(q, &next)) {
        if (r->status.engine == QLatin1String("flink") && !m_local.contains(r->status.jobId))
            pollCheckpoint(r->status.jobId);
    }
}

void SnapshotManager::pollOperation(const QString &sid)
{
    auto it = m_pending.find(sid);
    const SavepointRecord *rec = m_store->savepoints().find(sid);
    if (it == m_pending.end() || !rec || rec->triggerId.isEmpty())
        return;
    it->polling = true;
    const Pending p = *it;
    m_flink->operation(
        p.at.base, p.at.flinkJobId, rec->triggerId,
        [this, sid, p](const FlinkSavepointClient::Operation &op) {
            auto cur = m_pending.find(sid);
            if (cur == m_pending.end())
                return;
            cur->polling = false;
            if (op.status == QLatin1String("COMPLETED"))
                return complete(sid, op.location);
            if (op.status == QLatin1String("FAILED"))
                return fail(sid, op.error);
            if (!op.status.isEmpty())
                return; // in progress
            // Flink cannot be asked. A local mini-cluster ends with its job, so
            // after the job has ended, what it wrote is the answer.
            const JobRecord *job = m_store->find(p.jobId);
            if (job && isTerminal(job->status.state)) {
                const SavepointRecord *r = m_store->savepoints().find(sid);
                const QString found = SnapshotFiles::flinkSavepoint(p.dir, p.at.flinkJobId,
                                                                    r ? r->createdAt : QDateTime());
                if (!found.isEmpty())
                    return complete(sid, found);
                return fail(sid, QStringLiteral("the job ended (%1) before Flink reported the "
                                                "savepoint, and none is in %2")
                                     .arg(jobStateName(job->status.state), p.dir));
            }
        });
}

void SnapshotManager::complete(const QString &sid, const QString &location)
{
    m_pending.remove(sid);
    const SavepointRecord *cur = m_store->savepoints().find(sid);
    if (!cur)
        return;
    SavepointRecord r = *cur;
    r.status = QStringLiteral("COMPLETED");
    r.path = location;
    r.completedAt = QDateTime::currentDateTimeUtc();
    r.sizeBytes = SavepointRecord::sizeOnDisk(location);
    put(r);
    log(r.jobId, QStringLiteral("savepoint %1 completed: %2").arg(sid, location));
}

void SnapshotManager::fail(const QString &sid, const QString &error)
{
    const Pending p = m_pending.take(sid);
    const SavepointRecord *cur = m_store->savepoints().find(sid);
    if (!cur)
        return;
    SavepointRecord r = *cur;
    r.status = QStringLiteral("FAILED");
    r.error = error;
    r.completedAt = QDateTime::currentDateTimeUtc();
    put(r);
    const JobRecord *job = m_store->find(r.jobId);
    const bool running = job && !isTerminal(job->status.state);
    if (p.stop)
        m_runner->expectEnd(r.jobId, JobState::Unknown);
    log(r.jobId,
        QStringLiteral("savepoint %1 FAILED: %2%3")
            .arg(sid, error,
                 p.stop && running ? QStringLiteral(" (the job was not stopped and keeps running)")
                                   : QString()));
}

void SnapshotManager::pollCheckpoint(const QString &id)
{
    const JobRecord *rec = m_store->find(id);
    if (!rec || m_checkpointPolling.value(id))
        return;
    const auto at = endpoint(*rec);
    if (!at)
        return;
    m_checkpointPolling.insert(id, true);
    m_flink->latestCheckpoint(at->base, at->flinkJobId,
                              [this, id](const FlinkSavepointClient::Checkpoint &c) {
                                  m_checkpointPolling.remove(id);
                                  if (c.found)
                                      recordCheckpoint(id, c.path, c.at, c.sizeBytes);
                              });
}

void SnapshotManager::recordCheckpoint(const QString &id, const QString &path, const QDateTime &at,
                                       std::optional<qint64> size)
{
    const QString cid = QStringLiteral("chk-") + id;
    const SavepointRecord *cur = m_store->savepoints().find(cid);
    if (cur && cur->path == path)
        return;
    SavepointRecord r = cur ? *cur : SavepointRecord{};
    r.id = cid;
    r.jobId = id;
    r.kind = QStringLiteral("checkpoint");
    r.origin = QStringLiteral("checkpoint");
    r.status = QStringLiteral("COMPLETED");
    r.path = path;
    r.createdAt = at.isValid() ? at : QDateTime::currentDateTimeUtc();
    r.completedAt = r.createdAt;
    const auto onDisk = SavepointRecord::sizeOnDisk(path);
    r.sizeBytes = onDisk ? onDisk : size;
    put(r);
}

void SnapshotManager::onOutput(const QString &id, const QByteArray &lines)
{
    if (!lines.contains(" rest http"))
        return;
    static const QRegularExpression re(
        QStringLiteral("uis-runner: job ([0-9a-f]{32}) rest (https?://\\S+)"));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(lines));
    if (!m.hasMatch())
        return;
    m_local.insert(id, FlinkEndpoint{QUrl(m.captured(2)), m.captured(1)});
    if (const JobRecord *r = m_store->find(id);
        r && r->status.engineJobId.isEmpty() && !isTerminal(r->status.state)) {
        JobStatus st = r->status;
        st.engineJobId = m.captured(1);
        m_runner->setStatus(id, st);
    }
}

void SnapshotManager::onEnded(const QString &id)
{
    m_local.remove(id);
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->jobId == id && !it->polling)
            QTimer::singleShot(0, this, [this, sid = it.key()] { pollOperation(sid); });
    }
    // The newest retained checkpoint on disk: a finished mini-cluster can no longer report it.
    const JobRecord *rec = m_store->find(id);
    if (!rec || rec->status.engine != QLatin1String("flink"))
        return;
    const QString found =
        SnapshotFiles::flinkCheckpoint(settingsOf(id).checkpointDir, rec->status.engineJobId);
    if (!found.isEmpty())
        recordCheckpoint(id, found,
                         QFileInfo(SavepointRecord::localPath(found)).lastModified().toUTC(),
                         std::nullopt);
}

std::optional<QJsonArray> SnapshotManager::list(const QString &id)
{
    const JobRecord *rec = m_store->find(id);
    if (!rec)
        return std::nullopt;
    QJsonArray out;
    if (rec->status.engine != QLatin1String("flink")) {
        for (const SavepointRecord &r :
             SnapshotFiles::sparkCheckpoints(id, settingsOf(id).checkpointDir))
            out.append(r.toJson());
        return out;
    }
    // Flink subsumes older checkpoints as new ones complete: the latest retained one is the
    // newest on disk when the recorded one has been replaced since the last poll.
    if (const SavepointRecord *cp = m_store->savepoints().find(QStringLiteral("chk-") + id);
        cp && cp->usable() && !existsLocally(cp->path)) {
        const QString found =
            SnapshotFiles::flinkCheckpoint(settingsOf(id).checkpointDir, rec->status.engineJobId);
        if (!found.isEmpty())
            recordCheckpoint(id, found,
                             QFileInfo(SavepointRecord::localPath(found)).lastModified().toUTC(),
                             std::nullopt);
    }
    for (const SavepointRecord *r : m_store->savepoints().forJob(id)) {
        SavepointRecord shown = *r;
        // A snapshot removed outside dcp-local is shown as such, not offered for a restore.
        if (shown.usable() && !existsLocally(shown.path))
            shown.status = QStringLiteral("MISSING");
        out.append(shown.toJson());
    }
    return out;
}

std::optional<SnapshotProblem> SnapshotManager::remove(const QString &id, const QString &sid,
                                                       const QString &user, SavepointRecord *out)
{
    if (!m_store->find(id))
        return problem(404, "job_not_found", QStringLiteral("no job with id `%1`").arg(id));
    const SavepointRecord *cur = m_store->savepoints().find(sid);
    if (!cur || cur->jobId != id)
        return problem(404, "savepoint_not_found",
                       QStringLiteral("job `%1` has no savepoint `%2`").arg(id, sid));
    if (cur->status == QLatin1String("DELETED"))
        return problem(409, "already_deleted",
                       QStringLiteral("savepoint `%1` was deleted by %2 at %3")
                           .arg(sid, cur->deletedBy, toRfc3339(cur->deletedAt)));
    if (cur->status == QLatin1String("IN_PROGRESS"))
        return problem(409, "in_progress",
                       QStringLiteral("savepoint `%1` is still being written").arg(sid));
    const QString local = SavepointRecord::localPath(cur->path);
    if (!cur->path.isEmpty() && local.isEmpty())
        return problem(
            409, "not_local",
            QStringLiteral("`%1` is not on this machine's file system; delete it where it is")
                .arg(cur->path));
    if (!local.isEmpty() && QFileInfo::exists(local)) {
        const bool removed =
            QFileInfo(local).isDir() ? QDir(local).removeRecursively() : QFile::remove(local);
        if (!removed)
            return problem(409, "cannot_delete",
                           QStringLiteral("cannot delete %1 (permissions?)").arg(local));
    }
    SavepointRecord r = *cur;
    r.status = QStringLiteral("DELETED");
    r.deletedAt = QDateTime::currentDateTimeUtc();
    r.deletedBy = user.isEmpty() ? QStringLiteral("unknown") : user;
    put(r);
    log(id, QStringLiteral("%1 %2 deleted by %3 (%4)").arg(r.kind, sid, r.deletedBy, r.path));
    *out = r;
    return std::nullopt;
}

void SnapshotManager::log(const QString &id, const QString &line)
{
    m_runner->appendLog(id, JobRunner::logLine(line));
}

void SnapshotManager::put(const SavepointRecord &r)
{
    if (const QString e = m_store->savepoints().put(r); !e.isEmpty())
        qWarning("dcp-local: %s", qUtf8Printable(e));
}

} // namespace uis::dcplocal
