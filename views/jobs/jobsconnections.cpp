// SPDX-License-Identifier: Apache-2.0
#include "jobsconnections.h"

#include "dcpclient.h"
#include "environmentstore.h"
#include "jobslocalserver.h"
#include "tokenstore.h"

#include <QTimer>

namespace uis {

JobsConnections::JobsConnections(const QString &settingsPath, QObject *parent)
    : QObject(parent), m_store(std::make_unique<EnvironmentStore>(settingsPath)), m_tokens(new TokenStore(this)),
      m_local(new JobsLocalServer(this))
{
    m_local->setDataDir(m_store->localDataDir());
    connect(m_local, &JobsLocalServer::ready, this, [this](const QUrl &) {
        const auto waiting = std::exchange(m_waitingForLocal, {});
        for (const auto &done : waiting)
            withClient(EnvironmentStore::localName(), done);
    });
    connect(m_local, &JobsLocalServer::failed, this, [this](const QString &message) {
        const auto waiting = std::exchange(m_waitingForLocal, {});
        for (const auto &done : waiting)
            done(nullptr, message);
    });
}

JobsConnections::~JobsConnections() = default;

void JobsConnections::invalidate(const QString &environment)
{
    if (DcpClient *c = m_clients.take(environment))
        c->deleteLater();
    m_local->setDataDir(m_store->localDataDir());
}

void JobsConnections::withClient(const QString &environment, std::function<void(DcpClient *, const QString &)> done)
{
    if (DcpClient *c = m_clients.value(environment)) {
        done(c, QString());
        return;
    }
    const Environment env = m_store->resolve(environment, m_tokens);
    if (env.url.isEmpty()) {
        if (environment == EnvironmentStore::localName() && EnvironmentStore::overrideUrl().isEmpty()) {
            m_waitingForLocal.append(std::move(done));
            m_local->setDataDir(m_store->localDataDir());
            m_local->ensureRunning();
            return;
        }
        done(nullptr, tr("environment `%1` has no URL: set it in the Environments dialog").arg(environment));
        return;
    }
    auto *client = new DcpClient(env, this);
    m_clients.insert(environment, client);
    done(client, QString());
}

} // namespace uis
