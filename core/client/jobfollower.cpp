// SPDX-License-Identifier: Apache-2.0
#include "jobfollower.h"

#include "dcpclient.h"

#include <QTimer>

namespace uis {

JobFollower::JobFollower(DcpClient *client, const QString &jobId, QObject *parent)
    : QObject(parent), m_client(client), m_jobId(jobId), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &JobFollower::poll);
}

JobFollower::~JobFollower()
{
    delete m_reply;
}

void JobFollower::setIntervals(int minMs, int maxMs)
{
    m_minInterval = qMax(10, minMs);
    m_maxInterval = qMax(m_minInterval, maxMs);
    m_interval = m_minInterval;
}

void JobFollower::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    m_interval = m_minInterval;
    poll();
}

void JobFollower::stop()
{
    m_running = false;
    m_timer->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void JobFollower::poll()
{
    if (!m_running)
        return;
    m_changedThisRound = false;
    m_reply = m_client->get(m_jobId);
    connect(m_reply, &DcpReply::done, this, &JobFollower::onStatus);
}

bool JobFollower::countFailure(const DcpError &e)
{
    if (!e.isTransient() || ++m_failures >= m_maxFailures) {
        fail(e);
        return false;
    }
    Q_EMIT progress(QStringLiteral("%1; polling again").arg(e.message));
    schedule(false);
    return true;
}

void JobFollower::onStatus()
{
    DcpReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (!m_running)
        return;
    if (!reply->isOk()) {
        countFailure(reply->error());
        return;
    }
    m_failures = 0;
    const JobStatus s = reply->status();
    const bool changed = !m_haveStatus || s.state != m_status.state || s.engineState != m_status.engineState;
    m_status = s;
    m_haveStatus = true;
    m_changedThisRound = changed;
    Q_EMIT statusUpdated(s, changed);
    if (m_followLogs) {
        pollLogs();
        return;
    }
    if (isTerminal(s.state)) {
        m_running = false;
        Q_EMIT finished(s);
        return;
    }
    schedule(changed);
}

void JobFollower::pollLogs()
{
    m_reply = m_client->logs(m_jobId, m_logOffset);
    connect(m_reply, &DcpReply::done, this, &JobFollower::onLogs);
}

void JobFollower::onLogs()
{
    DcpReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (!m_running)
        return;
    if (!reply->isOk()) {
        countFailure(reply->error());
        return;
    }
    const LogChunk chunk = reply->logChunk();
    const bool more = chunk.nextOffset > m_logOffset;
    if (more) {
        const qint64 at = m_logOffset;
        m_logOffset = chunk.nextOffset;
        m_changedThisRound = true;
        Q_EMIT logData(chunk.data, at);
    }
    if (chunk.complete) {
        // The job ended between the status poll and this read: fetch its final status first.
        if (!isTerminal(m_status.state)) {
            poll();
            return;
        }
        m_running = false;
        Q_EMIT finished(m_status);
        return;
    }
    if (more || isTerminal(m_status.state)) {
        // Drain a long log at once; after the end, the remaining tail arrives shortly.
        if (more) {
            pollLogs();
            return;
        }
    }
    schedule(m_changedThisRound);
}

void JobFollower::schedule(bool changed)
{
    if (!m_running)
        return;
    if (changed)
        m_interval = m_minInterval;
    else
        m_interval = qMin(m_maxInterval, qMax(m_minInterval, m_interval * 3 / 2));
    m_timer->start(changed ? m_minInterval : m_interval);
}

void JobFollower::fail(const DcpError &e)
{
    m_running = false;
    m_timer->stop();
    Q_EMIT failed(e);
}

} // namespace uis
