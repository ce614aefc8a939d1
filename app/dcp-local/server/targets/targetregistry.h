// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobrunner.h"
#include "targetspec.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <memory>
#include <vector>

class QTimer;

namespace uis::dcplocal {

class ExecutionTarget;
class SnapshotManager;
class JobStore;
struct JobRecord;
struct JobRequest;

/**
 * The execution targets of a dcp-local (`--targets FILE`, or the single `local` target without
 * one): parses the file, creates one ExecutionTarget per entry, picks the target of a submit,
 * routes cancel and restart recovery to the job's target, and polls every target (its overview
 * and the jobs it follows) every poll interval.
 */
class TargetRegistry : public QObject
{
    Q_OBJECT
public:
    TargetRegistry(JobStore *store, JobRunner *runner, int pollIntervalMs,
                   QObject *parent = nullptr);
    ~TargetRegistry() override;

    /**
     * Parses a targets file (YAML or JSON: `targets:` a list of `{name, kind, …}`). On a problem
     * returns false and sets `*error` to `FILE:LINE:COLUMN: message`.
     */
    static bool parse(const QByteArray &data, const QString &fileName, QList<TargetSpec> *out,
                      QString *error);
    /// Reads and parses `path`; returns an error or "".
    static QString readFile(const QString &path, QList<TargetSpec> *out);

    /// Creates the targets (an empty list: the default `local`). Call once, before start().
    void setTargets(const QList<TargetSpec> &specs);
    /// Starts the polling, with a first check of every target now.
    void start();
    void stop();

    const std::vector<std::unique_ptr<ExecutionTarget>> &targets() const { return m_targets; }
    ExecutionTarget *find(const QString &name) const;
    /// The target of a submit: `name` when given (it must run `engine`), else the first target
    /// that runs `engine`. nullptr with `*error` when there is none.
    ExecutionTarget *pick(const QString &name, const QString &engine, QString *error) const;
    /// The target that runs a stored job (`local` jobs of earlier versions have no target).
    ExecutionTarget *targetOf(const JobRecord &record) const;

    /// After a restart: whether the job runs on a cluster that can be asked about it again.
    bool canReattach(const JobRecord &record) const;
    void reattach(const QString &id);
    void requeue(const QString &id);
    JobRunner::CancelOutcome cancel(const QString &id);

    /// `{"targets": [ … ]}` of GET /api/v1/targets.
    QJsonObject toJson() const;
    int pollIntervalMs() const { return m_pollIntervalMs; }
    /// Savepoints, stop-with-savepoint, checkpoints and restores of the jobs on every target.
    SnapshotManager *snapshots() const { return m_snapshots; }

private:
    JobStore *m_store;
    JobRunner *m_runner;
    int m_pollIntervalMs;
    std::vector<std::unique_ptr<ExecutionTarget>> m_targets;
    QTimer *m_timer = nullptr;
    SnapshotManager *m_snapshots;
};

} // namespace uis::dcplocal
