// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "environment.h"

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace uis {

class TokenStore;

/**
 * Named DCP environments. URLs live in settings (`~/.config/uis-studio/environments.conf`),
 * tokens in the OS keychain (TokenStore), never in a plain file. `DCP_URL` and `DCP_TOKEN`
 * override both, for CI. The `local` environment always exists: without a URL it means the
 * dcp-local server of the user's data directory.
 */
class EnvironmentStore
{
public:
    /// `settingsPath` "" uses the default file; tests pass their own.
    explicit EnvironmentStore(const QString &settingsPath = {});
    ~EnvironmentStore();

    static QString localName() { return QStringLiteral("local"); }

    /// `local` first, then the configured ones in alphabetical order.
    QStringList names() const;
    bool contains(const QString &name) const;
    /// The configured URL ("" for `local` when it means the embedded server).
    QUrl url(const QString &name) const;
    /// Adds or changes an environment. Names are `[A-Za-z0-9_.-]+`; returns an error or "".
    QString setUrl(const QString &name, const QUrl &url);
    void remove(const QString &name);

    /// The environment chosen last (`local` by default).
    QString current() const;
    void setCurrent(const QString &name);

    /// The dcp-local data directory the `local` environment uses (settings, else the default).
    QString localDataDir() const;
    void setLocalDataDir(const QString &dir);

    /// `DCP_URL` / `DCP_TOKEN`, empty when unset.
    static QUrl overrideUrl();
    static QString overrideToken();

    using ResolveCallback = std::function<void(const Environment &)>;

    /**
     * Resolves an environment for use, without blocking: the URL from DCP_URL, else settings,
     * else (local) the running dcp-local; the token from DCP_TOKEN, else the keychain (read
     * asynchronously through `tokens`), else (local) the dcp-local token file. `done` runs once,
     * from the event loop (never before this returns), unless `context` is destroyed first; the
     * store itself may be gone by then. What is missing is explained in the result's
     * `tokenProblem`; an unknown name gives an empty URL.
     */
    void resolve(const QString &name, TokenStore *tokens, const QObject *context,
                 ResolveCallback done) const;

    QSettings &settings() { return *m_settings; }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace uis
