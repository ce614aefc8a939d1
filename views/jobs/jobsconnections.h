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
 * embedded dcp-local is reused or started first.
 */
class JobsConnections : public QObject
{
    Q_OBJECT
public:
    /// `settingsPath` "" uses the default environments file.
    explicit JobsConnections(const QString &settingsPath = {}, QObject *parent = nullptr);
    ~JobsConnections() override;

    EnvironmentStore *store() const { return m_store.get(); }
    TokenStore *tokens() const { return m_tokens; }
    JobsLocalServer *localServer() const { return m_local; }

    /// Calls `done(client, error)` once the environment can be used (client null on error).
    void withClient(const QString &environment, std::function<void(DcpClient *, const QString &)> done);
    /// The client already made for `environment`, or null.
    DcpClient *existingClient(const QString &environment) const { return m_clients.value(environment); }
    /// Forgets a resolved environment (after its URL or token changed).
    void invalidate(const QString &environment);

private:
    std::unique_ptr<EnvironmentStore> m_store;
    TokenStore *m_tokens;
    JobsLocalServer *m_local;
    QHash<QString, DcpClient *> m_clients;
    QList<std::function<void(DcpClient *, const QString &)>> m_waitingForLocal;
};

} // namespace uis
