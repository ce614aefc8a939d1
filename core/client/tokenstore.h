// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace uis {

/**
 * Secrets in the OS keychain (qtkeychain: Secret Service, KWallet, macOS Keychain, Windows
 * Credential Store): DCP tokens, one entry per environment (`tokenKey()`), and values of spec
 * placeholders (`placeholderKey()`). There is deliberately no plain-file fallback:
 * when no keychain is reachable (headless CI), every call reports why, and callers fall back
 * to `DCP_TOKEN` or a prompt. `UIS_NO_KEYCHAIN=1` skips the keychain altogether.
 *
 * Every call is asynchronous (the keychain may prompt, or not answer at all): it returns at once
 * and reports later, from the event loop, either through a callback or through the entry*
 * signals. A keychain that does not answer within `timeout()` is reported as an error; there is
 * no blocking variant.
 */
class TokenStore : public QObject
{
    Q_OBJECT
public:
    /// `value` is "" and `error` is "" when there simply is no such entry.
    using ReadCallback = std::function<void(const QString &value, const QString &error)>;
    /// `error` is "" on success.
    using AckCallback = std::function<void(const QString &error)>;

    explicit TokenStore(QObject *parent = nullptr);

    /// The keychain service name entries are stored under.
    static QString serviceName();
    static bool keychainDisabled();

    /// The entry of an environment's DCP token.
    static QString tokenKey(const QString &environment);
    /// The entry of a placeholder's value, by Placeholder::id().
    static QString placeholderKey(const QString &placeholderId);

    /// What an error message tells the user to do instead (default: use DCP_TOKEN or UIS_SECRET_…
    /// variables, or enter the value when asked), for callers whose fallback differs.
    void setFallbackHint(const QString &hint) { m_hint = hint; }
    QString fallbackHint() const { return m_hint; }

    /// How long a keychain call may take before it fails with "did not answer" (default 8 s).
    int timeout() const { return m_timeoutMs; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    /**
     * Reads `key` and calls `done(value, error)` once, from the event loop (never before this
     * returns). Nothing is called when `context` is destroyed first.
     */
    void read(const QString &key, const QObject *context, ReadCallback done);
    void write(const QString &key, const QString &value, const QObject *context, AckCallback done);
    void remove(const QString &key, const QObject *context, AckCallback done);

    /// The same, reported by entryRead / entryWritten / entryRemoved.
    void read(const QString &key);
    void write(const QString &key, const QString &value);
    void remove(const QString &key);

Q_SIGNALS:
    /// `value` is empty and `error` is "" when there simply is no such entry.
    void entryRead(const QString &key, const QString &value, const QString &error);
    void entryWritten(const QString &key, const QString &error);
    void entryRemoved(const QString &key, const QString &error);

private:
    void run(QKeychain::Job *job, const QObject *context,
             std::function<void(QKeychain::Job *job, const QString &timeoutError)> done);

    int m_timeoutMs = 8000;
    QString m_hint = QStringLiteral("use environment variables (DCP_TOKEN, UIS_SECRET_…) or enter "
                                    "the value when asked");
};

} // namespace uis
