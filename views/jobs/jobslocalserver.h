// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QUrl>

class QTimer;

namespace uis {

/**
 * The embedded default of the `local` environment: reuses the dcp-local that runs on the data
 * directory, or starts one (detached, so that jobs keep running when the studio closes) on a
 * free loopback port, then reports its URL. The token is the server's own file.
 */
class JobsLocalServer : public QObject
{
    Q_OBJECT
public:
    explicit JobsLocalServer(QObject *parent = nullptr);

    void setDataDir(const QString &dir) { m_dataDir = dir; }
    QString dataDir() const { return m_dataDir; }
    /// The dcp-local executable: UIS_DCP_LOCAL, next to this program, UIS_BIN_DIR, then PATH.
    static QString findProgram();

    /// Emits ready(url) (or failed) once a server answers; starts one when none runs.
    void ensureRunning();
    bool isStarting() const { return m_waiting != nullptr; }
    QUrl url() const { return m_url; }
    qint64 startedPid() const { return m_pid; }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);
    /// "Starting dcp-local…", for the status bar.
    void progress(const QString &message);

private:
    void poll();

    QString m_dataDir;
    QUrl m_url;
    qint64 m_pid = 0;
    QTimer *m_waiting = nullptr;
    int m_polls = 0;
    QString m_logPath;
};

} // namespace uis
