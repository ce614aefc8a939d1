// SPDX-License-Identifier: Apache-2.0
#include "enginesinstaller.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace uis {

EnginesInstaller::EnginesInstaller(QObject *parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardInputFile(QProcess::nullDevice());
    // Its own process group (stop() signals pip and Maven too), ended with the designer.
    m_process.setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &EnginesInstaller::readLines);
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readLines();
        const bool ok = status == QProcess::NormalExit && code == 0;
        QString error = m_lastLine;
        if (m_stopped)
            error = tr("Stopped. Install again to resume where it stopped.");
        else if (error.isEmpty())
            error = tr("The install ended with exit code %1.").arg(code);
        Q_EMIT finished(ok, ok ? QString() : error);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            Q_EMIT finished(
                false, tr("Cannot run %1: %2").arg(m_process.program(), m_process.errorString()));
    });
}

EnginesInstaller::~EnginesInstaller()
{
    stop();
    m_process.waitForFinished(5000);
}

QString EnginesInstaller::uisctl()
{
    // As dcp-local is found (PlatformDcp): next to this program, in UIS_BIN_DIR, in PATH.
    for (const QString &dir :
         {QCoreApplication::applicationDirPath(), qEnvironmentVariable("UIS_BIN_DIR")}) {
        if (!dir.isEmpty() && QFileInfo(dir + QStringLiteral("/uisctl")).isExecutable())
            return dir + QStringLiteral("/uisctl");
    }
    return QStandardPaths::findExecutable(QStringLiteral("uisctl"));
}

void EnginesInstaller::start()
{
    if (isRunning())
        return;
    m_stopped = false;
    m_lastLine.clear();
    m_pending.clear();
    const QString program = uisctl();
    if (program.isEmpty()) {
        Q_EMIT finished(false, tr("uisctl was found neither next to this program nor in PATH."));
        return;
    }
    m_process.start(program, {QStringLiteral("engines"), QStringLiteral("install")});
}

void EnginesInstaller::stop()
{
    if (!isRunning())
        return;
    m_stopped = true;
    if (const qint64 pid = m_process.processId(); pid > 0)
        ::kill(-pid_t(pid), SIGTERM);
}

void EnginesInstaller::readLines()
{
    m_pending += m_process.readAllStandardOutput();
    // pip draws its bar with carriage returns: each redraw is a line of its own here.
    m_pending.replace('\r', '\n');
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QString text = QString::fromUtf8(m_pending.left(end)).trimmed();
        m_pending.remove(0, end + 1);
        if (text.isEmpty())
            continue;
        m_lastLine = text;
        Q_EMIT line(text);
    }
}

} // namespace uis
