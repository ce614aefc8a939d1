// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QDockWidget>
#include <QJsonObject>

#include <functional>

class QAction;
class QLabel;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace uis {

class DcpClient;
class DcpReply;
class JobsConnections;

/**
 * The Savepoints tab of the selected job: its savepoints and latest retained checkpoint (path,
 * time, size, status), with Trigger, Stop with Savepoint, Restore (submit the pipeline again
 * restoring from the selected one) and Delete (after a confirmation). Every call goes through
 * the asynchronous DCP client; while a savepoint is in progress the list is asked again every
 * second.
 */
class SavepointsDock : public QDockWidget
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        KindColumn,
        StatusColumn,
        CreatedColumn,
        SizeColumn,
        PathColumn,
        ColumnCount
    };

    SavepointsDock(JobsConnections *connections, QWidget *parent = nullptr);

    /// Shows `jobId` of `environment` and asks for its savepoints.
    void showJob(const QString &environment, const JobStatus &status);
    QString jobId() const { return m_jobId; }
    QTableView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *triggerAction() const { return m_trigger; }
    QAction *stopAction() const { return m_stop; }
    QAction *restoreAction() const { return m_restore; }
    QAction *deleteAction() const { return m_delete; }
    /// The record of the selected row (empty without a selection).
    QJsonObject selected() const;

    void refresh();
    void trigger();
    /// Asks for confirmation, then stops the job with a savepoint.
    void requestStop();
    /// Asks for confirmation, then deletes the selected savepoint.
    void requestDelete();
    /// The confirmed end of an upgrade (the Upgrade dialog asked): stops the shown job with a
    /// savepoint, waits until Flink has written it, then emits restoreRequested() with its path.
    void stopAndRestore();

Q_SIGNALS:
    /// Submit the pipeline again, starting from `path` (a savepoint or checkpoint).
    void restoreRequested(const QString &environment, const QString &path);
    void message(const QString &text);

private:
    void fill(const QJsonArray &savepoints);
    void awaitSavepoint(const QString &environment, const QString &jobId, const QString &id,
                        int triesLeft);
    void updateActions();
    void call(const QString &what, const std::function<DcpReply *(DcpClient *)> &start,
              const std::function<void(DcpReply *)> &done);

    JobsConnections *m_connections;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QLabel *m_title;
    QAction *m_refresh;
    QAction *m_trigger;
    QAction *m_stop;
    QAction *m_restore;
    QAction *m_delete;
    QTimer *m_poll;
    QString m_environment;
    QString m_jobId;
    JobStatus m_status;
    QList<QJsonObject> m_records;
};

} // namespace uis
