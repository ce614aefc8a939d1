// SPDX-License-Identifier: Apache-2.0
#include "enginesessionsmonitor.h"

#include "datapreviewrunner.h"
#include "enginepaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileSystemWatcher>
#include <QProcess>
#include <QTimer>

namespace uis {

namespace {

constexpr int kPollMs = 30 * 1000;

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return QString::fromUtf8(lines.isEmpty() ? QByteArray() : lines.last().trimmed());
}

} // namespace

EngineSessionsMonitor::EngineSessionsMonitor(QObject *parent)
    : QObject(parent), m_poll(new QTimer(this)), m_debounce(new QTimer(this))
{
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &EngineSessionsMonitor::refresh);
    // A start writes the state file several times: one query for the burst.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &EngineSessionsMonitor::refresh);
}

EngineSessionsMonitor::~EngineSessionsMonitor()
{
    // A start or stop goes on without us (deleting its QProcess would kill it mid-way and leave
    // servers the state file does not know).
    if (m_action) {
        m_action->disconnect(this);
        m_action->setParent(nullptr);
    }
}

EngineSessionsMonitor *EngineSessionsMonitor::shared()
{
    static QPointer<EngineSessionsMonitor> monitor;
    if (!monitor)
        monitor = new EngineSessionsMonitor(QCoreApplication::instance());
    return monitor;
}

void EngineSessionsMonitor::track(DataPreviewRunner *runner)
{
    m_runners.removeIf([](const QPointer<DataPreviewRunner> &r) { return r.isNull(); });
    m_runners.append(runner);
    connect(runner, &DataPreviewRunner::sessionChanged, this, [this, runner] {
        Q_EMIT changed();
        if (!runner->startingSession() && m_watching)
            refresh(); // a server came up, or its start failed
    });
    for (auto ended : {&DataPreviewRunner::finished, &DataPreviewRunner::cancelled}) {
        connect(runner, ended, this, [this] {
            if (m_watching)
                refresh();
        });
    }
    connect(runner, &DataPreviewRunner::failed, this, [this] {
        if (m_watching)
            refresh();
    });
}

void EngineSessionsMonitor::watch()
{
    if (m_watching)
        return;
    m_watching = true;
    m_poll->start();
    refresh();
}

EngineSessionsMonitor::State EngineSessionsMonitor::state() const
{
    if (m_action)
        return m_actionName == QLatin1String("stop") ? State::Stopping : State::Starting;
    for (const QPointer<DataPreviewRunner> &r : m_runners) {
        if (r && r->startingSession())
            return State::Starting;
    }
    if (!m_status.valid)
        return State::Unknown;
    return m_status.anyWarm() ? State::Warm : State::Stopped;
}

QProcess *EngineSessionsMonitor::command(const QString &action)
{
    const QString runners = DataPreviewRunner::runnersDir();
    const QString home = EnginePaths::enginesHome(runners);
    const QString python = EnginePaths::venvPython(home);
    if (!EnginePaths::isExecutable(python)) {
        m_error =
            tr("The engines are not installed: run %1").arg(EnginePaths::installHint(runners));
        return nullptr;
    }
    auto *p = new QProcess(this);
    QProcessEnvironment env =
        EngineSessions::sessionsEnvironment(runners, QProcessEnvironment::systemEnvironment());
    EnginePaths::addRunnerEnvironment(env, home);
    p->setProcessEnvironment(env);
    p->setStandardInputFile(QProcess::nullDevice());
    p->setProgram(python);
    p->setArguments(EngineSessions::commandArguments(action));
    return p;
}

void EngineSessionsMonitor::refresh()
{
    if (m_query) {
        m_queryAgain = true;
        return;
    }
    m_query = command(QStringLiteral("status"));
    if (!m_query) {
        Q_EMIT changed();
        return;
    }
    QProcess *p = m_query;
    connect(p, &QProcess::finished, this, [this, p] { onStatus(p); });
    connect(p, &QProcess::errorOccurred, this, [this, p](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            onStatus(p);
    });
    p->start();
}

void EngineSessionsMonitor::onStatus(QProcess *p)
{
    if (p != m_query)
        return;
    m_query = nullptr;
    p->deleteLater();
    const SessionsStatus s = EngineSessions::parseStatus(p->readAllStandardOutput());
    if (s.valid) {
        m_status = s;
        if (!m_action)
            m_error.clear();
        watchFolder(s.folder);
    } else {
        const QString why = lastLine(p->readAllStandardError());
        m_error =
            tr("Cannot read the engines' status: %1").arg(why.isEmpty() ? p->errorString() : why);
    }
    Q_EMIT changed();
    if (m_queryAgain) {
        m_queryAgain = false;
        refresh();
    }
}

void EngineSessionsMonitor::watchFolder(const QString &folder)
{
    if (folder.isEmpty() || m_watcher)
        return;
    // The folder exists once a pair was started; made here so it can be watched before.
    QDir().mkpath(folder);
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPath(folder);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_debounce,
            qOverload<>(&QTimer::start));
}

void EngineSessionsMonitor::startEngines()
{
    runAction(QStringLiteral("start"));
}

void EngineSessionsMonitor::stopEngines()
{
    runAction(QStringLiteral("stop"));
}

void EngineSessionsMonitor::runAction(const QString &name)
{
    if (m_action)
        return;
    m_action = command(name);
    m_actionName = name;
    if (!m_action) {
        Q_EMIT changed();
        return;
    }
    QProcess *p = m_action;
    connect(p, &QProcess::finished, this, [this, p] { onActionEnded(p); });
    connect(p, &QProcess::errorOccurred, this, [this, p](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            onActionEnded(p);
    });
    p->start();
    Q_EMIT changed();
}

void EngineSessionsMonitor::onActionEnded(QProcess *p)
{
    if (p != m_action)
        return;
    m_action = nullptr;
    p->deleteLater();
    const bool ok = p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0 &&
                    p->error() != QProcess::FailedToStart;
    if (ok) {
        m_error.clear();
    } else {
        const QString why = lastLine(p->readAllStandardError());
        m_error = tr("Could not %1 the engines: %2")
                      .arg(m_actionName, why.isEmpty() ? p->errorString() : why);
    }
    refresh();
    Q_EMIT changed();
}

} // namespace uis
