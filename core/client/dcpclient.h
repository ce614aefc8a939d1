// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dcpreply.h"
#include "environment.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace uis {

/// Filters of `GET /api/v1/jobs`.
struct JobListQuery
{
    QString status;
    QString team;
    QString user;
    int limit = 0; ///< 0: the server's default (50)
    QString cursor;
};

/**
 * The client of the DCP job API (DCP-API.md). Every call returns a DcpReply that reports by
 * signals. Every request has a timeout; GETs and submits (which always carry an
 * Idempotency-Key) are retried with exponential backoff on transient failures, cancels never.
 * TLS certificates are always verified.
 */
class DcpClient : public QObject
{
    Q_OBJECT
public:
    explicit DcpClient(QObject *parent = nullptr);
    DcpClient(const Environment &environment, QObject *parent = nullptr);
    ~DcpClient() override;

    void setEnvironment(const Environment &environment);
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token.toUtf8(); }
    bool hasToken() const { return !m_token.isEmpty(); }
    /// Per-attempt timeout (default 15 s).
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
    /// What to wait for upgradeCheck(): the server gives the engine's check 15 minutes.
    static constexpr int kUpgradeCheckTimeoutMs = 20 * 60 * 1000;
    /// Attempts for retriable calls, including the first (default 4).
    void setMaxAttempts(int n) { m_maxAttempts = qMax(1, n); }
    /// First backoff delay (default 250 ms, doubled per attempt, capped at 4 s).
    void setBackoff(int ms) { m_backoffMs = ms; }

    /// `POST /api/v1/jobs`. An empty key gets a fresh one, so retries never duplicate a job.
    DcpReply *submit(const QJsonObject &request, const QString &idempotencyKey = {});
    /// The same with a body already serialized (used by tests of malformed input).
    DcpReply *submitRaw(const QByteArray &body, const QString &idempotencyKey = {});
    DcpReply *get(const QString &jobId);
    DcpReply *list(const JobListQuery &query = {});
    DcpReply *cancel(const QString &jobId);
    /// `GET /api/v1/targets`: the server's execution targets (read the answer with json()).
    DcpReply *targets();
    /// GET /api/v1/jobs/{id}/metrics (`since`: RFC 3339, "" the server's default window).
    DcpReply *metrics(const QString &jobId, const QString &since = {},
                      const QStringList &names = {});
    /// GET /api/v1/alerts, and POST /api/v1/alerts/test {"rule"} (sends a test message).
    DcpReply *alerts();
    /// GET /api/v1/jobs/{id}/runs: the runs of a scheduled micro-batch job.
    DcpReply *runs(const QString &jobId);
    DcpReply *testAlert(const QString &rule);
    /// `POST /api/v1/jobs/{id}/upgrade-check` with the new version's job request (and an
    /// optional `path`): the engine's restore check (read the answer with json()). Not retried:
    /// the check runs the engine for minutes, so give the client a long timeout.
    DcpReply *upgradeCheck(const QString &jobId, const QJsonObject &newVersion);
    /// `GET /api/v1/jobs/{id}/logs?offset=…&limit=…` (limit 0: the server's default).
    DcpReply *logs(const QString &jobId, qint64 offset = 0, qint64 limit = 0);

    /// `POST /api/v1/jobs/{id}/savepoints`: trigger a savepoint (not retried).
    DcpReply *triggerSavepoint(const QString &jobId);
    /// `GET /api/v1/jobs/{id}/savepoints`: `{"savepoints": [...]}` (read with json()).
    DcpReply *savepoints(const QString &jobId);
    /// `POST /api/v1/jobs/{id}/stop` `{"savepoint", "drain"}` (not retried).
    DcpReply *stop(const QString &jobId, bool savepoint, bool drain);
    /// `DELETE /api/v1/jobs/{id}/savepoints/{sid}?user=…` (not retried).
    DcpReply *deleteSavepoint(const QString &jobId, const QString &savepointId,
                              const QString &user);

    /// A random key for `Idempotency-Key`.
    static QString newIdempotencyKey();

private:
    DcpReply *start(DcpReply::Operation op, const QByteArray &method, const QString &path,
                    const QList<QPair<QString, QString>> &query, const QByteArray &body, bool retriable,
                    const QByteArray &idempotencyKey = {});

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QByteArray m_token;
    int m_timeoutMs = 15000;
    int m_maxAttempts = 4;
    int m_backoffMs = 250;
};

} // namespace uis
