// SPDX-License-Identifier: Apache-2.0
#include "savepointsdock.h"

#include "dcpclient.h"
#include "jobsconnections.h"

#include <QAction>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace uis {

SavepointsDock::SavepointsDock(JobsConnections *connections, QWidget *parent)
    : QDockWidget(tr("Savepoints"), parent), m_connections(connections),
      m_model(new QStandardItemModel(this)), m_view(new QTableView),
      m_title(new QLabel(tr("Select a job in the Jobs list"))), m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("savepointsDock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QToolBar;
    m_refresh = bar->addAction(tr("Refresh"));
    m_trigger = bar->addAction(tr("Trigger Savepoint"));
    m_trigger->setToolTip(tr("Take a savepoint of the running Flink job"));
    m_stop = bar->addAction(tr("Stop with Savepoint…"));
    m_restore = bar->addAction(tr("Restore…"));
    m_restore->setToolTip(tr("Submit the pipeline again, starting from the selected savepoint"));
    m_delete = bar->addAction(tr("Delete…"));
    layout->addWidget(bar);
    m_title->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_title);
    m_model->setHorizontalHeaderLabels(
        {tr("Savepoint"), tr("Kind"), tr("Status"), tr("Created"), tr("Size"), tr("Path")});
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view);
    setWidget(content);

    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &SavepointsDock::refresh);
    connect(m_refresh, &QAction::triggered, this, &SavepointsDock::refresh);
    connect(m_trigger, &QAction::triggered, this, &SavepointsDock::trigger);
    connect(m_stop, &QAction::triggered, this, &SavepointsDock::requestStop);
    connect(m_delete, &QAction::triggered, this, &SavepointsDock::requestDelete);
    connect(m_restore, &QAction::triggered, this, [this] {
        const QJsonObject r = selected();
        if (!r.isEmpty())
            Q_EMIT restoreRequested(m_environment, r.value(QLatin1String("path")).toString());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SavepointsDock::updateActions);
    updateActions();
}

void SavepointsDock::showJob(const QString &environment, const JobStatus &status)
{
    const bool other = environment != m_environment || status.jobId != m_jobId;
    m_environment = environment;
    m_jobId = status.jobId;
    m_status = status;
    m_title->setText(tr("%1 (%2) on %3: %4")
                         .arg(status.name, status.jobId, environment, jobStateName(status.state)));
    if (other) {
        m_records.clear();
        m_model->removeRows(0, m_model->rowCount());
        refresh();
    }
    updateActions();
}

QJsonObject SavepointsDock::selected() const
{
    const QModelIndexList rows =
        m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty() || rows.first().row() >= m_records.size())
        return {};
    return m_records.at(rows.first().row());
}

void SavepointsDock::updateActions()
{
    const bool job = !m_jobId.isEmpty();
    const bool flinkRunning =
        job && m_status.engine == QLatin1String("flink") && m_status.state == JobState::Running;
    const QJsonObject r = selected();
    const QString st = r.value(QLatin1String("status")).toString();
    m_refresh->setEnabled(job);
    m_trigger->setEnabled(flinkRunning);
    m_stop->setEnabled(flinkRunning);
    m_restore->setEnabled(st == QLatin1String("COMPLETED") &&
                          m_status.engine == QLatin1String("flink"));
    m_delete->setEnabled(
        !r.isEmpty() && st != QLatin1String("DELETED") && st != QLatin1String("IN_PROGRESS") &&
        r.value(QLatin1String("savepoint_id")).toString().startsWith(QLatin1String("sp-")));
}

void SavepointsDock::call(const QString &what, const std::function<DcpReply *(DcpClient *)> &start,
                          const std::function<void(DcpReply *)> &done)
{
    const QString environment = m_environment;
    m_connections->withClient(
        environment, [this, what, start, done](DcpClient *client, const QString &error) {
            if (!client) {
                Q_EMIT message(tr("%1: %2").arg(what, error));
                return;
            }
            DcpReply *reply = start(client);
            connect(reply, &DcpReply::done, this, [this, reply, what, done] {
                reply->deleteLater();
                if (!reply->isOk()) {
                    Q_EMIT message(tr("%1: %2").arg(what, reply->error().fullText()));
                    return;
                }
                done(reply);
            });
        });
}

void SavepointsDock::refresh()
{
    if (m_jobId.isEmpty())
        return;
    const QString job = m_jobId;
    call(
        tr("Savepoints of %1").arg(job), [job](DcpClient *c) { return c->savepoints(job); },
        [this, job](DcpReply *reply) {
            if (job == m_jobId)
                fill(reply->json().value(QLatin1String("savepoints")).toArray());
        });
}

void SavepointsDock::fill(const QJsonArray &savepoints)
{
    const QString keep = selected().value(QLatin1String("savepoint_id")).toString();
    m_records.clear();
    m_model->removeRows(0, m_model->rowCount());
    bool inProgress = false;
    for (const QJsonValue &v : savepoints) {
        const QJsonObject o = v.toObject();
        m_records.append(o);
        const QString status = o.value(QLatin1String("status")).toString();
        inProgress |= status == QLatin1String("IN_PROGRESS");
        const QJsonValue size = o.value(QLatin1String("size_bytes"));
        QList<QStandardItem *> row{
            new QStandardItem(o.value(QLatin1String("savepoint_id")).toString()),
            new QStandardItem(o.value(QLatin1String("kind")).toString()),
            new QStandardItem(status),
            new QStandardItem(o.value(QLatin1String("created_at")).toString()),
            new QStandardItem(size.isDouble() ? QLocale().formattedDataSize(qint64(size.toDouble()))
                                              : QString()),
            new QStandardItem(o.value(QLatin1String("path")).toString())};
        QString tip = o.value(QLatin1String("error")).toString();
        if (status == QLatin1String("DELETED"))
            tip = tr("deleted by %1 at %2")
                      .arg(o.value(QLatin1String("deleted_by")).toString(),
                           o.value(QLatin1String("deleted_at")).toString());
        for (QStandardItem *item : row)
            item->setToolTip(tip);
        m_model->appendRow(row);
        if (o.value(QLatin1String("savepoint_id")).toString() == keep)
            m_view->selectRow(m_model->rowCount() - 1);
    }
    if (inProgress)
        m_poll->start();
    else
        m_poll->stop();
    updateActions();
}

void SavepointsDock::trigger()
{
    const QString job = m_jobId;
    call(
        tr("Savepoint of %1").arg(job), [job](DcpClient *c) { return c->triggerSavepoint(job); },
        [this, job](DcpReply *reply) {
            Q_EMIT message(
                tr("Savepoint %1 of job %2 requested")
                    .arg(reply->json().value(QLatin1String("savepoint_id")).toString(), job));
            refresh();
        });
}

void SavepointsDock::requestStop()
{
    const QString job = m_jobId;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Stop with Savepoint"),
        tr("Stop job “%1” (%2) with a savepoint?\n\nIts state is kept in the savepoint; "
           "Restore starts the pipeline again from it.")
            .arg(m_status.name, job),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("stopWithSavepointConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Stop with Savepoint"));
    box->button(QMessageBox::No)->setText(tr("Keep Running"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, job](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        call(
            tr("Stop of %1").arg(job), [job](DcpClient *c) { return c->stop(job, true, false); },
            [this, job](DcpReply *) {
                Q_EMIT message(tr("Job %1 is stopping with a savepoint").arg(job));
                refresh();
            });
    });
    box->open();
}

void SavepointsDock::stopAndRestore()
{
    const QString environment = m_environment;
    const QString job = m_jobId;
    if (job.isEmpty())
        return;
    call(
        tr("Upgrade of %1").arg(job), [job](DcpClient *c) { return c->stop(job, true, false); },
        [this, environment, job](DcpReply *reply) {
            const QString id = reply->json().value(QLatin1String("savepoint_id")).toString();
            Q_EMIT message(tr("Job %1 is stopping with savepoint %2").arg(job, id));
            awaitSavepoint(environment, job, id, 600);
        });
}

void SavepointsDock::awaitSavepoint(const QString &environment, const QString &jobId,
                                    const QString &id, int triesLeft)
{
    call(
        tr("Savepoints of %1").arg(jobId), [jobId](DcpClient *c) { return c->savepoints(jobId); },
        [this, environment, jobId, id, triesLeft](DcpReply *reply) {
            const QJsonArray all = reply->json().value(QLatin1String("savepoints")).toArray();
            for (const QJsonValue &v : all) {
                const QJsonObject r = v.toObject();
                if (r.value(QLatin1String("savepoint_id")).toString() != id)
                    continue;
                const QString status = r.value(QLatin1String("status")).toString();
                if (status == QLatin1String("COMPLETED")) {
                    if (jobId == m_jobId)
                        fill(all);
                    Q_EMIT restoreRequested(environment, r.value(QLatin1String("path")).toString());
                    return;
                }
                if (status != QLatin1String("IN_PROGRESS")) {
                    Q_EMIT message(
                        tr("Upgrade of %1: savepoint %2 %3: %4; the job keeps running")
                            .arg(jobId, id, status, r.value(QLatin1String("error")).toString()));
                    return;
                }
            }
            if (triesLeft <= 0) {
                Q_EMIT message(
                    tr("Upgrade of %1: savepoint %2 not written after 10 minutes").arg(jobId, id));
                return;
            }
            QTimer::singleShot(1000, this, [this, environment, jobId, id, triesLeft] {
                awaitSavepoint(environment, jobId, id, triesLeft - 1);
            });
        });
}

void SavepointsDock::requestDelete()
{
    const QJsonObject r = selected();
    if (r.isEmpty())
        return;
    const QString job = m_jobId;
    const QString sid = r.value(QLatin1String("savepoint_id")).toString();
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Delete Savepoint"),
        tr("Delete savepoint %1 of job %2?\n\n%3\n\nIts files are removed; the job can no "
           "longer be restored from it.")
            .arg(sid, job, r.value(QLatin1String("path")).toString()),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("deleteSavepointConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, job, sid](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        const QString user = qEnvironmentVariable("USER", QStringLiteral("uis-studio"));
        call(
            tr("Delete of %1").arg(sid),
            [job, sid, user](DcpClient *c) { return c->deleteSavepoint(job, sid, user); },
            [this, sid](DcpReply *) {
                Q_EMIT message(tr("Savepoint %1 deleted").arg(sid));
                refresh();
            });
    });
    box->open();
}

} // namespace uis
