// SPDX-License-Identifier: Apache-2.0
#include "platformservice.h"

#include "processinfo.h"
#include "serviceprobe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace uis {

PlatformService::PlatformService(ServiceRecord record, LaunchSpec spec, ServiceProbe *probe,
                                 QObject *parent)
    : QObject(parent), m_record(std::move(record)), m_spec(std::move(spec)), m_probe(probe),
      m_timer(new QTimer(this))
{
    m_probe->setParent(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &PlatformService::poll);
    connect(m_probe, &ServiceProbe::answered, this, [this](bool ok, const QString &detail) {
        if (m_done)
            return;
        if (ok) {
            m_done = m_ready = true;
            m_timer->stop();
            Q_EMIT ready();
            return;
        }
        m_lastDetail = detail;
    });
}

PlatformService::~PlatformService()
{
    // A preparation step still running when the owner gives up is ours to end (it is not detached).
    if (m_prepare && m_prepare->state() != QProcess::NotRunning) {
        m_prepare->disconnect(this);
        m_prepare->kill();
        m_prepare->waitForFinished(2000);
    }
}

void PlatformService::start()
{
    m_clock.start();
    QDir().mkpath(QFileInfo(m_spec.logFile).absolutePath());
    if (m_spec.prepareProgram.isEmpty())
        return launch();
    Q_EMIT progress(QStringLiteral("%1: preparing").arg(name()));
    m_prepare = new QProcess(this);
    m_prepare->setProcessEnvironment(m_spec.environment);
    m_prepare->setWorkingDirectory(m_spec.workingDirectory);
    m_prepare->setProcessChannelMode(QProcess::MergedChannels);
    m_prepare->setStandardOutputFile(m_spec.logFile, QIODevice::Append);
    connect(m_prepare, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (status != QProcess::NormalExit || code != 0)
            return fail(QStringLiteral("preparation (%1) failed with exit code %2%3")
                            .arg(QFileInfo(m_spec.prepareProgram).fileName())
                            .arg(code)
                            .arg(logTail()));
        launch();
    });
    connect(m_prepare, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(QStringLiteral("cannot run %1: %2")
                     .arg(m_spec.prepareProgram, m_prepare->errorString()));
    });
    m_prepare->start(m_spec.prepareProgram, m_spec.prepareArguments);
}

void PlatformService::launch()
{
    QProcess p;
    // setsid(1) makes the service a session and group leader (pgid == pid): stop() can end it
    // with its children by group, and a terminal's ^C or hang-up does not reach it.
    const QString setsid = QStandardPaths::findExecutable(QStringLiteral("setsid"));
    if (setsid.isEmpty()) {
        p.setProgram(m_spec.program);
        p.setArguments(m_spec.arguments);
    } else {
        p.setProgram(setsid);
        p.setArguments(QStringList{m_spec.program} + m_spec.arguments);
    }
    p.setProcessEnvironment(m_spec.environment);
    p.setWorkingDirectory(m_spec.workingDirectory);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(m_spec.logFile, QIODevice::Append);
    p.setStandardErrorFile(m_spec.logFile, QIODevice::Append);
    qint64 pid = 0;
    if (!p.startDetached(&pid) || pid <= 0)
        return fail(QStringLiteral("cannot start %1: %2").arg(m_spec.program, p.errorString()));
    m_record.pid = pid;
    m_record.pgid = setsid.isEmpty() ? ProcessInfo::processGroup(pid) : pid;
    m_record.startTime = ProcessInfo::startTime(pid);
    Q_EMIT progress(
        QStringLiteral("%1: started (pid %2), waiting for it to answer").arg(name()).arg(pid));
    Q_EMIT launched();
    m_timer->start();
}

void PlatformService::adopt()
{
    m_clock.start();
    Q_EMIT progress(QStringLiteral("%1: already running (pid %2)").arg(name()).arg(m_record.pid));
    m_timer->start();
    poll();
}

void PlatformService::poll()
{
    if (m_done)
        return;
    if (!ProcessInfo::exists(m_record.pid))
        return fail(QStringLiteral("exited before it was ready%1").arg(logTail()));
    if (m_clock.elapsed() > qint64(m_timeoutSec) * 1000)
        return fail(QStringLiteral("not ready after %1 s (%2); see %3")
                        .arg(m_timeoutSec)
                        .arg(m_lastDetail.isEmpty() ? QStringLiteral("no answer") : m_lastDetail,
                             m_spec.logFile));
    m_probe->check();
}

void PlatformService::fail(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer->stop();
    Q_EMIT failed(error);
}

QString PlatformService::logTail() const
{
    QFile f(m_spec.logFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    f.seek(qMax<qint64>(0, f.size() - 1500));
    const QString tail = QString::fromUtf8(f.readAll()).trimmed();
    return tail.isEmpty() ? QString()
                          : QStringLiteral("; end of %1:\n%2").arg(m_spec.logFile, tail);
}

} // namespace uis
