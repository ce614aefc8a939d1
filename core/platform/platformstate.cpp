// SPDX-License-Identifier: Apache-2.0
#include "platformstate.h"

#include "platformlayout.h"
#include "processinfo.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace uis {

QString PortConflict::message() const
{
    return QStringLiteral("port %1 (%2 %3) is in use by another program")
        .arg(port)
        .arg(service, role);
}

std::optional<PlatformState> PlatformState::read(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.exists())
        return PlatformState{};
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QString e;
    auto s = fromJson(f.readAll(), &e);
    if (!s && error)
        *error = QStringLiteral("%1: %2").arg(path, e);
    return s;
}

QString PlatformState::write(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray data = toJson();
    if (f.write(data) != data.size() || !f.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return {};
}

QByteArray PlatformState::toJson() const
{
    QJsonArray list;
    for (const ServiceRecord &r : services) {
        QJsonObject ports;
        for (auto it = r.ports.cbegin(); it != r.ports.cend(); ++it)
            ports.insert(it.key(), int(it.value()));
        list.append(QJsonObject{{QStringLiteral("name"), r.name},
                                {QStringLiteral("ports"), ports},
                                {QStringLiteral("pid"), double(r.pid)},
                                {QStringLiteral("pgid"), double(r.pgid)},
                                {QStringLiteral("start_time"), QString::number(r.startTime)},
                                {QStringLiteral("marker"), r.marker},
                                {QStringLiteral("url"), r.url},
                                {QStringLiteral("ui"), r.ui}});
    }
    const QJsonObject root{
        {QStringLiteral("version"), 1},
        {QStringLiteral("services"), list},
        {QStringLiteral("s3"), QJsonObject{{QStringLiteral("access_key"), accessKey},
                                           {QStringLiteral("secret_key"), secretKey}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<PlatformState> PlatformState::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        if (error)
            *error = pe.error != QJsonParseError::NoError ? pe.errorString()
                                                          : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("version")).toInt() != 1) {
        if (error)
            *error = QStringLiteral("unsupported version %1")
                         .arg(root.value(QLatin1String("version")).toInt());
        return std::nullopt;
    }
    PlatformState s;
    for (const QJsonValue &v : root.value(QLatin1String("services")).toArray()) {
        const QJsonObject o = v.toObject();
        ServiceRecord r;
        r.name = o.value(QLatin1String("name")).toString();
        if (r.name.isEmpty())
            continue;
        const QJsonObject ports = o.value(QLatin1String("ports")).toObject();
        for (auto it = ports.begin(); it != ports.end(); ++it) {
            const int p = it.value().toInt();
            if (p > 0 && p < 65536)
                r.ports.insert(it.key(), quint16(p));
        }
        r.pid = qint64(o.value(QLatin1String("pid")).toDouble());
        r.pgid = qint64(o.value(QLatin1String("pgid")).toDouble());
        r.startTime = o.value(QLatin1String("start_time")).toString().toULongLong();
        r.marker = o.value(QLatin1String("marker")).toString();
        r.url = o.value(QLatin1String("url")).toString();
        r.ui = o.value(QLatin1String("ui")).toString();
        s.services.append(r);
    }
    const QJsonObject s3 = root.value(QLatin1String("s3")).toObject();
    s.accessKey = s3.value(QLatin1String("access_key")).toString();
    s.secretKey = s3.value(QLatin1String("secret_key")).toString();
    return s;
}

ServiceRecord *PlatformState::service(const QString &name)
{
    for (ServiceRecord &r : services) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

const ServiceRecord *PlatformState::service(const QString &name) const
{
    return const_cast<PlatformState *>(this)->service(name);
}

ServiceRecord &PlatformState::ensureService(const QString &name)
{
    if (ServiceRecord *r = service(name))
        return *r;
    services.append(ServiceRecord{});
    services.last().name = name;
    return services.last();
}

QSet<quint16> PlatformState::allPorts() const
{
    QSet<quint16> all;
    for (const ServiceRecord &r : services) {
        for (quint16 p : r.ports)
            all.insert(p);
    }
    return all;
}

bool PlatformState::isRunning(const QString &name) const
{
    const ServiceRecord *r = service(name);
    return r && ProcessInfo::isOurs(r->pid, r->startTime, r->marker);
}

QList<PortConflict> PlatformState::portConflicts(const QStringList &names) const
{
    QList<PortConflict> conflicts;
    for (const QString &n : names) {
        const ServiceRecord *r = service(n);
        if (!r)
            continue;
        for (auto it = r->ports.cbegin(); it != r->ports.cend(); ++it) {
            if (!PlatformLayout::isPortFree(it.value()))
                conflicts.append(PortConflict{n, it.key(), it.value()});
        }
    }
    return conflicts;
}

} // namespace uis
