// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobrunner.h"
#include "targetspec.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace uis::dcplocal {

class JobStore;
struct JobRequest;

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
    bool m_reachable = true;
    QDateTime m_checkedAt;
    QJsonObject m_overview;
    QString m_problem;
};

} // namespace uis::dcplocal
