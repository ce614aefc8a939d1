// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace uis {

/**
 * Secrets in the OS keychain (qtkeychain: Secret Service, KWallet, macOS Keychain, Windows
 * Credential Store): DCP tokens, one entry per environment (`tokenKey()`), and values of spec
 * placeholders (`placeholderKey()`). There is deliberately no plain-file fallback:
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

    /// The entry of an environment's DCP token.
    static QString tokenKey(const QString &environment);
    /// The entry of a placeholder's value, by Placeholder::id().
    static QString placeholderKey(const QString &placeholderId);

    void read(const QString &key);
    void write(const QString &key, const QString &value);
    void remove(const QString &key);

    /// Blocking variants for the command line (run a local event loop, at most `timeoutMs`).
    /// readSync returns nullopt when there is no entry or on error (`*error` says which).
    std::optional<QString> readSync(const QString &key, QString *error = nullptr, int timeoutMs = 8000);
    bool writeSync(const QString &key, const QString &value, QString *error = nullptr, int timeoutMs = 8000);
    bool removeSync(const QString &key, QString *error = nullptr, int timeoutMs = 8000);

Q_SIGNALS:
    /// `value` is empty and `error` is "" when there simply is no such entry.
    void entryRead(const QString &key, const QString &value, const QString &error);
    void entryWritten(const QString &key, const QString &error);
    void entryRemoved(const QString &key, const QString &error);

private:
    bool waitForAck(void (TokenStore::*ack)(const QString &, const QString &),
                    const std::function<void()> &start, const QString &key, QString *error,
                    int timeoutMs);
};

} // namespace uis
