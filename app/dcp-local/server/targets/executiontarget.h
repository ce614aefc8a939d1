// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fitting/resourcefit.h"
#include "jobrequest.h"
#include "jobrunner.h"
#include "targetspec.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace uis::dcplocal {

class JobStore;

/**
 * Where jobs run: the local engines as child processes, or a cluster dcp-local is a gateway to.
 * A target submits, cancels and follows its jobs, and answers for its own health: refresh()
 * asks the engine for its overview (asynchronously; checked() when the answer is in), and the
 * jobs it follows are polled in the same round. Nothing here blocks the event loop.
 */
class ExecutionTarget : public QObject
{
    Q_OBJECT
public:
    ExecutionTarget(TargetSpec spec, JobStore *store, JobRunner *runner, QObject *parent = nullptr);
    ~ExecutionTarget() override;

    const TargetSpec &spec() const { return m_spec; }
    QString name() const { return m_spec.name; }

    /// Whether the last check reached the engine (true until the first check has answered).
    bool isReachable() const { return m_reachable; }
    bool isChecked() const { return m_checkedAt.isValid(); }
    QDateTime checkedAt() const { return m_checkedAt; }
    /// Why the last check failed ("" when it did not).
    QString problem() const { return m_problem; }
    /// `{"name", "kind", "engines", "reachable", "checked_at", "overview"}` of GET /api/v1/targets.
    QJsonObject toJson() const;

    /**
     * Before a job is stored: whether it can ever fit the cluster. A job too large is 422 with
     * both sides named, or, with `fit_resources: true`, scaled down in place (`*request`) with
     * `*warning` saying what changed. Targets without figures (local) accept everything.
     */
    std::optional<RequestProblem> admit(JobRequest *request, QString *warning) const;

    /// Starts a job whose record (PENDING, `target` set) is in the store. Returns an error or "".
    virtual QString submit(const QString &id, const JobRequest &request) = 0;
    /// Starts again a job that was PENDING when dcp-local stopped.
    virtual void requeue(const QString &id) = 0;
    virtual JobRunner::CancelOutcome cancel(const QString &id) = 0;
    /// After a restart: follows a job that was still running on the cluster.
    virtual void reattach(const QString &id);
    /// Asks the engine for its overview and the state of the jobs it follows.
    virtual void refresh() = 0;

Q_SIGNALS:
    /// A refresh() has its answer (reachable or not).
    void checked();

protected:
    /// The cluster's answer to a request (`inFlight`: jobs started but not yet in its figures).
    virtual FitVerdict fit(const ResourceRequest &request,
                           const QList<ResourceRequest> &inFlight) const;
    /// Whether fit() has the engine's figures to compare with.
    virtual bool hasFigures() const { return false; }
    /// Whether the engine's figures already count the resources of a job started here.
    virtual bool countedByEngine(const QString &id) const;
    /// Starts a job whose files are written (requeued: after a restart of dcp-local).
    virtual void start(const QString &id, bool requeued);

    /// submit() of a cluster target: writes the job's files, then starts the job when it fits
    /// now or holds it PENDING (`WAITING for resources (…)`) until a check finds room.
    QString submitWhenRoom(const QString &id, const JobRequest &request);
    /// requeue() of a cluster target: the same for a job PENDING at a restart.
    void requeueWhenRoom(const QString &id);
    /// After a check brought fresh figures: starts the held jobs that fit now.
    void releaseHeld();
    /// The engine_state of an application that has waited longer than `waiting_limit`, or ""
    /// when it has not waited so long (`waitingSince` invalid: not waiting).
    QString waitedTooLong(const QDateTime &waitingSince, const QString &reason) const;

    using JsonHandler = std::function<void(bool ok, int httpStatus, const QJsonDocument &doc,
                                           const QString &error)>;
    /// A request to the engine's REST API with a short timeout; `handler` gets the JSON answer,
    /// or ok=false with the HTTP status (0 when the engine could not be reached) and why.
    void request(const QByteArray &method, const QUrl &url, const JsonHandler &handler);
    using TextHandler =
        std::function<void(bool ok, int httpStatus, const QByteArray &body, const QString &error)>;
    /// The same for an answer that is not JSON (a log file); at most `maxBytes` are kept.
    void requestText(const QUrl &url, qint64 maxBytes, const TextHandler &handler);
    /// Records the result of a check of the engine.
    void setChecked(bool reachable, const QJsonObject &overview,
                    const QString &problem = QString());
    /// Writes `status` through the runner (one writer for the store; stateChanged follows).
    void setStatus(const QString &id, const JobStatus &status) { m_runner->setStatus(id, status); }
    void appendLog(const QString &id, const QString &line)
    {
        m_runner->appendLog(id, JobRunner::logLine(line));
    }

    TargetSpec m_spec;
    JobStore *m_store;
    JobRunner *m_runner;
    QNetworkAccessManager *m_nam = nullptr;

private:
    struct Held
    {
        ResourceRequest resources;
        bool requeued = false;
    };
    void hold(const QString &id, const Held &held, const QString &why);
    QList<ResourceRequest> inFlight() const;

    QStringList m_heldOrder; ///< jobs waiting for room, oldest first
    QHash<QString, Held> m_held;
    QHash<QString, ResourceRequest> m_demand; ///< jobs started here, what they asked for
    bool m_reachable = true;
    QDateTime m_checkedAt;
    QJsonObject m_overview;
    QString m_problem;
};

} // namespace uis::dcplocal
