// SPDX-License-Identifier: Apache-2.0
#include "enginesessions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace uis {

namespace {

// The runners' wording (runners/uis_runners/sessions/warm.py).
// warm.py: "<why>; running the cold preview" (or "... cold test run")
const QLatin1String kCold("; running the cold ");

SessionServer server(const QJsonObject &o)
{
    SessionServer s;
    const QString state = o.value(QLatin1String("state")).toString();
    s.state = state == QLatin1String("warm")   ? SessionServer::State::Warm
              : state == QLatin1String("dead") ? SessionServer::State::Dead
                                               : SessionServer::State::Stopped;
    s.url = o.value(QLatin1String("url")).toString();
    return s;
}

} // namespace

bool EngineSessions::isValidChoice(const QString &choice)
{
    if (choice == QLatin1String("auto") || choice == QLatin1String("none"))
        return true;
    for (const QString &url : choice.split(QLatin1Char(','))) {
        const QString u = url.trimmed();
        if (!u.startsWith(QLatin1String("sc://")) && !u.startsWith(QLatin1String("http://")) &&
            !u.startsWith(QLatin1String("https://")))
            return false;
    }
    return !choice.trimmed().isEmpty();
}

QString EngineSessions::invalidChoiceMessage(const QString &choice)
{
    return QStringLiteral("--session must be auto, none or server URLs (sc://HOST:PORT for Spark "
                          "Connect, http://HOST:PORT for a Flink SQL Gateway), not `%1`")
        .arg(choice);
}

QStringList EngineSessions::dryRunArguments(const QString &jobConfig, int limit,
                                            const QString &choice)
{
    return {QStringLiteral("--job-config"),
            jobConfig,
            QStringLiteral("--dry-run"),
            QStringLiteral("--limit"),
            QString::number(limit),
            QStringLiteral("--session"),
            choice};
}

void EngineSessions::setIdleSeconds(QProcessEnvironment *env, int seconds)
{
    env->insert(QStringLiteral("UIS_SESSIONS_IDLE_SECONDS"),
                QString::number(seconds > 0 ? seconds : DefaultIdleSeconds));
}

QStringList EngineSessions::commandArguments(const QString &action, const QString &engine,
                                             const QString &format)
{
    return {QStringLiteral("-m"),
            QStringLiteral("uis_runners.sessions"),
            action,
            QStringLiteral("--engine"),
            engine,
            QStringLiteral("--format"),
            format};
}

QProcessEnvironment EngineSessions::sessionsEnvironment(const QString &runnersDir,
                                                        QProcessEnvironment base)
{
    const QString old = base.value(QStringLiteral("PYTHONPATH"));
    base.insert(QStringLiteral("PYTHONPATH"),
                old.isEmpty() ? runnersDir : runnersDir + QLatin1Char(':') + old);
    return base;
}

SessionEvent EngineSessions::parseProgress(const QString &text)
{
    static const QRegularExpression starting(
        QStringLiteral("^starting the warm (spark|flink) session"));
    static const QRegularExpression restarting(
        QStringLiteral("^the warm (spark|flink) server is not answering .*; restarting it$"));
    static const QRegularExpression warm(QStringLiteral("^warm (spark|flink) session at (\\S+)"));
    static const QRegularExpression engineIn(QStringLiteral("\\b(spark|flink)\\b"));
    SessionEvent e;
    QRegularExpressionMatch m;
    if ((m = starting.match(text)).hasMatch() || (m = restarting.match(text)).hasMatch()) {
        e.kind = SessionEvent::Kind::Starting;
        e.engine = m.captured(1);
    } else if ((m = warm.match(text)).hasMatch()) {
        e.kind = SessionEvent::Kind::Warm;
        e.engine = m.captured(1);
        e.detail = m.captured(2);
    } else if (const qsizetype at = text.lastIndexOf(kCold); at >= 0) {
        e.kind = SessionEvent::Kind::Cold;
        e.detail = text.left(at);
        e.engine = engineIn.match(e.detail).captured(1);
    }
    return e;
}

SessionsStatus EngineSessions::parseStatus(const QByteArray &json)
{
    SessionsStatus s;
    QJsonParseError err;
    const QJsonObject o = QJsonDocument::fromJson(json, &err).object();
    const QJsonObject engines = o.value(QLatin1String("engines")).toObject();
    if (err.error != QJsonParseError::NoError || engines.isEmpty())
        return s;
    s.valid = true;
    s.spark = server(engines.value(QLatin1String("spark")).toObject());
    s.flink = server(engines.value(QLatin1String("flink")).toObject());
    s.idleSecondsLeft = o.value(QLatin1String("idle_seconds_left")).toInt(-1);
    s.folder = o.value(QLatin1String("folder")).toString();
    return s;
}

} // namespace uis
