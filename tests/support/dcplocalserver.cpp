// SPDX-License-Identifier: Apache-2.0
#include "dcplocalserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace uis::test {

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

DcpLocalServer::DcpLocalServer()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

DcpLocalServer::~DcpLocalServer()
{
    if (isRunning()) {
        stop();
        if (isRunning()) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QString DcpLocalServer::binary()
{
    return QStringLiteral(UIS_BINARY_DIR "/bin/dcp-local");
}

bool DcpLocalServer::start(const QStringList &extraArgs, const QProcessEnvironment &env)
{
    m_output.clear();
    m_url.clear();
    m_process.setProcessEnvironment(env);
    // If the test crashes, its server goes with it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(binary(), QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                          QStringLiteral("--data-dir"), m_data.path()} + extraArgs);
    if (!m_process.waitForStarted(30000))
        return false;
    m_pid = m_process.processId();
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        m_output += m_process.readAll();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(m_output));
        if (m.hasMatch()) {
            m_url = QUrl(m.captured(1));
            break;
        }
    }
    // Keep draining the output, so that a chatty server never blocks on a full pipe.
    QObject::disconnect(&m_process, &QProcess::readyRead, nullptr, nullptr);
    QObject::connect(&m_process, &QProcess::readyRead, &m_process, [this] { m_output += m_process.readAll(); });
    QFile f(m_data.path() + QStringLiteral("/token"));
    if (f.open(QIODevice::ReadOnly))
        m_token = QString::fromUtf8(f.readAll()).trimmed();
    if (m_url.isEmpty())
        qWarning("dcp-local did not start: %s", m_output.constData());
    return !m_url.isEmpty() && !m_token.isEmpty();
}

int DcpLocalServer::stop()
{
    if (!isRunning())
        return m_process.exitCode();
    ::kill(pid_t(m_pid), SIGCONT); // in case a test paused it
    ::kill(pid_t(m_pid), SIGTERM);
    if (!waitFor([this] { return m_process.state() == QProcess::NotRunning; }, 60000))
        return -1;
    m_output += m_process.readAll();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void DcpLocalServer::crash()
{
    ::kill(pid_t(m_pid), SIGKILL);
    waitFor([this] { return m_process.state() == QProcess::NotRunning; }, 30000);
}

void DcpLocalServer::pause()
{
    ::kill(pid_t(m_pid), SIGSTOP);
}

void DcpLocalServer::resume()
{
    ::kill(pid_t(m_pid), SIGCONT);
}

QString DcpLocalServer::script(const QString &name, const QByteArray &body)
{
    const QString path = m_scripts.path() + QLatin1Char('/') + name;
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

} // namespace uis::test
