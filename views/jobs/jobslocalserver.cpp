// SPDX-License-Identifier: Apache-2.0
#include "jobslocalserver.h"

#include "localserverinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <csignal>

namespace uis {

JobsLocalServer::JobsLocalServer(QObject *parent)
    : QObject(parent), m_dataDir(LocalServerInfo::defaultDataDir())
{
}

QString JobsLocalServer::findProgram()
{
    const QString fromEnv = qEnvironmentVariable("UIS_DCP_LOCAL");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList candidates{appDir + QStringLiteral("/dcp-local"),
                           appDir + QStringLiteral("/../bin/dcp-local")};
    if (const QString bin = qEnvironmentVariable("UIS_BIN_DIR"); !bin.isEmpty())
        candidates << bin + QStringLiteral("/dcp-local");
    for (const QString &c : std::as_const(candidates)) {
        const QFileInfo fi(c);
        if (fi.isFile() && fi.isExecutable())
            return fi.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("dcp-local"));
}

void JobsLocalServer::ensureRunning()
{
    if (m_waiting)
        return;
    if (const auto running = LocalServerInfo::readRunning(m_dataDir)) {
        m_url = running->url;
        QTimer::singleShot(0, this, [this] { Q_EMIT ready(m_url); });
        return;
    }
    const QString program = findProgram();
    if (program.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT failed(tr("dcp-local was not found next to the studio or in PATH; install it or "
                             "set UIS_DCP_LOCAL"));
        });
        return;
    }
    QDir().mkpath(m_dataDir);
    m_logPath = QDir(m_dataDir).filePath(QStringLiteral("dcp-local.out"));
    QProcess p;
    p.setProgram(program);
    p.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--data-dir"), m_dataDir});
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(m_logPath);
    p.setStandardErrorFile(m_logPath, QIODevice::Append);
    qint64 pid = 0;
    if (!p.startDetached(&pid)) {
        const QString e = p.errorString();
        QTimer::singleShot(0, this, [this, e, program] {
            Q_EMIT failed(tr("cannot start %1: %2").arg(program, e));
        });
        return;
    }
    m_pid = pid;
    m_polls = 0;
    Q_EMIT progress(tr("Starting dcp-local (%1)…").arg(m_dataDir));
    m_waiting = new QTimer(this);
    connect(m_waiting, &QTimer::timeout, this, &JobsLocalServer::poll);
    m_waiting->start(100);
}

void JobsLocalServer::poll()
{
    ++m_polls;
    const auto running = LocalServerInfo::readRunning(m_dataDir);
    if (running && running->pid == m_pid) {
        m_waiting->deleteLater();
        m_waiting = nullptr;
        m_url = running->url;
        Q_EMIT ready(m_url);
        return;
    }
    const bool died = ::kill(pid_t(m_pid), 0) != 0 && errno == ESRCH;
    if (died || m_polls > 600) { // a minute, on a loaded machine
        m_waiting->deleteLater();
        m_waiting = nullptr;
        QFile log(m_logPath);
        QString why;
        if (log.open(QIODevice::ReadOnly))
            why = QString::fromUtf8(log.readAll()).trimmed().right(400);
        Q_EMIT failed(tr("dcp-local did not start: %1").arg(why.isEmpty() ? tr("no output") : why));
    }
}

} // namespace uis
