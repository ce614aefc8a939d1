// SPDX-License-Identifier: Apache-2.0
#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#include <memory>

namespace uis {

namespace {

QString describe(QKeychain::Error error, const QString &text, const QString &hint)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("the OS keychain is not available (%1); %2").arg(text, hint);
    case QKeychain::AccessDenied:
        return QStringLiteral("access to the OS keychain was denied (%1)").arg(text);
    default: // a Secret Service that cannot be reached (no session bus) ends up here too
        return QStringLiteral("the OS keychain could not be reached or failed (%1); %2")
            .arg(text, hint);
    }
}

QString disabledMessage(const QString &hint)
{
    return QStringLiteral("the OS keychain is disabled (UIS_NO_KEYCHAIN); %1").arg(hint);
}

} // namespace

TokenStore::TokenStore(QObject *parent) : QObject(parent) {}

QString TokenStore::tokenKey(const QString &environment)
{
    return QStringLiteral("dcp-token/") + environment;
}

QString TokenStore::placeholderKey(const QString &placeholderId)
{
    return QStringLiteral("placeholder/") + placeholderId;
}

QString TokenStore::serviceName()
{
    return QStringLiteral("uis-studio");
}

bool TokenStore::keychainDisabled()
{
    return qEnvironmentVariableIntValue("UIS_NO_KEYCHAIN") != 0;
}

// Starts `job` and reports exactly once: its own answer, or a timeout when the keychain stays
// silent (a Secret Service that hangs, a prompt nobody sees). A late answer is dropped.
void TokenStore::run(QKeychain::Job *job, const QObject *context,
                     std::function<void(QKeychain::Job *, const QString &)> done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    auto answered = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, context, [answered, done](QKeychain::Job *j) {
        if (!std::exchange(*answered, true))
            done(j, QString());
    });
    const int ms = m_timeoutMs;
    QTimer::singleShot(ms, context, [answered, done, ms, hint = m_hint] {
        if (!std::exchange(*answered, true))
            done(nullptr, QStringLiteral("the OS keychain did not answer within %1 s; %2")
                              .arg(ms / 1000.0, 0, 'g', 3)
                              .arg(hint));
    });
    job->start();
}

void TokenStore::read(const QString &key, const QObject *context, ReadCallback done)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, context,
                           [done, hint = m_hint] { done(QString(), disabledMessage(hint)); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(key);
    run(job, context, [done, hint = m_hint](QKeychain::Job *j, const QString &timeoutError) {
        if (!j) {
            done(QString(), timeoutError);
            return;
        }
        const QString value = j->error() == QKeychain::NoError
                                  ? static_cast<QKeychain::ReadPasswordJob *>(j)->textData()
                                  : QString();
        done(value, describe(j->error(), j->errorString(), hint));
    });
}

void TokenStore::write(const QString &key, const QString &value, const QObject *context,
                       AckCallback done)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, context, [done, hint = m_hint] { done(disabledMessage(hint)); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(key);
    job->setTextData(value);
    run(job, context, [done, hint = m_hint](QKeychain::Job *j, const QString &timeoutError) {
        if (!j) {
            done(timeoutError);
            return;
        }
        QString e = describe(j->error(), j->errorString(), hint);
        if (e.isEmpty() && j->error() != QKeychain::NoError)
            e = j->errorString(); // "not found" is no excuse for a failed write
        done(e);
    });
}

void TokenStore::remove(const QString &key, const QObject *context, AckCallback done)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, context, [done, hint = m_hint] { done(disabledMessage(hint)); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setKey(key);
    run(job, context, [done, hint = m_hint](QKeychain::Job *j, const QString &timeoutError) {
        done(j ? describe(j->error(), j->errorString(), hint) : timeoutError);
    });
}

void TokenStore::read(const QString &key)
{
    read(key, this, [this, key](const QString &value, const QString &error) {
        Q_EMIT entryRead(key, value, error);
    });
}

void TokenStore::write(const QString &key, const QString &value)
{
    write(key, value, this, [this, key](const QString &error) { Q_EMIT entryWritten(key, error); });
}

void TokenStore::remove(const QString &key)
{
    remove(key, this, [this, key](const QString &error) { Q_EMIT entryRemoved(key, error); });
}

} // namespace uis
