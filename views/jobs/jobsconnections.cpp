// SPDX-License-Identifier: Apache-2.0
#include "jobsconnections.h"

#include "dcpclient.h"
#include "environmentstore.h"
#include "jobslocalserver.h"
#include "localserverinfo.h"
#include "tokenstore.h"

#include <QPointer>
#include <QTimer>

namespace uis {

JobsConnections::JobsConnections(const QString &settingsPath, QObject *parent)
    : QObject(parent), m_store(std::make_unique<EnvironmentStore>(settingsPath)),
      m_tokens(new TokenStore(this)), m_local(new JobsLocalServer(this))
{
    m_local->setDataDir(m_store->localDataDir());
    connect(m_local, &JobsLocalServer::progress, this, &JobsConnections::progress);
    connect(m_local, &JobsLocalServer::ready, this, [this](const QUrl &url) {
        if (DcpClient *c = embeddedClient()) {
            c->setBaseUrl(url);
            if (EnvironmentStore::overrideToken().isEmpty())
                c->setToken(LocalServerInfo::readToken(m_store->localDataDir()));
        }
        // The server wrote its state and token files: resolve `local` again to pick them up.
        if (m_waiting.contains(EnvironmentStore::localName()))
            startResolving(EnvironmentStore::localName());
    });
    connect(m_local, &JobsLocalServer::failed, this, [this](const QString &message) {
        if (m_waiting.contains(EnvironmentStore::localName()))
            answer(EnvironmentStore::localName(), nullptr, message);
    });
}

JobsConnections::~JobsConnections() = default;

void JobsConnections::invalidate(const QString &environment)
{
    if (DcpClient *c = m_clients.take(environment))
        c->deleteLater();
    m_local->setDataDir(m_store->localDataDir());
    // Whoever waits gets the environment as it is now, not as it was.
    if (m_waiting.contains(environment))
        startResolving(environment);
}

DcpClient *JobsConnections::embeddedClient() const
{
    const QString local = EnvironmentStore::localName();
    if (!EnvironmentStore::overrideUrl().isEmpty() || !m_store->url(local).isEmpty())
        return nullptr;
    return m_clients.value(local);
}

void JobsConnections::followLocalServer()
{
    DcpClient *client = embeddedClient();
    if (!client)
        return;
    m_local->setDataDir(m_store->localDataDir());
    if (const auto running = LocalServerInfo::readRunning(m_store->localDataDir())) {
        client->setBaseUrl(running->url);
        if (EnvironmentStore::overrideToken().isEmpty())
            client->setToken(LocalServerInfo::readToken(m_store->localDataDir()));
        Q_EMIT progress(tr("local at %1").arg(running->url.toString()));
        return;
    }
    m_local->ensureRunning(); // ready() points the client at it
}

void JobsConnections::withClient(const QString &environment, ClientCallback done)
{
    if (DcpClient *c = m_clients.value(environment)) {
        QTimer::singleShot(0, this, [this, environment, done, client = QPointer<DcpClient>(c)] {
            if (client)
                done(client, QString());
            else // invalidated meanwhile
                withClient(environment, done);
        });
        return;
    }
    QList<ClientCallback> &waiting = m_waiting[environment];
    waiting.append(std::move(done));
    if (waiting.size() == 1)
        startResolving(environment);
}

void JobsConnections::startResolving(const QString &environment)
{
    const int generation = ++m_generation[environment];
    if (EnvironmentStore::overrideToken().isEmpty() && !TokenStore::keychainDisabled())
        Q_EMIT progress(tr("Reading the token of %1 from the keychain…").arg(environment));
    // Deferred, so that withClient() never reaches the keychain before it returns (the studio
    // calls it while the window is being set up).
    QTimer::singleShot(0, this, [this, environment, generation] {
        if (generation != m_generation.value(environment))
            return;
        m_store->resolve(environment, m_tokens, this,
                         [this, environment, generation](const Environment &env) {
                             resolved(environment, generation, env);
                         });
    });
}

void JobsConnections::resolved(const QString &environment, int generation, const Environment &env)
{
    if (generation != m_generation.value(environment) || !m_waiting.contains(environment))
        return; // outdated by invalidate(): a newer resolution answers
    if (env.url.isEmpty()) {
        if (environment == EnvironmentStore::localName() &&
            EnvironmentStore::overrideUrl().isEmpty()) {
            // JobsLocalServer reports ready (then this resolves again) or failed.
            m_local->setDataDir(m_store->localDataDir());
            m_local->ensureRunning();
            return;
        }
        answer(
            environment, nullptr,
            tr("environment `%1` has no URL: set it in the Environments dialog").arg(environment));
        return;
    }
    auto *client = new DcpClient(env, this);
    m_clients.insert(environment, client);
    Q_EMIT progress(
        env.token.isEmpty()
            ? tr("%1 at %2: %3").arg(environment, env.url.toString(), env.tokenProblem)
            : tr("%1 at %2 (token from %3)").arg(environment, env.url.toString(), env.tokenSource));
    answer(environment, client, QString());
}

void JobsConnections::answer(const QString &environment, DcpClient *client, const QString &error)
{
    if (!error.isEmpty())
        Q_EMIT progress(tr("%1: %2").arg(environment, error));
    const QList<ClientCallback> waiting = m_waiting.take(environment);
    for (const ClientCallback &done : waiting)
        done(client, error);
}

} // namespace uis
