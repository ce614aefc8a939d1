// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dcperror.h"
#include "jobstatus.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace uis {

/**
 * One DCP call in flight, like a QNetworkReply that retries where that is safe. Emits
 * `finished()` on success or `failed(error)` on failure, then `done()` in both cases; `progress`
 * reports retries. The caller owns the reply (delete it, or `deleteLater()` in a slot); it has
 * no parent, and fails cleanly if its client is deleted first.
 */
class DcpReply : public QObject
{
    Q_OBJECT
public:
    /// What the call was, so that the typed accessors know what to parse.
    enum class Operation { Submit, Get, List, Cancel, Logs, Savepoint };

    ~DcpReply() override;

    Operation operation() const { return m_operation; }
    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    const DcpError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    int attempts() const { return m_attempt; }
    /// The response body parsed as a JSON object (empty on failure).
    const QJsonObject &json() const { return m_json; }
    const QByteArray &body() const { return m_body; }
    /// The raw value of a response header, e.g. "Location".
    QByteArray header(const QByteArray &name) const;

    SubmitResult submitResult() const { return SubmitResult::fromJson(m_json); }
    JobStatus status() const { return JobStatus::fromJson(m_json); }
    JobList jobList() const { return JobList::fromJson(m_json); }
    LogChunk logChunk() const { return LogChunk::fromJson(m_json); }

    /// Runs a local event loop until the call is done or `timeoutMs` passed (-1: no limit).
    /// Returns isOk(). For tests only (a nested loop): the studio connects to the signals and
    /// uisctl waits in its own top-level loop (app/cli/cliloop.h).
    bool wait(int timeoutMs = -1);
    /// Stops the call; it fails with an "aborted" error.
    void abort();

Q_SIGNALS:
    void finished();
    void failed(const uis::DcpError &error);
    void progress(const QString &message);
    void done();

private:
    friend class DcpClient;
    struct Request
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        QByteArray token;
        QByteArray idempotencyKey;
        bool retriable = false;
        int timeoutMs = 15000;
        int maxAttempts = 4;
        int backoffMs = 250;
        int maxBackoffMs = 4000;
    };
    DcpReply(QNetworkAccessManager *nam, Operation op, Request request, QObject *parent);
    void startAttempt();
    void onNetworkFinished();
    void finish(const DcpError &error);

    QPointer<QNetworkAccessManager> m_nam;
    Operation m_operation;
    Request m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    int m_attempt = 0;
    bool m_finished = false;
    int m_httpStatus = 0;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QJsonObject m_json;
    DcpError m_error;
};

} // namespace uis
