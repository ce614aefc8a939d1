// SPDX-License-Identifier: Apache-2.0
#include "logdock.h"

#include "dcpclient.h"
#include "jobfollower.h"
#include "jobsconnections.h"
#include "logview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace uis {

LogDock::LogDock(JobsConnections *connections, QWidget *parent)
    : QDockWidget(tr("Job Log"), parent), m_connections(connections), m_view(new LogView),
      m_title(new QLabel)
{
    setObjectName(QStringLiteral("logDock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setContentsMargins(4, 2, 4, 0);
    m_title->setWordWrap(true); // a long hint must not widen the dock
    m_title->setText(tr("No job selected: double-click a job in the Jobs dock"));
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    setWidget(content);
}

bool LogDock::isFollowing() const
{
    return m_follower && m_follower->isRunning();
}

void LogDock::showJob(const QString &environment, const QString &jobId)
{
    if (m_follower) {
        m_follower->stop();
        m_follower->deleteLater();
    }
    m_environment = environment;
    m_jobId = jobId;
    m_view->clear();
    m_view->setFollowTail(true);
    m_title->setText(tr("%1 on %2").arg(jobId, environment));
    show();
    raise();
    m_connections->withClient(environment, [this, environment, jobId](DcpClient *client,
                                                                      const QString &error) {
        if (environment != m_environment || jobId != m_jobId)
            return; // another job was chosen meanwhile
        if (!client) {
            m_title->setText(tr("%1 on %2: %3").arg(jobId, environment, error));
            return;
        }
        auto *f = new JobFollower(client, jobId, this);
        m_follower = f;
        f->setFollowLogs(true);
        f->setIntervals(300, 5000);
        f->setMaxFailures(30);
        connect(f, &JobFollower::logData, this,
                [this](const QByteArray &chunk, qint64) { m_view->appendData(chunk); });
        connect(
            f, &JobFollower::statusUpdated, this,
            [this, jobId, environment](const JobStatus &s, bool) {
                m_title->setText(
                    tr("%1 (%2) on %3: %4").arg(s.name, jobId, environment, jobStateName(s.state)));
            });
        connect(f, &JobFollower::finished, this,
                [this](const JobStatus &s) { Q_EMIT logComplete(s); });
        connect(f, &JobFollower::failed, this, [this, jobId](const DcpError &e) {
            m_title->setText(tr("%1: %2").arg(jobId, e.message));
        });
        f->start();
    });
}

} // namespace uis
