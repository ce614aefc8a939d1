// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "environment.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace uis {

class DcpClient;
class EnvironmentStore;
class JobsLocalServer;
class TokenStore;

/**
 * One DcpClient per environment for the studio's job views, resolved from the environment
 * store (URL from settings, token from the keychain or DCP_TOKEN). With `local` and no URL, the
 * embedded dcp-local is reused or started first. Nothing here blocks: the keychain is read
 * asynchronously, callers are answered from the event loop, and what is happening is reported
 * by `progress` (the studio shows it in the status bar).
 */
class JobsConnections : public QObject
{
    Q_OBJECT
public:
    using ClientCallback = std::function<void(DcpClient *client, const QString &error)>;

    /// `settingsPath` "" uses the default environments file.
    explicit JobsConnections(const QString &settingsPath = {}, QObject *parent = nullptr);
    ~JobsConnections() override;

    EnvironmentStore *store() const { return m_store.get(); }
    TokenStore *tokens() const { return m_tokens; }
    JobsLocalServer *localServer() const { return m_local; }

    /**
     * Calls `done(client, error)` once the environment can be used (client null on error).
     * Always later, from the event loop: this returns at once and never touches the keychain or
     * the network itself. Concurrent calls for one environment share one resolution.
     */
    void withClient(const QString &environment, ClientCallback done);
    /// The client already made for `environment`, or null.
    DcpClient *existingClient(const QString &environment) const
    {
        return m_clients.value(environment);
    }
    /// Whether `environment` is being resolved (keychain read or dcp-local start under way).
    bool isResolving(const QString &environment) const { return m_waiting.contains(environment); }
    /// Forgets a resolved environment (after its URL or token changed).
    void invalidate(const QString &environment);
    /**
     * The embedded `local` server was replaced (the local platform restarted it with its
     * targets, or stopped it): the client already made for `local` is pointed at the server
     * running on the data directory now (the embedded one is started when none runs), so the
     * jobs' followers, which hold that client, keep working. Nothing when `local` has a URL.
     */
    void followLocalServer();

Q_SIGNALS:
    /// What a resolution is doing or how it ended, for the status bar.
    void progress(const QString &message);

private:
    void startResolving(const QString &environment);
    void resolved(const QString &environment, int generation, const Environment &env);
    void answer(const QString &environment, DcpClient *client, const QString &error);
    /// The `local` client, when it talks to the embedded server (no URL set or overridden).
    DcpClient *embeddedClient() const;

    std::unique_ptr<EnvironmentStore> m_store;
    TokenStore *m_tokens;
    JobsLocalServer *m_local;
    QHash<QString, DcpClient *> m_clients;
    /// Callers waiting for an environment being resolved.
    QHash<QString, QList<ClientCallback>> m_waiting;
    /// Bumped by each new resolution, so that an answer outdated by invalidate() is dropped.
    QHash<QString, int> m_generation;
};

} // namespace uis
