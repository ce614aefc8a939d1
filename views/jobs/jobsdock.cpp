// SPDX-License-Identifier: Apache-2.0
#include "jobsdock.h"

#include "dcpclient.h"
#include "jobfollower.h"
#include "jobrunsfetcher.h"
#include "jobsconnections.h"
#include "jobsmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace uis {

namespace {

QString keyOf(const QString &environment, const QString &jobId)
{
    return environment + QLatin1Char('\n') + jobId;
}

} // namespace

JobsDock::JobsDock(JobsModel *model, JobsConnections *connections, QWidget *parent)
    : QDockWidget(tr("Jobs"), parent), m_model(model), m_connections(connections),
      m_view(new QTreeView), m_runs(new JobRunsFetcher(model, connections, this)),
      m_status(new QLabel), m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("jobsDock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QToolBar;
    bar->setIconSize(QSize(16, 16));
    m_refresh = bar->addAction(tr("Refresh"));
    m_refresh->setToolTip(tr("Poll every job that has not ended now"));
    m_showLog = bar->addAction(tr("Show Log"));
    m_cancel = bar->addAction(tr("Cancel Job…"));
    m_remove = bar->addAction(tr("Remove from List"));
    m_upgrade = bar->addAction(tr("Upgrade…"));
    m_upgrade->setToolTip(tr("Check whether the open spec can take over this job's state"));
    layout->addWidget(bar);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setRootIsDecorated(true);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setAlternatingRowColors(true);
    layout->addWidget(m_view);
    m_status->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_status);
    setWidget(content);

    connect(m_refresh, &QAction::triggered, this, [this] {
        for (JobFollower *f : std::as_const(m_followers)) {
            if (f) {
                f->stop();
                f->start();
            }
        }
        watchUnfinished();
    });
    connect(m_showLog, &QAction::triggered, this, [this] {
        if (const JobEntry *e = m_model->entry(currentRow()))
            Q_EMIT showLogRequested(e->environment, e->status.jobId);
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const JobEntry *e = m_model->entryAt(index))
            Q_EMIT showLogRequested(e->environment, e->status.jobId);
    });
    connect(m_cancel, &QAction::triggered, this, [this] { requestCancel(currentRow()); });
    connect(m_upgrade, &QAction::triggered, this, [this] {
        if (const JobEntry *e = m_model->entry(currentRow()))
            Q_EMIT upgradeRequested(e->environment, e->status.jobId);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (const JobEntry *e = m_model->entry(currentRow())) {
            stopWatching(keyOf(e->environment, e->status.jobId));
            m_model->remove(currentRow());
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsDock::updateActions);
    // A job that ended before the studio started gets its runs when it is looked at.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const JobEntry *e = m_model->entryAt(current); e && e->runs.isEmpty())
                    m_runs->jobChanged(e->environment, e->status);
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsDock::updateActions);
    connect(m_clock, &QTimer::timeout, m_model, &JobsModel::tick);
    m_clock->start(1000);
    updateActions();
}

JobsDock::~JobsDock() = default;

int JobsDock::currentRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_model->jobRow(rows.first());
}

void JobsDock::selectJob(const QString &environment, const QString &jobId)
{
    const int row = m_model->rowOf(environment, jobId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void JobsDock::updateActions()
{
    const JobEntry *e = m_model->entry(currentRow());
    m_showLog->setEnabled(e != nullptr);
    m_remove->setEnabled(e != nullptr);
    m_cancel->setEnabled(e && !isTerminal(e->status.state));
    m_upgrade->setEnabled(e && e->status.state == JobState::Running);
    int running = 0;
    for (const JobEntry &j : m_model->entries())
        running += isTerminal(j.status.state) ? 0 : 1;
    m_status->setText(tr("%n job(s)", nullptr, int(m_model->entries().size())) +
                      (running ? tr(", %n not finished", nullptr, running) : QString()));
}

void JobsDock::addJob(const QString &environment, const JobStatus &status)
{
    m_model->upsert(environment, status);
    selectJob(environment, status.jobId);
    watch(environment, status.jobId);
    m_runs->jobChanged(environment, status);
}

void JobsDock::watchUnfinished()
{
    for (const JobEntry &e : m_model->entries()) {
        if (!isTerminal(e.status.state))
            watch(e.environment, e.status.jobId);
    }
}

bool JobsDock::isWatching(const QString &environment, const QString &jobId) const
{
    return m_followers.contains(keyOf(environment, jobId));
}

void JobsDock::watch(const QString &environment, const QString &jobId)
{
    const QString key = keyOf(environment, jobId);
    if (m_followers.contains(key))
        return;
    m_followers.insert(key, nullptr); // reserved while the connection is being made
    m_connections->withClient(
        environment, [this, environment, jobId, key](DcpClient *client, const QString &error) {
            if (!client) {
                m_followers.remove(key);
                Q_EMIT message(tr("Cannot watch job %1: %2").arg(jobId, error));
                return;
            }
            auto *f = new JobFollower(client, jobId, this);
            f->setIntervals(500, 15000);
            f->setMaxFailures(30);
            m_followers.insert(key, f);
            connect(f, &JobFollower::statusUpdated, this,
                    [this, environment](const JobStatus &s, bool changed) {
                        m_model->upsert(environment, s, QDateTime::currentDateTimeUtc());
                        if (changed)
                            m_runs->jobChanged(environment, s);
                    });
            connect(f, &JobFollower::finished, this, [this, environment, key](const JobStatus &s) {
                stopWatching(key);
                m_runs->jobChanged(environment, s);
                Q_EMIT jobEnded(environment, s);
            });
            connect(f, &JobFollower::failed, this, [this, key, jobId](const DcpError &e) {
                stopWatching(key);
                Q_EMIT message(tr("Stopped watching job %1: %2").arg(jobId, e.message));
            });
            f->start();
        });
}

void JobsDock::stopWatching(const QString &key)
{
    if (JobFollower *f = m_followers.take(key)) {
        f->stop();
        f->deleteLater();
    }
}

void JobsDock::requestCancel(int row)
{
    const JobEntry *e = m_model->entry(row);
    if (!e || isTerminal(e->status.state))
        return;
    const QString environment = e->environment;
    const QString jobId = e->status.jobId;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Cancel Job"),
        tr("Cancel job “%1” (%2) on %3?\n\nThe engine is stopped; work in progress is lost.")
            .arg(e->status.name, jobId, environment),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("cancelJobConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Cancel Job"));
    box->button(QMessageBox::No)->setText(tr("Keep Running"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, environment, jobId](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            cancelNow(environment, jobId);
    });
    box->open();
}

void JobsDock::cancelNow(const QString &environment, const QString &jobId)
{
    m_connections->withClient(
        environment, [this, environment, jobId](DcpClient *client, const QString &error) {
            if (!client) {
                Q_EMIT message(tr("Cannot cancel job %1: %2").arg(jobId, error));
                return;
            }
            DcpReply *reply = client->cancel(jobId);
            connect(reply, &DcpReply::done, this, [this, reply, environment, jobId] {
                reply->deleteLater();
                if (!reply->isOk()) {
                    Q_EMIT message(
                        tr("Cancel of job %1 failed: %2").arg(jobId, reply->error().message));
                    return;
                }
                m_model->upsert(environment, reply->status(), QDateTime::currentDateTimeUtc());
                Q_EMIT message(tr("Cancel of job %1 requested").arg(jobId));
                // Poll sooner: the job ends within the server's grace period.
                if (JobFollower *f = m_followers.value(keyOf(environment, jobId))) {
                    f->stop();
                    f->start();
                } else {
                    watch(environment, jobId);
                }
            });
        });
}

} // namespace uis
