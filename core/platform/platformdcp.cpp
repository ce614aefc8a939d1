// SPDX-License-Identifier: Apache-2.0
#include "platformdcp.h"

#include "processinfo.h"
#include "serviceprobe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace uis {

QString PlatformDcp::serviceName()
{
    return QStringLiteral("dcp-local");
}

QString PlatformDcp::findProgram()
{
    const QString fromEnv = qEnvironmentVariable("UIS_DCP_LOCAL");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QStringList candidates;
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        candidates << appDir + QStringLiteral("/dcp-local")
                   << appDir + QStringLiteral("/../bin/dcp-local");
    }
    if (const QString bin = qEnvironmentVariable("UIS_BIN_DIR"); !bin.isEmpty())
        candidates << bin + QStringLiteral("/dcp-local");
    for (const QString &c : std::as_const(candidates)) {
        const QFileInfo fi(c);
        if (fi.isFile() && fi.isExecutable())
            return fi.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("dcp-local"));
}

QString PlatformDcp::dataDir() const
{
    // The default platform sits beside dcp-local's default data directory, which the studio's
    // `local` environment and `uisctl --env local` read.
    if (QDir(m_layout.dir()) == QDir(PlatformLayout::defaultDir()))
        return QDir::cleanPath(m_layout.dir() + QStringLiteral("/../dcp-local"));
    return m_layout.dir() + QStringLiteral("/dcp-local");
}

QString PlatformDcp::tokenPath() const
{
    return dataDir() + QStringLiteral("/token");
}

QString PlatformDcp::runningUrl(qint64 *pid) const
{
    QFile f(dataDir() + QStringLiteral("/server.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const qint64 p = qint64(o.value(QLatin1String("pid")).toDouble());
    if (p <= 0 || !ProcessInfo::exists(p))
        return {};
    if (pid)
        *pid = p;
    return o.value(QLatin1String("url")).toString();
}

QProcessEnvironment PlatformDcp::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QFile f(m_layout.envPath());
    if (!f.open(QIODevice::ReadOnly))
        return env;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (!line.startsWith(QLatin1String("export ")))
            continue;
        line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString value = line.mid(eq + 1);
        if (value.size() >= 2 &&
            (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) &&
            value.endsWith(value.front()))
            value = value.mid(1, value.size() - 2);
        env.insert(line.left(eq), value);
    }
    return env;
}

void PlatformDcp::complete(PlatformState &state) const
{
    ServiceRecord &r = state.ensureService(serviceName());
    r.marker = m_layout.targetsPath();
    const bool running = state.isRunning(serviceName());
    quint16 port = r.ports.value(QStringLiteral("api"));
    if (!running && (!port || !PlatformLayout::isPortFree(port))) {
        QSet<quint16> taken = state.allPorts();
        port = PlatformLayout::pickFreePort(taken);
        r.ports.insert(QStringLiteral("api"), port);
    }
    r.url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    r.ui = QString();
}

LaunchSpec PlatformDcp::launchSpec(const PlatformState &state) const
{
    const ServiceRecord *r = state.service(serviceName());
    LaunchSpec spec;
    spec.program = findProgram();
    spec.arguments = {
        QStringLiteral("--listen"),
        QStringLiteral("127.0.0.1:%1").arg(r ? r->ports.value(QStringLiteral("api")) : 0),
        QStringLiteral("--data-dir"),
        dataDir(),
        QStringLiteral("--targets"),
        m_layout.targetsPath()};
    spec.environment = environment();
    spec.workingDirectory = m_layout.dir();
    spec.logFile = m_layout.logPath(serviceName());
    return spec;
}

ServiceProbe *PlatformDcp::createProbe(const PlatformState &state) const
{
    const ServiceRecord *r = state.service(serviceName());
    auto *probe =
        ServiceProbe::httpJson(QUrl((r ? r->url : QString()) + QStringLiteral("/api/v1/targets")),
                               [](const QJsonDocument &doc) {
                                   return doc.object().value(QLatin1String("targets")).isArray()
                                              ? QString()
                                              : QStringLiteral("no targets yet");
                               });
    probe->setBearerTokenFile(tokenPath());
    return probe;
}

} // namespace uis
