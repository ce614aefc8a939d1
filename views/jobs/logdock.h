// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QDockWidget>
#include <QPointer>

class QLabel;

namespace uis {

class JobFollower;
class JobsConnections;
class LogView;

/// The Logs dock: follows one job's log by offset until the log is complete.
class LogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LogDock(JobsConnections *connections, QWidget *parent = nullptr);

    LogView *logView() const { return m_view; }
    QString environment() const { return m_environment; }
    QString jobId() const { return m_jobId; }
    /// True while the log is being followed (the job has not ended or the log is not complete).
    bool isFollowing() const;

    /// Shows `jobId`'s log from the start and follows it.
    void showJob(const QString &environment, const QString &jobId);

Q_SIGNALS:
    void logComplete(const uis::JobStatus &status);

private:
    JobsConnections *m_connections;
    LogView *m_view;
    QLabel *m_title;
    QPointer<JobFollower> m_follower;
    QString m_environment;
    QString m_jobId;
};

} // namespace uis
