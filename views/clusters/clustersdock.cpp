// SPDX-License-Identifier: Apache-2.0
#include "clustersdock.h"

#include "clustersmodel.h"
#include "dcpclient.h"
#include "environmentstore.h"
#include "jobsconnections.h"
#include "platformpanel.h"
#include "targetjobsmodel.h"

#include <QAction>
#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace uis {

namespace {

QTableView *makeTable(QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

ClustersDock::ClustersDock(JobsConnections *connections, PlatformPanel *platform, QWidget *parent)
    : QDockWidget(tr("Clusters"), parent), m_connections(connections), m_platform(platform),
      m_model(new ClustersModel(this)), m_jobs(new TargetJobsModel(this)),
      m_view(makeTable(m_model)), m_jobsView(makeTable(m_jobs)), m_status(new QLabel),
      m_uiLink(new QLabel), m_jobsTitle(new QLabel), m_timer(new QTimer(this)),
      m_clock(new QTimer(this)), m_opener([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("clustersDock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QToolBar;
    bar->setIconSize(QSize(16, 16));
    m_refresh = bar->addAction(tr("Refresh"));
    m_refresh->setToolTip(tr("Ask the server for its targets and jobs now"));
    m_openUi = bar->addAction(tr("Open Web UI"));
    m_openUi->setToolTip(tr("Open the selected engine's web UI in the browser"));
    layout->addWidget(bar);

    // The targets over the full width (their overview is long); below them the jobs of the
    // selected one beside the local platform.
    auto *jobsBox = new QWidget;
    auto *jobsLayout = new QVBoxLayout(jobsBox);
    jobsLayout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(4, 0, 4, 0);
    row->addWidget(m_jobsTitle, 1);
    m_uiLink->setObjectName(QStringLiteral("webUiLink"));
    m_uiLink->setTextFormat(Qt::RichText);
    m_uiLink->setOpenExternalLinks(false);
    row->addWidget(m_uiLink);
    jobsLayout->addLayout(row);
    jobsLayout->addWidget(m_jobsView);
    auto *below = new QSplitter(Qt::Horizontal);
    below->setChildrenCollapsible(false);
    below->addWidget(jobsBox);
    if (m_platform)
        below->addWidget(m_platform);
    // Room for a few targets before anything scrolls.
    m_view->setMinimumHeight(m_view->horizontalHeader()->sizeHint().height() +
                             3 * m_view->verticalHeader()->defaultSectionSize() +
                             m_view->horizontalScrollBar()->sizeHint().height() + 4);
    auto *outer = new QSplitter(Qt::Vertical);
    outer->setChildrenCollapsible(false);
    outer->addWidget(m_view);
    outer->addWidget(below);
    outer->setStretchFactor(0, 2);
    outer->setStretchFactor(1, 3);
    layout->addWidget(outer, 1);
    m_status->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_status);
    setWidget(content);

    connect(m_refresh, &QAction::triggered, this, &ClustersDock::refresh);
    connect(m_openUi, &QAction::triggered, this, [this] { openWebUi(currentRow()); });
    connect(m_uiLink, &QLabel::linkActivated, this,
            [this](const QString &link) { m_opener(QUrl(link)); });
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { openWebUi(i.row()); });
    connect(m_jobsView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        const QUrl url(m_jobs->data(i, TargetJobsModel::UiUrlRole).toString());
        if (url.isValid() && !url.isEmpty())
            m_opener(url);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClustersDock::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ClustersDock::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ClustersDock::updateSelection);
    connect(m_timer, &QTimer::timeout, this, &ClustersDock::refresh);
    connect(m_clock, &QTimer::timeout, m_model, &ClustersModel::tick);
    connect(m_clock, &QTimer::timeout, m_jobs, &TargetJobsModel::tick);
    // Polled only while someone can see it.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible) {
            refresh();
            m_timer->start();
            m_clock->start();
        } else {
            m_timer->stop();
            m_clock->stop();
        }
    });
    m_timer->setInterval(5000);
    m_clock->setInterval(1000);
    updateSelection();
}

ClustersDock::~ClustersDock() = default;

void ClustersDock::setEnvironment(const QString &environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    m_model->clear();
    refresh();
}

QString ClustersDock::environment() const
{
    return m_environment.isEmpty() ? m_connections->store()->current() : m_environment;
}

void ClustersDock::setInterval(int seconds)
{
    m_timer->setInterval(qMax(1, seconds) * 1000);
}

int ClustersDock::currentRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ClustersDock::selectTarget(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_view->selectRow(row);
}

void ClustersDock::openWebUi(int row)
{
    const QUrl url = m_model->uiUrl(row);
    if (url.isValid() && !url.isEmpty())
        m_opener(url);
}

void ClustersDock::updateSelection()
{
    int row = currentRow();
    if (row < 0 && m_model->rowCount() > 0) {
        m_view->selectRow(0); // calls back here with a selection
        return;
    }
    const TargetInfo *t = m_model->target(row);
    const QString name = t ? t->name : QString();
    m_jobs->setJobs(name, t ? m_model->runningJobs(name) : QList<JobStatus>());
    m_jobsTitle->setText(
        t ? tr("<b>%1</b>: %n job(s) running", nullptr, int(m_jobs->jobs().size())).arg(name)
          : tr("No target selected"));
    const QUrl url = m_model->uiUrl(row);
    const bool hasUi = url.isValid() && !url.isEmpty();
    const QString engine = t && t->kind == QLatin1String("flink-session")      ? tr("Flink")
                           : t && t->kind == QLatin1String("spark-standalone") ? tr("Spark master")
                                                                               : tr("engine");
    m_uiLink->setText(hasUi
                          ? tr("<a href=\"%1\">Open the %2 web UI</a>").arg(url.toString(), engine)
                          : QString());
    m_uiLink->setToolTip(hasUi ? url.toString() : QString());
    m_openUi->setEnabled(hasUi);
}

void ClustersDock::refresh()
{
    if (m_pending > 0)
        return;
    m_pending = 2;
    m_errors.clear();
    const QString env = environment();
    m_status->setText(tr("Asking %1…").arg(env));
    m_connections->withClient(env, [this, env](DcpClient *client, const QString &error) {
        if (!client) {
            m_pending = 1;
            finishPart(false, error);
            return;
        }
        DcpReply *targets = client->targets();
        connect(targets, &DcpReply::done, this, [this, targets, env] {
            targets->deleteLater();
            if (env != environment())
                return finishPart(false, tr("the environment changed"));
            if (targets->isOk())
                m_model->setTargets(targets->json().value(QLatin1String("targets")).toArray());
            finishPart(targets->isOk(), targets->error().message);
        });
        JobListQuery query;
        query.limit = 200;
        DcpReply *jobs = client->list(query);
        connect(jobs, &DcpReply::done, this, [this, jobs, env] {
            jobs->deleteLater();
            if (jobs->isOk() && env == environment())
                m_model->setJobs(jobs->jobList().jobs);
            finishPart(jobs->isOk(), jobs->error().message);
        });
    });
}

void ClustersDock::finishPart(bool ok, const QString &error)
{
    if (!ok && !error.isEmpty() && !m_errors.contains(error))
        m_errors += (m_errors.isEmpty() ? QString() : QStringLiteral("; ")) + error;
    if (--m_pending > 0)
        return;
    const bool allOk = m_errors.isEmpty();
    int reachable = 0;
    for (const TargetInfo &t : m_model->targets())
        reachable += t.reachable ? 1 : 0;
    m_status->setText(allOk ? tr("%1: %2 of %n target(s) reachable · updated %3", nullptr,
                                 int(m_model->targets().size()))
                                  .arg(environment())
                                  .arg(reachable)
                                  .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                            : tr("%1: %2").arg(environment(), m_errors));
    updateSelection();
    Q_EMIT refreshed(allOk);
}

} // namespace uis
