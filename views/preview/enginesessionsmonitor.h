// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "enginesessions.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QFileSystemWatcher;
class QProcess;
class QTimer;

namespace uis {

class DataPreviewRunner;

/**
 * The shared warm engines (runners/uis_runners/sessions) as the designer shows them. Their
 * status comes from `python -m uis_runners.sessions status` run in a QProcess, never on the GUI
 * thread: when the state folder changes (a start, a stop, the idle keeper), every 30 s (a server
 * that died) and after each preview. "Starting" comes from the tracked previews' runners, which
 * say when they start a server. One per process (shared()): every window shows the same pair,
 * which uisctl shares too.
 */
class EngineSessionsMonitor : public QObject
{
    Q_OBJECT
public:
    enum class State { Unknown, Stopped, Starting, Warm, Stopping };
    Q_ENUM(State)

    explicit EngineSessionsMonitor(QObject *parent = nullptr);
    ~EngineSessionsMonitor() override;

    /// The process's monitor (owned by the application).
    static EngineSessionsMonitor *shared();

    /// Follows `runner`: its session events and the end of its runs.
    void track(DataPreviewRunner *runner);
    /// Starts watching the state folder and polling (an indicator shows the state).
    void watch();

    State state() const;
    /// The last status report (valid once one was read).
    const SessionsStatus &status() const { return m_status; }
    /// Why the status or the last start/stop could not be had, "" when it could.
    QString errorString() const { return m_error; }

    /// Asks for the status now (a request while one runs asks once more after it).
    void refresh();
    /// `sessions start` / `sessions stop` in the background; state() says Starting/Stopping.
    void startEngines();
    void stopEngines();
    bool isBusy() const { return m_action != nullptr; }

Q_SIGNALS:
    void changed();

private:
    QProcess *command(const QString &action);
    void runAction(const QString &name);
    void onStatus(QProcess *process);
    void onActionEnded(QProcess *process);
    void watchFolder(const QString &folder);

    QList<QPointer<DataPreviewRunner>> m_runners;
    QProcess *m_query = nullptr;
    bool m_queryAgain = false;
    QProcess *m_action = nullptr;
    QString m_actionName;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_poll;
    QTimer *m_debounce;
    SessionsStatus m_status;
    QString m_error;
    bool m_watching = false;
};

} // namespace uis
