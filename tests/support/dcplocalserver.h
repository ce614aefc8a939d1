// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>

namespace uis::test {

/// Waits (spinning the event loop) until `condition` holds or `timeoutMs` passed.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60000);

/**
 * A real dcp-local for tests: the built binary on a free loopback port with a temporary data
 * directory that outlives restarts. Scripts written with `script()` stand in for spark-submit
 * and the Flink runner, so that process handling is tested without the engines.
 */
class DcpLocalServer
{
public:
    DcpLocalServer();
    ~DcpLocalServer();

    /// Starts the server with extra arguments; waits for its "listening on" line.
    bool start(const QStringList &extraArgs = {}, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    /// SIGTERM and wait; returns the exit code (-1 if it did not stop in time).
    int stop();
    /// SIGKILL, as if the server crashed.
    void crash();
    void pause();  ///< SIGSTOP
    void resume(); ///< SIGCONT

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    QString dataDir() const { return m_data.path(); }
    qint64 pid() const { return m_pid; }
    QString output() const { return QString::fromUtf8(m_output); }

    /// Writes an executable shell script into a scratch folder and returns its path.
    QString script(const QString &name, const QByteArray &body);
    static QString binary();

private:
    QTemporaryDir m_data;
    QTemporaryDir m_scripts;
    QProcess m_process;
    QByteArray m_output;
    QUrl m_url;
    QString m_token;
    qint64 m_pid = 0;
};

} // namespace uis::test
