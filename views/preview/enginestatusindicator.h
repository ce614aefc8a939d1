// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QToolButton>

class QAction;

namespace uis {

class EngineSessionsMonitor;

/**
 * The status bar's `Engines: starting… / warm / stopped`: the shared warm engines that Data
 * Preview and `uisctl preview` run on (EngineSessionsMonitor). The tooltip names each server and
 * the idle time left; a click offers Start Engines and Stop Engines.
 */
class EngineStatusIndicator : public QToolButton
{
    Q_OBJECT
public:
    explicit EngineStatusIndicator(EngineSessionsMonitor *monitor, QWidget *parent = nullptr);

    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }

private:
    void refreshText();

    EngineSessionsMonitor *m_monitor;
    QAction *m_start;
    QAction *m_stop;
};

} // namespace uis
