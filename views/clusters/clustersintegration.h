// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <Qt>

#include <functional>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace uis {

class ClustersDock;
class JobsIntegration;
class PlatformPanel;

/**
 * What "where jobs run" adds to the studio, installed with one call: the Clusters dock (tabbed
 * with the Jobs dock) with the local platform's Start / Stop. When the platform starts or stops,
 * the `local` environment follows the dcp-local that runs then, and the platform's engines'
 * web UIs are offered for its targets.
 */
class ClustersIntegration : public QObject
{
    Q_OBJECT
public:
    using AddDock = std::function<void(QDockWidget *, Qt::DockWidgetArea)>;

    /// `platformDir` "" is the default platform directory (or UIS_PLATFORM_DIR).
    static ClustersIntegration *install(QMainWindow *window, QMenu *menu, JobsIntegration *jobs,
                                        const AddDock &addDock = {},
                                        const QString &platformDir = {});

    ClustersDock *dock() const { return m_dock; }
    PlatformPanel *platformPanel() const { return m_panel; }

private:
    ClustersIntegration(QMainWindow *window, JobsIntegration *jobs, const QString &platformDir);
    void updateUiHints();
    void platformChanged();

    QMainWindow *m_window;
    JobsIntegration *m_jobs;
    PlatformPanel *m_panel;
    ClustersDock *m_dock;
};

} // namespace uis
