// SPDX-License-Identifier: Apache-2.0
#include "runoverlaycontroller.h"

#include "graphscene.h"
#include "jobsdock.h"
#include "jobsmodel.h"
#include "runoverlay.h"

#include <QItemSelectionModel>
#include <QTreeView>

namespace uis {

RunOverlayController::RunOverlayController(JobsDock *jobs, GraphScene *scene, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_scene(scene)
{
    connect(jobs->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(m_jobs->model()->jobRow(current)); });
    // Polls update the selected job's counts while it runs.
    connect(jobs->model(), &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_jobId.isEmpty())
            refresh(false);
    });
    // An edit clears the canvas; the job stays forgotten until it is selected again.
    connect(scene, &GraphScene::runOverlayChanged, this, [this] {
        if (!m_applying && m_scene->runOverlay().isEmpty()) {
            m_environment.clear();
            m_jobId.clear();
        }
    });
}

void RunOverlayController::showRow(int row)
{
    const JobEntry *e = m_jobs->model()->entry(row);
    m_environment = e ? e->environment : QString();
    m_jobId = e ? e->status.jobId : QString();
    refresh(true);
}

void RunOverlayController::refresh(bool announce)
{
    const int row = m_jobs->model()->rowOf(m_environment, m_jobId);
    const JobEntry *e = m_jobs->model()->entry(row);
    QHash<QString, NodeRunBadge> badges;
    if (e)
        badges = RunOverlay::badgesFor(e->status, m_scene->nodeNames());
    m_applying = true;
    m_scene->setRunOverlay(badges);
    m_applying = false;
    if (!announce || !e)
        return;
    if (badges.isEmpty())
        Q_EMIT message(
            e->status.nodes.isEmpty()
                ? tr("Job %1 has not reported rows per node yet").arg(e->status.name)
                : tr("Job %1 reports on nodes that are not on this canvas").arg(e->status.name));
    else
        Q_EMIT message(tr("Showing the rows of job %1 on %n node(s)", nullptr, int(badges.size()))
                           .arg(e->status.name));
}

} // namespace uis
