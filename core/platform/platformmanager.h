// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "platformdcp.h"
#include "platformlayout.h"
#include "platformrecipe.h"
#include "platformstate.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QPointer>

class QTimer;

namespace uis {

class PlatformService;

/// One service as status() reports it.
struct ServiceStatus
{
    QString name;
    QString state; ///< "running", "stopped" (never started or stopped), "dead" (recorded, gone)
    QString url;
    QString ui;
    qint64 pid = 0;
};

/**
 * Starts, reuses, stops and reports the local platform (Flink session cluster, Spark standalone
 * master and worker, Kafka KRaft broker, Versity S3 Gateway) under one directory.
 *
 * start() and stop() return at once and report by signals; the services are detached and keep
 * running after the program that started them exits. A second start() reuses every service whose
 * recorded pid is alive and provably ours (start time and command line), and starts the others
 * on their recorded ports. stop() signals only the process groups it started and waits for them.
 * No nested event loop, no blocking wait: the designer can drive it from the GUI thread.
 */
class PlatformManager : public QObject
{
    Q_OBJECT
public:
    explicit PlatformManager(PlatformLayout layout, QObject *parent = nullptr);
    ~PlatformManager() override;

    const PlatformLayout &layout() const { return m_layout; }
    /// "service.role" → port, e.g. "flink-jobmanager.rest" → 8081, for the next start().
    void setRequestedPorts(const QMap<QString, quint16> &ports) { m_requested = ports; }
    /// Seconds each service may take to answer (default 240).
    void setTimeout(int seconds) { m_timeoutSec = seconds; }
    /// Seconds stop() waits after SIGTERM before SIGKILL (default 20).
    void setStopGrace(int seconds) { m_graceSec = seconds; }

    void start();
    void stop();
    bool isBusy() const { return m_busy; }

    /// The state as saved in DIR/platform.json (after start(): ports, keys, URLs).
    PlatformState state() const { return m_state; }
    /// What runs now, read from platform.json and /proc; `error` set when the file is unreadable.
    QList<ServiceStatus> status(QString *error = nullptr) const;
    /// The platform's dcp-local (`--targets DIR/targets.yaml`): its record in platform.json.
    const PlatformDcp &dcp() const { return m_dcp; }
    /// dcp-local as status() reports the engines: "running" with its URL, or "stopped"/"dead".
    ServiceStatus dcpStatus() const;
    /// The names of the ports start() found taken by someone else (empty when none).
    QList<PortConflict> conflicts() const { return m_conflicts; }

Q_SIGNALS:
    void serviceStarting(const QString &name);
    void serviceReady(const QString &name, const QString &url);
    void serviceFailed(const QString &name, const QString &error);
    void progress(const QString &message);
    /// start() ended: `ok` when every service answers; otherwise `error` says what failed.
    void started(bool ok, const QString &error);
    void stopped(bool ok, const QString &error);

private:
    void finishStart(bool ok, const QString &error);
    /// After the engines: dcp-local with their targets (replacing one without them).
    void startDcp();
    void launchDcp();
    void pollStopping();
    void saveState();

    PlatformLayout m_layout;
    PlatformRecipe m_recipe;
    PlatformDcp m_dcp;
    PlatformService *m_dcpService = nullptr;
    QTimer *m_replaceTimer = nullptr; ///< waits for a dcp-local without the targets to end
    QElapsedTimer m_replaceClock;
    qint64 m_replacing = 0;
    PlatformState m_state;
    QMap<QString, quint16> m_requested;
    QList<PortConflict> m_conflicts;
    QList<PlatformService *> m_services;
    QStringList m_failures;
    int m_timeoutSec = 240;
    int m_graceSec = 20;
    bool m_busy = false;

    // stop()
    QTimer *m_stopTimer = nullptr;
    QElapsedTimer m_stopClock;
    QMap<QString, qint64> m_stopping; ///< service → process group still being waited for
    bool m_killed = false;
};

} // namespace uis
