// SPDX-License-Identifier: Apache-2.0
#include "platformsessions.h"

#include "serviceprobe.h"

#include <QJsonObject>

namespace uis {

namespace {

const QString kConnect = QStringLiteral("spark-connect");
const QString kGateway = QStringLiteral("flink-sql-gateway");

quint16 port(const PlatformState &s, const QString &service)
{
    const ServiceRecord *r = s.service(service);
    const QStringList roles = PlatformSessions::portRoles(service);
    return r && !roles.isEmpty() ? r->ports.value(roles.first()) : 0;
}

} // namespace

QString PlatformSessions::sparkConnectName()
{
    return kConnect;
}

QString PlatformSessions::gatewayName()
{
    return kGateway;
}

QStringList PlatformSessions::names()
{
    return {kConnect, kGateway};
}

QStringList PlatformSessions::portRoles(const QString &service)
{
    if (service == kConnect)
        return {QStringLiteral("grpc")};
    if (service == kGateway)
        return {QStringLiteral("rest")};
    return {};
}

QString PlatformSessions::url(const QString &service, const PlatformState &state)
{
    const QString scheme = service == kConnect ? QStringLiteral("sc") : QStringLiteral("http");
    return QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(port(state, service));
}

LaunchSpec PlatformSessions::launchSpec(const QString &service, const PlatformState &state,
                                        LaunchSpec base, const QString &flinkRestUrl) const
{
    LaunchSpec s = std::move(base);
    s.logFile = m_layout.logPath(service);
    s.workingDirectory = m_layout.dir();
    s.prepareProgram.clear();
    s.prepareArguments.clear();
    s.environment.insert(QStringLiteral("PYTHONPATH"), m_layout.runnersDir());
    s.environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    s.program = m_layout.venv() + QStringLiteral("/bin/python");
    // --dir names the platform's folder: the marker its command line must hold, also after
    // the Python process has become the server (the Java command line names that folder too).
    s.arguments = {QStringLiteral("-m"),     QStringLiteral("uis_runners.sessions"),
                   QStringLiteral("serve"),  service,
                   QStringLiteral("--port"), QString::number(port(state, service)),
                   QStringLiteral("--dir"),  m_layout.serviceDir(service)};
    if (service == kGateway)
        s.arguments << QStringLiteral("--flink-conf")
                    << s.environment.value(QStringLiteral("FLINK_CONF_DIR"))
                    << QStringLiteral("--cluster") << flinkRestUrl;
    return s;
}

ServiceProbe *PlatformSessions::createProbe(const QString &service,
                                            const PlatformState &state) const
{
    if (service == kConnect)
        return ServiceProbe::grpcHandshake(port(state, service));
    return ServiceProbe::httpJson(QUrl(url(service, state) + QStringLiteral("/v1/info")),
                                  [](const QJsonDocument &d) {
                                      return d.object().contains(QLatin1String("version"))
                                                 ? QString()
                                                 : QStringLiteral("no gateway info yet");
                                  });
}

} // namespace uis
