// SPDX-License-Identifier: Apache-2.0
#include "sampleintegration.h"

#include "analysisrunner.h"
#include "formeditor.h"
#include "graphscene.h"
#include "pipelinedocument.h"
#include "problemsdock.h"
#include "propertiesdock.h"
#include "sampledock.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

namespace uis {

SampleIntegration::SampleIntegration(QMainWindow *window, const Parts &parts)
    : QObject(window), m_parts(parts), m_dock(new SampleDock(parts.document, parts.tokens, window))
{
    m_sample = new QAction(tr("&Sample…"), this);
    m_sample->setObjectName(QStringLiteral("sampleEndpoint"));
    m_sample->setShortcut(QKeySequence(Qt::Key_F6));
    m_sample->setToolTip(tr("Read a few records from the selected endpoint's real source: records, "
                            "responses, inferred schema, pagination and drift (F6)"));
    connect(m_sample, &QAction::triggered, this, [this] { sample(); });
    connect(m_dock, &SampleDock::runningChanged, m_sample, &QAction::setDisabled);
    connect(m_dock, &SampleDock::driftChanged, this, &SampleIntegration::publishDrift);
    connect(m_dock, &SampleDock::message, window, [window](const QString &t) {
        if (QStatusBar *bar = window->statusBar())
            bar->showMessage(t, 6000);
    });
    // After every analysis (which replaces the Problems list) add the drift again, computed
    // against the tree just parsed. Connected after the window's own handler, so it runs last.
    if (m_parts.analysis)
        connect(m_parts.analysis, &AnalysisRunner::finished, this,
                &SampleIntegration::publishDrift);
}

SampleIntegration *SampleIntegration::install(QMainWindow *window, QMenu *menu, const Parts &parts,
                                              const AddDock &addDock)
{
    auto *self = new SampleIntegration(window, parts);
    if (menu) {
        menu->addSeparator();
        menu->addAction(self->m_sample);
    }
    window->addAction(self->m_sample); // F6 works wherever the focus is
    if (parts.properties)
        parts.properties->addNodeAction(self->m_sample);
    if (parts.scene) {
        connect(parts.scene, &GraphScene::nodeMenuRequested, self,
                [self](QMenu *m, const QList<NodeId> &ids) {
                    if (ids.size() != 1)
                        return;
                    const GraphNode *n = self->m_parts.document->graph()->node(ids.first());
                    if (!n || n->kind != NodeKind::Endpoint)
                        return;
                    const QString name = n->name;
                    QAction *a = m->addAction(tr("Sample “%1”…").arg(name), self,
                                              [self, name] { self->sample(name); });
                    a->setObjectName(QStringLiteral("sampleNode"));
                    a->setShortcut(self->m_sample->shortcut());
                });
    }
    const AddDock add = addDock ? addDock : AddDock([window](QDockWidget *d, Qt::DockWidgetArea a) {
        window->addDockWidget(a, d);
    });
    add(self->m_dock, Qt::BottomDockWidgetArea);
    // A tab beside Problems (else another bottom panel), raised when sampling: Problems stays
    // in front, also after the docks installed later have tabified themselves.
    QDockWidget *neighbour = nullptr;
    for (QDockWidget *d : window->findChildren<QDockWidget *>()) {
        if (d == self->m_dock || d->isFloating() ||
            window->dockWidgetArea(d) != Qt::BottomDockWidgetArea)
            continue;
        if (!neighbour || d->objectName() == QLatin1String("ProblemsDock"))
            neighbour = d;
    }
    if (neighbour) {
        window->tabifyDockWidget(neighbour, self->m_dock);
        QTimer::singleShot(0, neighbour, [neighbour, self] {
            if (!self->m_dock->isRunning() && !self->m_dock->hasSample())
                neighbour->raise();
        });
    }
    return self;
}

QString SampleIntegration::selectedEndpoint() const
{
    NodeId id = InvalidNodeId;
    if (m_parts.scene && m_parts.scene->selectedNodes().size() == 1)
        id = m_parts.scene->selectedNodes().first();
    else if (m_parts.properties)
        id = m_parts.properties->form()->target();
    const GraphNode *n = m_parts.document->graph()->node(id);
    return n && n->kind == NodeKind::Endpoint ? n->name : QString();
}

void SampleIntegration::sample(const QString &endpoint)
{
    m_dock->show();
    m_dock->raise();
    const QString name = endpoint.isEmpty() ? selectedEndpoint() : endpoint;
    if (name.isEmpty())
        m_dock->sample();
    else
        m_dock->sampleEndpoint(name);
}

void SampleIntegration::publishDrift()
{
    if (!m_parts.problems || !m_parts.analysis)
        return;
    DiagnosticList all = m_parts.analysis->lastResult().diagnostics;
    all.append(m_dock->drift());
    m_parts.problems->setDiagnostics(all);
}

} // namespace uis
