// SPDX-License-Identifier: Apache-2.0
#include "localserverinfo.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>

namespace uis {

QString LocalServerInfo::defaultDataDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/uis-studio/dcp-local");
}

QString LocalServerInfo::tokenPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("token"));
}

QString LocalServerInfo::statePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("server.json"));
}

QString LocalServerInfo::readToken(const QString &dataDir)
{
    QFile f(tokenPath(dataDir));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

std::optional<LocalServerInfo::Running> LocalServerInfo::readRunning(const QString &dataDir)
{
    QFile f(statePath(dataDir));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    Running r;
    r.url = QUrl(o.value(QLatin1String("url")).toString());
    r.pid = qint64(o.value(QLatin1String("pid")).toDouble());
    if (!r.url.isValid() || r.pid <= 0)
        return std::nullopt;
#ifdef Q_OS_UNIX
    if (::kill(pid_t(r.pid), 0) != 0 && errno == ESRCH)
        return std::nullopt;
#endif
    return r;
}

} // namespace uis
