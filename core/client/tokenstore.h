// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <optional>

namespace uis {

/**
 * DCP tokens in the OS keychain (qtkeychain: Secret Service, KWallet, macOS Keychain, Windows
 * Credential Store), one entry per environment. There is deliberately no plain-file fallback:
 * when no keychain is reachable (headless CI), every call reports why, and callers fall back
 * to `DCP_TOKEN` or a prompt. `UIS_NO_KEYCHAIN=1` skips the keychain altogether.
 */
class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);

    /// The keychain service name entries are stored under.
    static QString serviceName();
    static bool keychainDisabled();

    void read(const QString &environment);
    void write(const QString &environment, const QString &token);
    void remove(const QString &environment);

    /// Blocking variants for the command line (run a local event loop, at most `timeoutMs`).
    /// readSync returns nullopt when there is no entry or on error (`*error` says which).
    std::optional<QString> readSync(const QString &environment, QString *error = nullptr, int timeoutMs = 8000);
    bool writeSync(const QString &environment, const QString &token, QString *error = nullptr, int timeoutMs = 8000);
    bool removeSync(const QString &environment, QString *error = nullptr, int timeoutMs = 8000);

Q_SIGNALS:
    /// `token` is empty and `error` is "" when the environment simply has no token.
    void tokenRead(const QString &environment, const QString &token, const QString &error);
    void tokenWritten(const QString &environment, const QString &error);
    void tokenRemoved(const QString &environment, const QString &error);
};

} // namespace uis
