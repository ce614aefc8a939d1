// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "vcsstate.h"

#include <QObject>
#include <Qt>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;

namespace uis {

class ChangesDock;
class GraphScene;
class PipelineDocument;

/**
 * What "specs live in Git" adds to the studio, installed with one call: the Changes dock
 * (View → Changes, Ctrl+Alt+D) and the branch / "modified vs HEAD" label in the status bar,
 * which also feeds the window title through `onVcsState`.
 */
class ChangesIntegration : public QObject
{
    Q_OBJECT
public:
    using AddDock = std::function<void(QDockWidget *, Qt::DockWidgetArea)>;
    using OnVcsState = std::function<void(const VcsState &)>;

    /// `scene` (may be null) shows the added and changed nodes while the view is open.
    static ChangesIntegration *install(QMainWindow *window, QMenu *menu, PipelineDocument *document,
                                       GraphScene *scene, const AddDock &addDock = {},
                                       const OnVcsState &onVcsState = {});

    ChangesDock *dock() const { return m_dock; }
    QAction *showAction() const { return m_show; }
    QLabel *statusLabel() const { return m_label; }

private:
    ChangesIntegration(QMainWindow *window, PipelineDocument *document);

    ChangesDock *m_dock;
    QAction *m_show;
    QLabel *m_label;
};

} // namespace uis
