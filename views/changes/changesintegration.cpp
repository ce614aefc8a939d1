// SPDX-License-Identifier: Apache-2.0
#include "changesintegration.h"

#include "changesdock.h"
#include "graphscene.h"
#include "studiosettings.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace uis {

ChangesIntegration::ChangesIntegration(QMainWindow *window, PipelineDocument *document)
    : QObject(window), m_dock(new ChangesDock(document, window)), m_label(new QLabel)
{
    setObjectName(QStringLiteral("ChangesIntegration"));
}

ChangesIntegration *ChangesIntegration::install(QMainWindow *window, QMenu *menu,
                                                PipelineDocument *document, GraphScene *scene,
                                                const AddDock &addDock,
                                                const OnVcsState &onVcsState)
{
    auto *self = new ChangesIntegration(window, document);
    ChangesDock *dock = self->m_dock;
    dock->setDark(StudioSettings::resolveDark(StudioSettings::theme()));
    if (addDock)
        addDock(dock, Qt::BottomDockWidgetArea);
    else
        window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    // Next to Problems when there is one, so it does not squeeze the canvas.
    if (auto *problems = window->findChild<QDockWidget *>(QStringLiteral("ProblemsDock")))
        window->tabifyDockWidget(problems, dock);
    dock->hide();

    self->m_show = new QAction(tr("&Changes"), self);
    self->m_show->setObjectName(QStringLiteral("showChanges"));
    self->m_show->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D));
    self->m_show->setToolTip(tr("Compare the spec with HEAD or another revision"));
    connect(self->m_show, &QAction::triggered, dock, [window, dock] {
        dock->show();
        dock->raise();
        // Side by side needs room: give the bottom area about half the window.
        if (!dock->isFloating())
            window->resizeDocks({dock}, {window->height() / 2}, Qt::Vertical);
        dock->refresh();
    });
    if (menu)
        menu->addAction(self->m_show);

    QLabel *label = self->m_label;
    label->setObjectName(QStringLiteral("vcsLabel"));
    label->setContentsMargins(8, 0, 8, 0);
    label->hide();
    window->statusBar()->insertPermanentWidget(0, label);
    connect(dock, &ChangesDock::vcsStateChanged, self, [label, onVcsState](const VcsState &s) {
        label->setText(s.summary());
        label->setToolTip(s.inRepo ? tr("Git branch, and whether the text differs from HEAD")
                                   : QString());
        label->setVisible(s.inRepo);
        if (onVcsState)
            onVcsState(s);
    });
    connect(dock, &ChangesDock::message, window,
            [window](const QString &t) { window->statusBar()->showMessage(t, 6000); });
    if (scene)
        connect(dock, &ChangesDock::changeMarksChanged, scene, &GraphScene::setChangeMarks);
    dock->refresh();
    return self;
}

} // namespace uis
