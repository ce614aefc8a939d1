// SPDX-License-Identifier: Apache-2.0
#include "platformmanager.h"

#include "platformservice.h"
#include "processinfo.h"
#include "sampleseeder.h"
#include "serviceprobe.h"

#include <QDir>
#include <QFile>
#include <QTimer>

#include <csignal>

namespace uis {

PlatformManager::PlatformManager(PlatformLayout layout, QObject *parent)
    : QObject(parent), m_layout(std::move(layout)), m_recipe(m_layout), m_dcp(m_layout),
      m_replaceTimer(new QTimer(this)), m_stopTimer(new QTimer(this))
{
    m_replaceTimer->setInterval(200);
    connect(m_replaceTimer, &QTimer::timeout, this, [this] {
        if (!ProcessInfo::exists(m_replacing)) {
            m_replaceTimer->stop();
            Q_EMIT progress(QStringLiteral("%1: the previous server (pid %2) ended")
                                .arg(PlatformDcp::serviceName())
                                .arg(m_replacing));
            launchDcp();
        } else if (m_replaceClock.elapsed() > qint64(m_graceSec) * 1000) {
            m_replaceTimer->stop();
            Q_EMIT serviceFailed(PlatformDcp::serviceName(),
                                 QStringLiteral("the dcp-local already running on %1 (pid %2) did "
                                                "not end; stop it and start again")
                                     .arg(m_dcp.dataDir())
                                     .arg(m_replacing));
            finishStart(false, QStringLiteral("dcp-local did not start"));
        }
    });
    m_stopTimer->setInterval(200);
    connect(m_stopTimer, &QTimer::timeout, this, &PlatformManager::pollStopping);
}

PlatformManager::~PlatformManager()
{
    // The services are detached and outlive us; only the supervision objects go.
    qDeleteAll(m_services);
    delete m_dcpService;
}

void PlatformManager::saveState()
{
    if (const QString e = m_state.write(m_layout.statePath()); !e.isEmpty())
        Q_EMIT progress(e);
}

void PlatformManager::start()
{
    if (m_busy)
        return;
    m_busy = true;
    m_failures.clear();
    m_conflicts.clear();
    qDeleteAll(m_services);
    m_services.clear();
    delete m_dcpService;
    m_dcpService = nullptr;

    if (const QStringList missing = m_layout.missing(); !missing.isEmpty())
        return finishStart(false, missing.join(QLatin1Char('\n')));
    if (!QDir().mkpath(m_layout.dir()))
        return finishStart(false, QStringLiteral("cannot create %1").arg(m_layout.dir()));
    QFile::setPermissions(m_layout.dir(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QString error;
    const auto read = PlatformState::read(m_layout.statePath(), &error);
    if (!read)
        return finishStart(false, error);
    m_state = *read;
    m_recipe.complete(m_state, m_requested);

    QStringList services = PlatformRecipe::serviceNames();
    // Without the store, the REST catalog (its files live there) stays off too.
    if (!m_layout.hasS3Store()) {
        services.removeAll(PlatformRecipe::s3Name());
        services.removeAll(PlatformRecipe::icebergRestName());
        Q_EMIT progress(QStringLiteral("%1: not installed: %2")
                            .arg(PlatformRecipe::s3Name(), m_layout.s3StoreHint()));
    } else if (!m_layout.hasIcebergRest()) {
        services.removeAll(PlatformRecipe::icebergRestName());
        Q_EMIT progress(
            QStringLiteral("%1: not installed (%2): Iceberg hive/rest catalogs in the local "
                           "environment are Hadoop catalogs on the store")
                .arg(PlatformRecipe::icebergRestName(), m_layout.icebergRestJarsDir()));
    }
    if (const QString why = m_layout.sessionServersMissing(); !why.isEmpty()) {
        for (const QString &name : PlatformSessions::names())
            services.removeAll(name);
        Q_EMIT progress(QStringLiteral("%1: not installed (%2; run `make deps`): previews use "
                                       "the private warm sessions instead")
                            .arg(PlatformSessions::names().join(QStringLiteral(", ")), why));
    }
    QStringList toStart;
    for (const QString &name : std::as_const(services)) {
        if (m_state.isRunning(name))
            continue;
        ServiceRecord *r = m_state.service(name);
        r->pid = r->pgid = 0;
        r->startTime = 0;
        toStart << name;
    }
    // Every port is checked before anything starts: a half-started platform helps nobody.
    m_conflicts = m_state.portConflicts(toStart);
    if (!m_conflicts.isEmpty()) {
        QStringList messages;
        for (const PortConflict &c : std::as_const(m_conflicts))
            messages << c.message();
        return finishStart(false, messages.join(QLatin1Char('\n')));
    }
    if (const QString e = m_recipe.writeServiceConfigs(m_state); !e.isEmpty())
        return finishStart(false, e);
    if (const QString e = m_state.write(m_layout.statePath()); !e.isEmpty())
        return finishStart(false, e);

    for (const QString &name : std::as_const(services)) {
        auto *service =
            new PlatformService(*m_state.service(name), m_recipe.launchSpec(name, m_state),
                                m_recipe.createProbe(name, m_state));
        service->setTimeout(m_timeoutSec);
        m_services.append(service);
        connect(service, &PlatformService::progress, this, &PlatformManager::progress);
        connect(service, &PlatformService::launched, this, [this, service] {
            *m_state.service(service->name()) = service->record();
            saveState();
        });
        auto settle = [this] {
            for (const PlatformService *s : std::as_const(m_services)) {
                if (!s->isReady() && !m_failures.contains(s->name()))
                    return;
            }
            if (!m_failures.isEmpty())
                return finishStart(false,
                                   QStringLiteral("%1 did not start; the others keep running until "
                                                  "`uisctl platform stop`")
                                       .arg(m_failures.join(QStringLiteral(", "))));
            if (const QString e = m_recipe.writeClientFiles(m_state); !e.isEmpty())
                return finishStart(false, e);
            if (m_state.isRunning(PlatformRecipe::s3Name()))
                seedSamples();
            else
                startDcp();
        };
        connect(service, &PlatformService::ready, this, [this, service, settle] {
            Q_EMIT serviceReady(service->name(), service->record().url);
            settle();
        });
        connect(service, &PlatformService::failed, this, [this, service, settle](const QString &e) {
            m_failures << service->name();
            Q_EMIT serviceFailed(service->name(), e);
            settle();
        });
    }
    for (PlatformService *service : std::as_const(m_services)) {
        Q_EMIT serviceStarting(service->name());
        if (toStart.contains(service->name()))
            service->start();
        else
            service->adopt();
    }
}

void PlatformManager::seedSamples()
{
    delete m_seeder;
    m_seeder = new SampleSeeder(
        QUrl(m_recipe.s3Endpoint(m_state)), S3RequestSigner(m_state.accessKey, m_state.secretKey),
        m_layout.serviceDir(QStringLiteral("s3")) + QStringLiteral("/samples-seeded"), this);
    connect(m_seeder, &SampleSeeder::finished, this, [this](int uploaded, const QString &error) {
        // Not fatal: the platform works without the samples, only the bundled example needs them.
        if (!error.isEmpty())
            Q_EMIT progress(
                QStringLiteral("s3: the bundled sample data was not stored: %1").arg(error));
        else if (uploaded > 0)
            Q_EMIT progress(QStringLiteral("s3: stored %1 bundled sample file(s) in s3://%2")
                                .arg(uploaded)
                                .arg(SampleSeeder::bucket()));
        startDcp();
    });
    m_seeder->start();
}

void PlatformManager::startDcp()
{
    const QString name = PlatformDcp::serviceName();
    Q_EMIT serviceStarting(name);
    m_dcp.complete(m_state);
    if (m_state.isRunning(name)) {
        launchDcp();
        return;
    }
    ServiceRecord *r = m_state.service(name);
    r->pid = r->pgid = 0;
    r->startTime = 0;
    // One server per data directory: one running there without our targets (the studio's
    // embedded default, say) is asked to end first; its cluster jobs are re-attached by ours.
    qint64 other = 0;
    m_dcp.runningUrl(&other);
    const QStringList cmd = other > 0 ? ProcessInfo::commandLine(other) : QStringList();
    if (other > 0 && !cmd.isEmpty() && cmd.first().endsWith(QLatin1String("dcp-local"))) {
        Q_EMIT progress(QStringLiteral("%1: the server on %2 (pid %3) runs without the platform's "
                                       "targets; restarting it with them")
                            .arg(name, m_dcp.dataDir())
                            .arg(other));
        ::kill(pid_t(other), SIGTERM);
        m_replacing = other;
        m_replaceClock.start();
        m_replaceTimer->start();
        return;
    }
    launchDcp();
}

void PlatformManager::launchDcp()
{
    const QString name = PlatformDcp::serviceName();
    const bool adopt = m_state.isRunning(name);
    if (!adopt && PlatformDcp::findProgram().isEmpty()) {
        const QString e = QStringLiteral("dcp-local was not found next to this program, in "
                                         "UIS_BIN_DIR or in PATH; set UIS_DCP_LOCAL");
        Q_EMIT serviceFailed(name, e);
        return finishStart(false, e);
    }
    if (!adopt)
        m_dcp.complete(m_state); // the port may have been taken meanwhile
    saveState();
    delete m_dcpService;
    m_dcpService = new PlatformService(*m_state.service(name), m_dcp.launchSpec(m_state),
                                       m_dcp.createProbe(m_state));
    m_dcpService->setTimeout(qMin(m_timeoutSec, 60));
    connect(m_dcpService, &PlatformService::progress, this, &PlatformManager::progress);
    connect(m_dcpService, &PlatformService::launched, this, [this, name] {
        *m_state.service(name) = m_dcpService->record();
        saveState();
    });
    connect(m_dcpService, &PlatformService::ready, this, [this, name] {
        Q_EMIT serviceReady(name, m_dcpService->record().url);
        finishStart(true, {});
    });
    connect(m_dcpService, &PlatformService::failed, this, [this, name](const QString &e) {
        Q_EMIT serviceFailed(name, e);
        finishStart(false, QStringLiteral("dcp-local did not start: %1").arg(e));
    });
    if (adopt)
        m_dcpService->adopt();
    else
        m_dcpService->start();
}

ServiceStatus PlatformManager::dcpStatus() const
{
    const auto read = PlatformState::read(m_layout.statePath());
    const PlatformState s = read.value_or(PlatformState{});
    ServiceStatus st;
    st.name = PlatformDcp::serviceName();
    st.state = QStringLiteral("stopped");
    if (const ServiceRecord *r = s.service(st.name)) {
        st.url = r->url;
        if (s.isRunning(st.name)) {
            st.state = QStringLiteral("running");
            st.pid = r->pid;
        } else if (r->pid > 0) {
            st.state = QStringLiteral("dead");
        }
    }
    return st;
}

void PlatformManager::finishStart(bool ok, const QString &error)
{
    m_busy = false;
    // Signalled from the event loop, also for early failures: callers connect after start().
    QTimer::singleShot(0, this, [this, ok, error] { Q_EMIT started(ok, error); });
}

void PlatformManager::stop()
{
    if (m_busy)
        return;
    m_busy = true;
    m_stopping.clear();
    m_killed = false;
    QString error;
    const auto read = PlatformState::read(m_layout.statePath(), &error);
    if (!read) {
        m_busy = false;
        QTimer::singleShot(0, this, [this, error] { Q_EMIT stopped(false, error); });
        return;
    }
    m_state = *read;
    for (ServiceRecord &r : m_state.services) {
        if (r.pid <= 0)
            continue;
        if (ProcessInfo::isOurs(r.pid, r.startTime, r.marker) && r.pgid > 1) {
            Q_EMIT progress(QStringLiteral("%1: stopping (pid %2)").arg(r.name).arg(r.pid));
            ProcessInfo::signalGroup(r.pgid, SIGTERM);
            m_stopping.insert(r.name, r.pgid);
        } else {
            // Gone, or the pid now belongs to someone else: nothing of ours to signal.
            Q_EMIT progress(QStringLiteral("%1: was not running").arg(r.name));
            r.pid = r.pgid = 0;
            r.startTime = 0;
        }
    }
    m_stopClock.start();
    m_stopTimer->start();
    // From the event loop, as start() signals: with nothing left running `stopped` would
    // otherwise come inside this call, before a caller that waits for it can see it.
    QTimer::singleShot(0, this, &PlatformManager::pollStopping);
}

void PlatformManager::pollStopping()
{
    if (!m_stopTimer->isActive())
        return; // signalled already (the first poll and a timer tick can both be queued)
    for (auto it = m_stopping.begin(); it != m_stopping.end();) {
        ServiceRecord *r = m_state.service(it.key());
        if (!ProcessInfo::exists(r->pid) && ProcessInfo::groupMembers(it.value()).isEmpty()) {
            Q_EMIT progress(QStringLiteral("%1: stopped").arg(r->name));
            r->pid = r->pgid = 0;
            r->startTime = 0;
            it = m_stopping.erase(it);
        } else {
            ++it;
        }
    }
    if (!m_stopping.isEmpty() && !m_killed && m_stopClock.elapsed() > qint64(m_graceSec) * 1000) {
        m_killed = true;
        for (auto it = m_stopping.cbegin(); it != m_stopping.cend(); ++it) {
            Q_EMIT progress(QStringLiteral("%1: did not stop within %2 s, killing it")
                                .arg(it.key())
                                .arg(m_graceSec));
            ProcessInfo::signalGroup(it.value(), SIGKILL);
        }
    }
    const bool gaveUp =
        !m_stopping.isEmpty() && m_stopClock.elapsed() > qint64(m_graceSec + 10) * 1000;
    if (!m_stopping.isEmpty() && !gaveUp)
        return;
    m_stopTimer->stop();
    m_busy = false;
    saveState();
    if (gaveUp)
        Q_EMIT stopped(
            false,
            QStringLiteral("still running: %1").arg(m_stopping.keys().join(QStringLiteral(", "))));
    else
        Q_EMIT stopped(true, {});
}

QList<ServiceStatus> PlatformManager::status(QString *error) const
{
    const auto read = PlatformState::read(m_layout.statePath(), error);
    const PlatformState s = read.value_or(PlatformState{});
    QList<ServiceStatus> list;
    for (const QString &name : PlatformRecipe::serviceNames()) {
        ServiceStatus st;
        st.name = name;
        st.state = QStringLiteral("stopped");
        if (const ServiceRecord *r = s.service(name)) {
            st.url = r->url;
            st.ui = r->ui;
            if (s.isRunning(name)) {
                st.state = QStringLiteral("running");
                st.pid = r->pid;
            } else if (r->pid > 0) {
                st.state = QStringLiteral("dead");
            }
        }
        list.append(st);
    }
    return list;
}

} // namespace uis
