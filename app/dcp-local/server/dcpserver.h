// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "serverconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QLockFile;

namespace uis::dcplocal {

class AlertManager;
class BoundedTcpServer;
class HttpApi;
class JobRunner;
class JobStore;
class MetricsCollector;
class MetricsHelper;
class MetricsStore;
class RunHistoryStore;
class TargetRegistry;

/**
 * One running dcp-local: the data directory (locked against a second server), the token, the
 * job store with its restart recovery, the runner, the HTTP API on its listening socket and the
 * state file clients find it by. main() only parses options into a ServerConfig and calls
 * start(); shutdown() ends running jobs, closes the store and emits stopped().
 */
class DcpServer : public QObject
{
    Q_OBJECT
public:
    explicit DcpServer(ServerConfig config, QObject *parent = nullptr);
    ~DcpServer() override;

    /**
     * Reads the targets file, sets up the data directory, takes its lock, reads or creates the
     * token, opens the store (local jobs that were running in a previous run become FAILED; jobs
     * running on a cluster are followed again), listens, writes the state file and queues the
     * PENDING jobs again. Returns an error or "" once the server is listening.
     */
    QString start();
    /// Stops listening and ends running jobs (SIGTERM, then SIGKILL after the grace period);
    /// queued jobs stay PENDING. Emits stopped() when everything is closed. `reason` is logged.
    void shutdown(const QString &reason = QString());

    bool isListening() const { return m_started && !m_stopping; }
    QUrl url() const { return m_url; }
    QByteArray token() const { return m_token; }
    QString dataDir() const { return m_dataDir; }
    JobStore *store() const { return m_store.get(); }
    JobRunner *runner() const { return m_runner.get(); }
    TargetRegistry *targets() const { return m_targets.get(); }
    MetricsStore *metrics() const { return m_metrics.get(); }
    MetricsCollector *collector() const { return m_collector.get(); }
    AlertManager *alerts() const { return m_alerts.get(); }

Q_SIGNALS:
    /// A line for the operator (the binary prints it on stdout).
    void message(const QString &line);
    void stopped();

private:
    void writeStateFile();
    void finishShutdown();

    ServerConfig m_config;
    QString m_dataDir;
    // Declared in the order of start-up, so that they are destroyed in reverse: the API before
    // the runner it calls, the runner (which kills its process groups) before the store, and
    // the lock last.
    std::unique_ptr<QLockFile> m_lock;
    QByteArray m_token;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<RunHistoryStore> m_runHistory; ///< outlives the runner that writes to it
    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<TargetRegistry> m_targets;
    std::unique_ptr<MetricsStore> m_metrics;
    std::unique_ptr<MetricsHelper> m_metricsHelper;
    std::unique_ptr<MetricsCollector> m_collector;
    std::unique_ptr<AlertManager> m_alerts;
    std::unique_ptr<HttpApi> m_api;
    QUrl m_url;
    bool m_started = false;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace uis::dcplocal
