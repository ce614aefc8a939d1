// SPDX-License-Identifier: Apache-2.0
#include "dcperror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uis {

namespace {

Severity parseSeverity(const QString &s)
{
    if (s == QLatin1String("warning"))
        return Severity::Warning;
    if (s == QLatin1String("info"))
        return Severity::Info;
    return Severity::Error;
}

QString origin(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

} // namespace

bool DcpError::isTransient() const
{
    return kind == Kind::Unreachable || kind == Kind::Timeout ||
           (kind == Kind::Server && (httpStatus == 502 || httpStatus == 503 || httpStatus == 504)) ||
           httpStatus == 429;
}

QString DcpError::fullText() const
{
    QString text = message;
    for (const Diagnostic &d : diagnostics) {
        text += QStringLiteral("\n  %1: %2").arg(severityName(d.severity), d.message);
        if (!d.pointer.isEmpty())
            text += QStringLiteral(" (at %1)").arg(d.pointer);
        if (!d.code.isEmpty())
            text += QStringLiteral(" [%1]").arg(d.code);
    }
    for (const QString &d : details)
        text += QStringLiteral("\n  ") + d;
    return text;
}

DcpError DcpError::fromHttp(int status, const QByteArray &body, const QUrl &url)
{
    DcpError e;
    e.httpStatus = status;
    QString serverMessage;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const QJsonObject err = doc.object().value(QLatin1String("error")).toObject();
    if (!err.isEmpty()) {
        e.code = err.value(QLatin1String("code")).toString();
        serverMessage = err.value(QLatin1String("message")).toString();
        for (const QJsonValue &v : err.value(QLatin1String("details")).toArray()) {
            if (v.isObject()) {
                const QJsonObject o = v.toObject();
                if (o.contains(QLatin1String("severity")) || o.contains(QLatin1String("pointer"))) {
                    Diagnostic d;
                    d.severity = parseSeverity(o.value(QLatin1String("severity")).toString());
                    d.code = o.value(QLatin1String("code")).toString();
                    d.message = o.value(QLatin1String("message")).toString();
                    d.pointer = o.value(QLatin1String("pointer")).toString();
                    d.line = o.value(QLatin1String("line")).toInt();
                    d.column = o.value(QLatin1String("column")).toInt();
                    e.diagnostics.append(d);
                } else {
                    e.details.append(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
                }
            } else if (v.isString()) {
                e.details.append(v.toString());
            }
        }
    }
    const QString suffix = serverMessage.isEmpty() ? QString() : QStringLiteral(": ") + serverMessage;
    switch (status) {
    case 400:
        e.kind = Kind::Invalid;
        e.message = QStringLiteral("request rejected as invalid") + suffix;
        break;
    case 401:
    case 403:
        e.kind = Kind::Unauthorized;
        e.message = QStringLiteral("token rejected by %1: set the environment's token (Environments dialog, "
                                   "or DCP_TOKEN)")
                        .arg(origin(url));
        break;
    case 404:
        e.kind = Kind::NotFound;
        if (e.code.isEmpty() || e.code == QLatin1String("job_not_found"))
            e.message = QStringLiteral("job not found") + suffix;
        else
            e.message = QStringLiteral("not found") + suffix;
        break;
    case 409:
        e.kind = Kind::Conflict;
        e.message = serverMessage.isEmpty() ? QStringLiteral("the job has already finished") : serverMessage;
        break;
    case 413:
        e.kind = Kind::TooLarge;
        e.message = QStringLiteral("request too large") + suffix;
        break;
    case 422:
        e.kind = Kind::Validation;
        e.message = QStringLiteral("the job failed validation on the server") + suffix;
        break;
    default:
        if (status >= 500) {
            e.kind = Kind::Server;
            e.message = QStringLiteral("server error %1 at %2").arg(status).arg(origin(url)) + suffix;
        } else {
            e.kind = Kind::Protocol;
            e.message = QStringLiteral("unexpected HTTP status %1 from %2").arg(status).arg(origin(url)) + suffix;
        }
    }
    if (err.isEmpty() && status >= 400 && !body.isEmpty() && e.kind != Kind::NotFound)
        e.details.append(QString::fromUtf8(body.left(300)).trimmed());
    return e;
}

DcpError DcpError::transport(Kind kind, const QUrl &url, const QString &reason)
{
    DcpError e;
    e.kind = kind;
    switch (kind) {
    case Kind::Timeout:
        e.message = QStringLiteral("server at %1 did not answer in time (%2)").arg(origin(url), reason);
        break;
    case Kind::Tls:
        e.message = QStringLiteral("TLS verification failed for %1: %2").arg(origin(url), reason);
        break;
    case Kind::Protocol:
        e.message = QStringLiteral("unexpected answer from %1: %2").arg(origin(url), reason);
        break;
    default:
        e.message = QStringLiteral("server unreachable at %1: %2").arg(origin(url), reason);
    }
    return e;
}

DcpError DcpError::config(const QString &message)
{
    DcpError e;
    e.kind = Kind::Config;
    e.message = message;
    return e;
}

QString dcpErrorKindName(DcpError::Kind kind)
{
    switch (kind) {
    case DcpError::Kind::None: return QStringLiteral("none");
    case DcpError::Kind::Unreachable: return QStringLiteral("unreachable");
    case DcpError::Kind::Timeout: return QStringLiteral("timeout");
    case DcpError::Kind::Tls: return QStringLiteral("tls");
    case DcpError::Kind::Unauthorized: return QStringLiteral("unauthorized");
    case DcpError::Kind::NotFound: return QStringLiteral("not-found");
    case DcpError::Kind::Conflict: return QStringLiteral("conflict");
    case DcpError::Kind::TooLarge: return QStringLiteral("too-large");
    case DcpError::Kind::Invalid: return QStringLiteral("invalid");
    case DcpError::Kind::Validation: return QStringLiteral("validation");
    case DcpError::Kind::Server: return QStringLiteral("server");
    case DcpError::Kind::Protocol: return QStringLiteral("protocol");
    case DcpError::Kind::Config: return QStringLiteral("config");
    }
    return QString();
}

} // namespace uis
