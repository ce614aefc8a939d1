// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "savepointrecord.h"
#include "snapshotsettings.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include <optional>

class QTimer;

namespace uis::dcplocal {

class FlinkSavepointClient;
class JobRunner;
class JobStore;
class TargetRegistry;
struct JobRecord;
struct JobRequest;

/// Why a savepoint request was refused: the HTTP status, the API's error code and message.
struct SnapshotProblem
{
    int httpStatus = 400;
    QString code;
    QString message;
};

/**
 * The savepoint lifecycle of dcp-local's jobs, on every target: trigger, stop-with-savepoint,
 * the latest retained checkpoint, restore at submit, and explicit deletes. Flink jobs are asked
 * through their REST API (the session cluster's JobManager, or the mini-cluster the local runner
 * announces with `uis-runner: job <id> rest <url>`); what a finished local mini-cluster can no
 * longer say is read from the snapshot folders. Spark streaming jobs keep their queries'
 * checkpoint folder across runs of the same job name.
 */
class SnapshotManager : public QObject
{
    Q_OBJECT
public:
    SnapshotManager(JobStore *store, JobRunner *runner, TargetRegistry *targets, int pollIntervalMs,
                    QObject *parent = nullptr);

    /// Resolves `config.restore` of a submit before anything is stored.
    std::optional<SnapshotProblem> plan(const JobRequest &request, SnapshotSettings *out) const;
    /// Decides the job's snapshot folders and writes its settings; an error or "".
    QString commit(const QString &id, const JobRequest &request, SnapshotSettings settings) const;

    /// Triggers a savepoint (or, with `stop`, stop-with-savepoint) of a running Flink job.
    std::optional<SnapshotProblem> trigger(const QString &id, bool stop, bool drain,
                                           SavepointRecord *out);
    /// Every snapshot of the job, oldest first; nullopt when the job is unknown.
    std::optional<QJsonArray> list(const QString &id);
    /// Deletes a savepoint's files and records who and when.
    std::optional<SnapshotProblem> remove(const QString &id, const QString &savepointId,
                                          const QString &user, SavepointRecord *out);

private:
    struct FlinkEndpoint
    {
        QUrl base;
        QString flinkJobId;
    };
    struct Pending
    {
        QString jobId;
        FlinkEndpoint at;
        QString dir;
        bool stop = false;
        bool polling = false;
    };

    std::optional<FlinkEndpoint> endpoint(const JobRecord &record) const;
    SnapshotSettings settingsOf(const QString &id) const;
    void onOutput(const QString &id, const QByteArray &lines);
    void onEnded(const QString &id);
    void poll();
    void pollOperation(const QString &savepointId);
    void pollCheckpoint(const QString &id);
    void complete(const QString &savepointId, const QString &location);
    void fail(const QString &savepointId, const QString &error);
    void recordCheckpoint(const QString &id, const QString &path, const QDateTime &at,
                          std::optional<qint64> size);
    void log(const QString &id, const QString &line);
    void put(const SavepointRecord &r);

    JobStore *m_store;
    JobRunner *m_runner;
    TargetRegistry *m_targets;
    FlinkSavepointClient *m_flink;
    QTimer *m_timer;
    int m_checkpointEvery; ///< poll ticks between checkpoint polls
    int m_tick = 0;
    QHash<QString, FlinkEndpoint> m_local; ///< local jobs' mini-clusters, while they run
    QHash<QString, Pending> m_pending;     ///< savepoints in progress
    QHash<QString, bool> m_checkpointPolling;
};

} // namespace uis::dcplocal
