// SPDX-License-Identifier: Apache-2.0
#include "dcpserver.h"

#include "alerts/alertmanager.h"
#include "boundedtcpserver.h"
#include "enginelaunch.h"
#include "history/runhistorystore.h"
#include "httpapi.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "metrics/metricscollector.h"
#include "metrics/metricshelper.h"
#include "metrics/metricsstore.h"
#include "microbatchschedule.h"
#include "targets/executiontarget.h"
#include "targets/targetregistry.h"
#include "tokenfile.h"

#include "localserverinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QTcpServer>

namespace uis::dcplocal {

DcpServer::DcpServer(ServerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
}

DcpServer::~DcpServer()
{
    // Without a clean shutdown() the runner's destructor still kills the process groups; the
    // state file must not outlive the server either, or clients would find a dead URL.
    if (m_started && !m_stopped)
        QFile::remove(LocalServerInfo::statePath(m_dataDir));
}

QString DcpServer::start()
{
    if (m_started)
        return QStringLiteral("the server is already started");
    // A bad targets file stops the start before anything is touched.
    QList<TargetSpec> targetSpecs;
    if (!m_config.targetsFile.isEmpty()) {
        if (const QString e = TargetRegistry::readFile(m_config.targetsFile, &targetSpecs); !e.isEmpty())
            return e;
    }
    m_dataDir =
        QDir(m_config.dataDir.isEmpty() ? LocalServerInfo::defaultDataDir() : m_config.dataDir)
            .absolutePath();
    if (!QDir().mkpath(m_dataDir))
        return QStringLiteral("cannot create the data directory %1").arg(m_dataDir);
    QFile::setPermissions(m_dataDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // Two servers on one data directory would run the same PENDING jobs twice.
    auto lock =
        std::make_unique<QLockFile>(QDir(m_dataDir).filePath(QStringLiteral("dcp-local.lock")));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, appName;
        lock->getLockInfo(&pid, &host, &appName);
        return QStringLiteral(
                   "another dcp-local (pid %1) is using %2; stop it or choose another --data-dir")
            .arg(pid)
            .arg(m_dataDir);
    }

    QString error;
    bool created = false;
    const QByteArray token =
        TokenFile::readOrCreate(LocalServerInfo::tokenPath(m_dataDir), &error, &created);
    if (token.isEmpty())
        return error;
    if (created)
        Q_EMIT message(
            QStringLiteral("created a new token in %1").arg(LocalServerInfo::tokenPath(m_dataDir)));

    auto store = std::make_unique<JobStore>();
    if (const QString e = store->open(m_dataDir); !e.isEmpty())
        return e;
    RunnerConfig rc = m_config.runner;
    for (QString *path : {&rc.sparkSubmit, &rc.flink}) {
        if (!path->isEmpty())
            *path = QFileInfo(*path).absoluteFilePath();
    }
    auto runHistory = std::make_unique<RunHistoryStore>();
    if (const QString e = runHistory->open(m_dataDir); !e.isEmpty())
        return e;
    auto runner = std::make_unique<JobRunner>(store.get(), rc);
    runner->schedules()->setHistory(runHistory.get());
    auto targets = std::make_unique<TargetRegistry>(store.get(), runner.get(), m_config.pollIntervalMs);
    targets->setTargets(targetSpecs);
    // Before anything can run: local jobs that were running when the last server died are
    // FAILED; jobs a cluster runs are asked about again.
    QStringList reattach;
    const QStringList pending =
        store->recover(&reattach, [&targets](const JobRecord &r) { return targets->canReattach(r); });
    auto metrics = std::make_unique<MetricsStore>();
    if (const QString e = metrics->open(m_dataDir, m_config.metricsRetentionMs); !e.isEmpty())
        return e;
    auto helper =
        std::make_unique<MetricsHelper>(EngineLaunch::venvPython(rc), runner->runnersDir());
    auto collector =
        std::make_unique<MetricsCollector>(store.get(), runner.get(), targets.get(), metrics.get(),
                                           helper.get(), m_config.metricsIntervalMs);
    std::unique_ptr<AlertManager> alerts;
    if (!m_config.alertsFile.isEmpty()) {
        AlertConfig alertConfig;
        if (const QString e = AlertConfig::readFile(m_config.alertsFile, &alertConfig);
            !e.isEmpty())
            return e;
        alerts =
            std::make_unique<AlertManager>(alertConfig, store.get(), runner.get(), collector.get());
        if (const QString e = alerts->open(m_dataDir); !e.isEmpty())
            return e;
    }
    auto api = std::make_unique<HttpApi>(store.get(), targets.get(), token, m_config.maxBodyBytes);
    api->setRunnersDir(runner->runnersDir());
    api->setMetrics(metrics.get());
    api->setAlerts(alerts.get());
    api->setSchedules(runner->schedules());

    // QHttpServer takes the socket over on bind(); a socket that could not listen is ours.
    auto tcp = std::make_unique<BoundedTcpServer>(m_config.maxBodyBytes);
    if (!tcp->listen(m_config.address, m_config.port))
        return QStringLiteral("cannot listen on %1:%2 (is another server using the port?)")
            .arg(m_config.address.toString())
            .arg(m_config.port);
    const quint16 bound = tcp->serverPort();
    api->server()->bind(tcp.release());

    m_lock = std::move(lock);
    m_token = token;
    m_store = std::move(store);
    m_runHistory = std::move(runHistory);
    m_runner = std::move(runner);
    m_targets = std::move(targets);
    m_metrics = std::move(metrics);
    m_metricsHelper = std::move(helper);
    m_collector = std::move(collector);
    m_alerts = std::move(alerts);
    m_api = std::move(api);
    connect(m_runner.get(), &JobRunner::shutdownComplete, this, &DcpServer::finishShutdown);
    m_started = true;

    if (!m_config.address.isLoopback())
        Q_EMIT message(QStringLiteral("warning: listening on %1, which is not a loopback address: "
                                      "anyone who can reach it and has the token can run programs "
                                      "as this user")
                           .arg(m_config.address.toString()));
    const QString host = m_config.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + m_config.address.toString() + QLatin1Char(']')
                             : m_config.address.toString();
    m_url = QUrl(QStringLiteral("http://%1:%2").arg(host).arg(bound));
    writeStateFile();
    m_targets->start();
    m_collector->start();
    for (const QString &id : reattach)
        m_targets->reattach(id);
    for (const QString &id : pending)
        m_targets->requeue(id);

    Q_EMIT message(QStringLiteral("listening on %1").arg(m_url.toString()));
    Q_EMIT message(QStringLiteral("data directory %1 (%2 jobs); token in %3")
                       .arg(m_dataDir)
                       .arg(m_store->size())
                       .arg(LocalServerInfo::tokenPath(m_dataDir)));
    Q_EMIT message(QStringLiteral("runners in %1").arg(m_runner->runnersDir()));
    for (const auto &t : m_targets->targets()) {
        QString where;
        if (t->spec().kind == TargetSpec::Kind::FlinkSession)
            where = QStringLiteral(" at ") + t->spec().restUrl.toString();
        else if (t->spec().kind == TargetSpec::Kind::SparkStandalone)
            where = QStringLiteral(" at %1 (UI %2)").arg(t->spec().master.toString(), t->spec().masterUi.toString());
        Q_EMIT message(QStringLiteral("target %1: %2%3").arg(t->name(), t->spec().kindName(), where));
    }
    if (!reattach.isEmpty())
        Q_EMIT message(QStringLiteral("following %1 job(s) that still run on a cluster").arg(reattach.size()));
    return QString();
}

void DcpServer::writeStateFile()
{
    // Written atomically: a client never reads half a URL.
    QSaveFile state(LocalServerInfo::statePath(m_dataDir));
    if (!state.open(QIODevice::WriteOnly))
        return;
    state.write(
        QJsonDocument(QJsonObject{{QStringLiteral("url"), m_url.toString()},
                                  {QStringLiteral("pid"), QCoreApplication::applicationPid()}})
            .toJson(QJsonDocument::Compact));
    state.commit();
}

void DcpServer::shutdown(const QString &reason)
{
    if (!m_started || m_stopping)
        return;
    m_stopping = true;
    Q_EMIT message(QStringLiteral("%1shutting down (%2 running, %3 queued)")
                       .arg(reason.isEmpty() ? QString() : reason + QStringLiteral(": "))
                       .arg(m_runner->runningCount())
                       .arg(m_runner->queuedCount()));
    // No new requests while the jobs end.
    for (QTcpServer *s : m_api->server()->servers())
        s->close();
    m_targets->stop();
    m_collector->stop();
    m_runner->shutdown();
}

void DcpServer::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_store->close();
    m_runHistory->close();
    QFile::remove(LocalServerInfo::statePath(m_dataDir));
    m_lock->unlock();
    Q_EMIT message(QStringLiteral("stopped"));
    Q_EMIT stopped();
}

} // namespace uis::dcplocal
