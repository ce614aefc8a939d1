// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dcperror.h"
#include "jobstatus.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace uis {

class DcpClient;
class DcpReply;

/**
 * Polls one job until it is terminal, optionally following its log by offset. Polling backs
 * off (×1.5 from `minInterval` up to `maxInterval`) while nothing changes and speeds up again
 * on any change. Transient errors are retried on the same schedule; a 401 or 404, or too many
 * failures in a row, end the follow with `failed`.
 */
class JobFollower : public QObject
{
    Q_OBJECT
public:
    JobFollower(DcpClient *client, const QString &jobId, QObject *parent = nullptr);
    ~JobFollower() override;

    void setFollowLogs(bool on) { m_followLogs = on; }
    void setLogOffset(qint64 offset) { m_logOffset = offset; }
    void setIntervals(int minMs, int maxMs);
    /// Consecutive failed polls before giving up (default 8).
    void setMaxFailures(int n) { m_maxFailures = n; }

    QString jobId() const { return m_jobId; }
    const JobStatus &lastStatus() const { return m_status; }
    qint64 logOffset() const { return m_logOffset; }
    bool isRunning() const { return m_running; }
    int currentInterval() const { return m_interval; }

    void start();
    void stop();

Q_SIGNALS:
    /// Every successful poll; `changed` is true when the state or engine state moved.
    void statusUpdated(const uis::JobStatus &status, bool changed);
    /// New log text from `offset`.
    void logData(const QByteArray &data, qint64 offset);
    /// The job is terminal (and, when following logs, the log is complete).
    void finished(const uis::JobStatus &status);
    void failed(const uis::DcpError &error);
    void progress(const QString &message);

private:
    void poll();
    void onStatus();
    void pollLogs();
    void onLogs();
    void schedule(bool changed);
    void fail(const DcpError &e);
    bool countFailure(const DcpError &e);

    DcpClient *m_client;
    QString m_jobId;
    QTimer *m_timer;
    QPointer<DcpReply> m_reply;
    JobStatus m_status;
    bool m_haveStatus = false;
    bool m_followLogs = false;
    bool m_running = false;
    bool m_changedThisRound = false;
    qint64 m_logOffset = 0;
    int m_minInterval = 250;
    int m_maxInterval = 5000;
    int m_interval = 250;
    int m_failures = 0;
    int m_maxFailures = 8;
};

} // namespace uis
