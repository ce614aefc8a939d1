// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "platformstate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

class QProcess;
class QTimer;

namespace uis {

class ServiceProbe;

/// How to launch one service: a detached program, optionally after a one-shot preparation step.
struct LaunchSpec
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString workingDirectory;
    QString logFile;        ///< stdout and stderr of the service (appended)
    QString prepareProgram; ///< "" for none; run to completion first, must exit 0
    QStringList prepareArguments;
};

/**
 * One supervised service of the local platform. start() launches it detached in its own session
 * and process group (`setsid`), so it outlives the program that started it, with its output in
 * a log file; then it asks the readiness probe once a second until it passes, the process dies or
 * the time limit passes. adopt() takes over a service that is already running and only waits for
 * it to answer. Never blocks: the preparation step is an asynchronous QProcess.
 */
class PlatformService : public QObject
{
    Q_OBJECT
public:
    /// `record` holds the name, ports, URLs and marker; the probe becomes a child of this object.
    PlatformService(ServiceRecord record, LaunchSpec spec, ServiceProbe *probe,
                    QObject *parent = nullptr);
    ~PlatformService() override;

    QString name() const { return m_record.name; }
    const ServiceRecord &record() const { return m_record; }
    bool isReady() const { return m_ready; }

    void setTimeout(int seconds) { m_timeoutSec = seconds; }
    /// Launches the service and waits for it.
    void start();
    /// The service runs already (recorded pid verified): only wait until it answers.
    void adopt();

Q_SIGNALS:
    /// The process was launched (its pid is in record()); the owner saves the state now.
    void launched();
    void ready();
    void failed(const QString &error);
    void progress(const QString &message);

private:
    void launch();
    void poll();
    void fail(const QString &error);
    QString logTail() const;

    ServiceRecord m_record;
    LaunchSpec m_spec;
    ServiceProbe *m_probe = nullptr;
    QProcess *m_prepare = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    QString m_lastDetail;
    int m_timeoutSec = 240;
    bool m_ready = false;
    bool m_done = false;
};

} // namespace uis
