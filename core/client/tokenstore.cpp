// SPDX-License-Identifier: Apache-2.0
#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace uis {

namespace {

QString describe(QKeychain::Error error, const QString &text)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("the OS keychain is not available (%1); use environment variables (DCP_TOKEN, UIS_SECRET_…) or enter the value when asked")
            .arg(text);
    case QKeychain::AccessDenied:
        return QStringLiteral("access to the OS keychain was denied (%1)").arg(text);
    default:
        return QStringLiteral("the OS keychain failed: %1").arg(text);
    }
}

QString disabledMessage()
{
    return QStringLiteral("the OS keychain is disabled (UIS_NO_KEYCHAIN); use environment variables (DCP_TOKEN, UIS_SECRET_…) or enter the value when asked");
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

void TokenStore::read(const QString &key)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, this, [this, key] { Q_EMIT entryRead(key, {}, disabledMessage()); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        Q_EMIT entryRead(key, j->error() == QKeychain::NoError ? rj->textData() : QString(),
                         describe(j->error(), j->errorString()));
    });
    job->start();
}

void TokenStore::write(const QString &key, const QString &value)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, this, [this, key] { Q_EMIT entryWritten(key, disabledMessage()); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        QString e = describe(j->error(), j->errorString());
        if (e.isEmpty() && j->error() != QKeychain::NoError)
            e = j->errorString();
        Q_EMIT entryWritten(key, e);
    });
    job->start();
}

void TokenStore::remove(const QString &key)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, this, [this, key] { Q_EMIT entryRemoved(key, disabledMessage()); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        Q_EMIT entryRemoved(key, describe(j->error(), j->errorString()));
    });
    job->start();
}

std::optional<QString> TokenStore::readSync(const QString &key, QString *error, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QString value, problem;
    auto c = connect(this, &TokenStore::entryRead, &loop,
                     [&](const QString &env, const QString &t, const QString &e) {
                         if (env != key)
                             return;
                         done = true;
                         value = t;
                         problem = e;
                         loop.quit();
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    read(key);
    if (!done)
        loop.exec();
    disconnect(c);
    if (!done)
        problem = QStringLiteral("the OS keychain did not answer within %1 s; set DCP_TOKEN").arg(timeoutMs / 1000);
    if (error)
        *error = problem;
    if (!problem.isEmpty() || value.isEmpty())
        return std::nullopt;
    return value;
}

bool TokenStore::writeSync(const QString &key, const QString &value, QString *error, int timeoutMs)
{
    return waitForAck(&TokenStore::entryWritten, [&] { write(key, value); }, key, error, timeoutMs);
}

bool TokenStore::removeSync(const QString &key, QString *error, int timeoutMs)
{
    return waitForAck(&TokenStore::entryRemoved, [&] { remove(key); }, key, error, timeoutMs);
}

// Runs the keychain job and waits (with a local event loop, as qtkeychain answers by signal)
// for its acknowledgement for `key`.
bool TokenStore::waitForAck(void (TokenStore::*ack)(const QString &, const QString &),
                            const std::function<void()> &start, const QString &key, QString *error,
                            int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QString problem;
    auto c = connect(this, ack, &loop, [&](const QString &env, const QString &e) {
        if (env != key)
            return;
        done = true;
        problem = e;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    start();
    if (!done)
        loop.exec();
    disconnect(c);
    if (!done)
        problem = QStringLiteral("the OS keychain did not answer within %1 s").arg(timeoutMs / 1000);
    if (error)
        *error = problem;
    return problem.isEmpty();
}

} // namespace uis
