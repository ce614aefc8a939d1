// SPDX-License-Identifier: Apache-2.0
#include "tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace uis {

namespace {

QString keyFor(const QString &environment)
{
    return QStringLiteral("dcp-token/") + environment;
}

QString describe(QKeychain::Error error, const QString &text)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("the OS keychain is not available (%1); set DCP_TOKEN or enter the token when asked")
            .arg(text);
    case QKeychain::AccessDenied:
        return QStringLiteral("access to the OS keychain was denied (%1)").arg(text);
    default:
        return QStringLiteral("the OS keychain failed: %1").arg(text);
    }
}

QString disabledMessage()
{
    return QStringLiteral("the OS keychain is disabled (UIS_NO_KEYCHAIN); set DCP_TOKEN or enter the token when asked");
}

} // namespace

TokenStore::TokenStore(QObject *parent) : QObject(parent) {}

QString TokenStore::serviceName()
{
    return QStringLiteral("uis-studio");
}

bool TokenStore::keychainDisabled()
{
    return qEnvironmentVariableIntValue("UIS_NO_KEYCHAIN") != 0;
}

void TokenStore::read(const QString &environment)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, this, [this, environment] { Q_EMIT tokenRead(environment, {}, disabledMessage()); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(environment));
    connect(job, &QKeychain::Job::finished, this, [this, environment](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        Q_EMIT tokenRead(environment, j->error() == QKeychain::NoError ? rj->textData() : QString(),
                         describe(j->error(), j->errorString()));
    });
    job->start();
}

void TokenStore::write(const QString &environment, const QString &token)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, this, [this, environment] { Q_EMIT tokenWritten(environment, disabledMessage()); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(environment));
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, environment](QKeychain::Job *j) {
        QString e = describe(j->error(), j->errorString());
        if (e.isEmpty() && j->error() != QKeychain::NoError)
            e = j->errorString();
        Q_EMIT tokenWritten(environment, e);
    });
    job->start();
}

void TokenStore::remove(const QString &environment)
{
    if (keychainDisabled()) {
        QTimer::singleShot(0, this, [this, environment] { Q_EMIT tokenRemoved(environment, disabledMessage()); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(environment));
    connect(job, &QKeychain::Job::finished, this, [this, environment](QKeychain::Job *j) {
        Q_EMIT tokenRemoved(environment, describe(j->error(), j->errorString()));
    });
    job->start();
}

std::optional<QString> TokenStore::readSync(const QString &environment, QString *error, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QString token, problem;
    auto c = connect(this, &TokenStore::tokenRead, &loop,
                     [&](const QString &env, const QString &t, const QString &e) {
                         if (env != environment)
                             return;
                         done = true;
                         token = t;
                         problem = e;
                         loop.quit();
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    read(environment);
    if (!done)
        loop.exec();
    disconnect(c);
    if (!done)
        problem = QStringLiteral("the OS keychain did not answer within %1 s; set DCP_TOKEN").arg(timeoutMs / 1000);
    if (error)
        *error = problem;
    if (!problem.isEmpty() || token.isEmpty())
        return std::nullopt;
    return token;
}

bool TokenStore::writeSync(const QString &environment, const QString &token, QString *error, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QString problem;
    auto c = connect(this, &TokenStore::tokenWritten, &loop, [&](const QString &env, const QString &e) {
        if (env != environment)
            return;
        done = true;
        problem = e;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    write(environment, token);
    if (!done)
        loop.exec();
    disconnect(c);
    if (!done)
        problem = QStringLiteral("the OS keychain did not answer within %1 s").arg(timeoutMs / 1000);
    if (error)
        *error = problem;
    return problem.isEmpty();
}

bool TokenStore::removeSync(const QString &environment, QString *error, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QString problem;
    auto c = connect(this, &TokenStore::tokenRemoved, &loop, [&](const QString &env, const QString &e) {
        if (env != environment)
            return;
        done = true;
        problem = e;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    remove(environment);
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
