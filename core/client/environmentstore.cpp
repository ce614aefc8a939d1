// SPDX-License-Identifier: Apache-2.0
#include "environmentstore.h"

#include "localserverinfo.h"
#include "tokenstore.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace uis {

namespace {

QString group(const QString &name)
{
    return QStringLiteral("environments/") + name;
}

} // namespace

EnvironmentStore::EnvironmentStore(const QString &settingsPath)
{
    QString path = settingsPath;
    if (path.isEmpty()) {
        QString base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        if (base.isEmpty())
            base = QDir::homePath() + QStringLiteral("/.config");
        path = base + QStringLiteral("/uis-studio/environments.conf");
    }
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
}

EnvironmentStore::~EnvironmentStore() = default;

QStringList EnvironmentStore::names() const
{
    m_settings->beginGroup(QStringLiteral("environments"));
    QStringList configured = m_settings->childGroups();
    m_settings->endGroup();
    configured.removeAll(localName());
    configured.sort();
    configured.prepend(localName());
    return configured;
}

bool EnvironmentStore::contains(const QString &name) const
{
    return names().contains(name);
}

QUrl EnvironmentStore::url(const QString &name) const
{
    return QUrl(m_settings->value(group(name) + QStringLiteral("/url")).toString());
}

QString EnvironmentStore::setUrl(const QString &name, const QUrl &url)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (!valid.match(name).hasMatch())
        return QStringLiteral("environment names may use letters, digits, `.`, `_` and `-` only");
    if (!url.isEmpty() &&
        (!url.isValid() || url.host().isEmpty() ||
         (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))))
        return QStringLiteral("`%1` is not an http(s) URL").arg(url.toString());
    if (url.isEmpty() && name != localName())
        return QStringLiteral("environment `%1` needs a URL").arg(name);
    // Keep an (empty) key so that `local` without a URL still shows as configured.
    m_settings->setValue(group(name) + QStringLiteral("/url"), url.toString());
    m_settings->sync();
    return QString();
}

void EnvironmentStore::remove(const QString &name)
{
    m_settings->remove(group(name));
    if (current() == name)
        setCurrent(localName());
    m_settings->sync();
}

QString EnvironmentStore::current() const
{
    const QString c = m_settings->value(QStringLiteral("current"), localName()).toString();
    return contains(c) ? c : localName();
}

void EnvironmentStore::setCurrent(const QString &name)
{
    m_settings->setValue(QStringLiteral("current"), name);
    m_settings->sync();
}

QString EnvironmentStore::localDataDir() const
{
    const QString dir = m_settings->value(QStringLiteral("local/dataDir")).toString();
    return dir.isEmpty() ? LocalServerInfo::defaultDataDir() : dir;
}

void EnvironmentStore::setLocalDataDir(const QString &dir)
{
    m_settings->setValue(QStringLiteral("local/dataDir"), dir);
    m_settings->sync();
}

QUrl EnvironmentStore::overrideUrl()
{
    const QString u = qEnvironmentVariable("DCP_URL");
    return u.isEmpty() ? QUrl() : QUrl(u);
}

QString EnvironmentStore::overrideToken()
{
    return qEnvironmentVariable("DCP_TOKEN");
}

void EnvironmentStore::resolve(const QString &name, TokenStore *tokens, const QObject *context,
                               ResolveCallback done) const
{
    Environment env;
    env.name = name;
    const QString dataDir = localDataDir();
    if (const QUrl o = overrideUrl(); !o.isEmpty()) {
        env.url = o;
        env.urlSource = QStringLiteral("DCP_URL");
    } else if (const QUrl u = url(name); !u.isEmpty()) {
        env.url = u;
        env.urlSource = QStringLiteral("settings");
    } else if (name == localName()) {
        if (const auto running = LocalServerInfo::readRunning(dataDir)) {
            env.url = running->url;
            env.urlSource = QStringLiteral("dcp-local");
        }
    }

    // What comes after the keychain: the local token file, else an explanation. Captures
    // values only, as the store may be gone when the keychain answers.
    auto finish = [env, dataDir, done](const QString &keychainToken, QString problem) mutable {
        if (!keychainToken.isEmpty()) {
            env.token = keychainToken;
            env.tokenSource = QStringLiteral("keychain");
            done(env);
            return;
        }
        if (env.isLocal()) {
            const QString t = LocalServerInfo::readToken(dataDir);
            if (!t.isEmpty()) {
                env.token = t;
                env.tokenSource = QStringLiteral("dcp-local token file");
                done(env);
                return;
            }
            if (problem.isEmpty())
                problem = QStringLiteral("dcp-local has not created its token yet (%1)")
                              .arg(LocalServerInfo::tokenPath(dataDir));
        }
        env.tokenProblem = problem.isEmpty()
                               ? QStringLiteral("no token stored for environment `%1`: add it in "
                                                "the Environments dialog, or set DCP_TOKEN")
                                     .arg(env.name)
                               : problem;
        done(env);
    };

    if (const QString t = overrideToken(); !t.isEmpty()) {
        env.token = t;
        env.tokenSource = QStringLiteral("DCP_TOKEN");
        QTimer::singleShot(0, context, [env, done] { done(env); });
        return;
    }
    if (tokens) {
        tokens->read(
            TokenStore::tokenKey(name), context,
            [finish](const QString &value, const QString &error) mutable { finish(value, error); });
        return;
    }
    QTimer::singleShot(0, context, [finish]() mutable { finish(QString(), QString()); });
}

} // namespace uis
