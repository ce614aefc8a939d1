// SPDX-License-Identifier: Apache-2.0
// uisctl targets: the execution targets of a DCP server (GET /api/v1/targets) with the live
// figures of their clusters.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "jobcommandsupport.h"

#include "dcpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace uis::cli {

namespace {

const char *const kTargetsHelp =
    "usage: uisctl targets [--env NAME | --url URL] [--format text|json]\n\n"
    "Lists the server's execution targets (dcp-local --targets FILE): where jobs run, whether\n"
    "the cluster answers, and its figures (Flink: TaskManagers, slots, running jobs; Spark:\n"
    "alive workers, cores, memory), and the session servers it names for previews\n"
    "(spark_connect, sql_gateway). `uisctl submit --target NAME` picks one;\n"
    "`uisctl preview SPEC --target NAME` previews on its session servers.\n"
    "Exit: 0 every target answers, 1 some target is unreachable, 2 the server cannot be asked.\n";

QString figures(const QJsonObject &o)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text =
            v.isString() ? v.toString()
            : v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
            : v.isDouble()
                ? QString::number(v.toDouble(), 'g', 12)
                : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
        parts << it.key() + QLatin1Char('=') + text;
    }
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QLatin1Char(' '));
}

} // namespace

int runTargets(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions(), {QStringLiteral("help")});
    if (const int rc = prepareJobCommand(p, args, ctx, "targets", kTargetsHelp, 0); rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl targets: " << e << "\n";
        return ExitUsage;
    }
    std::unique_ptr<DcpReply> reply(client.targets());
    if (!CliLoop::await(reply.get()))
        return reportJobError(ctx, "targets", reply->error());
    if (p.value(QStringLiteral("format")) == QLatin1String("json")) {
        ctx.out << QJsonDocument(reply->json()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const QJsonArray targets = reply->json().value(QLatin1String("targets")).toArray();
    int unreachable = 0;
    for (const QJsonValue &v : targets) {
        const QJsonObject t = v.toObject();
        const bool reachable = t.value(QLatin1String("reachable")).toBool();
        unreachable += reachable ? 0 : 1;
        QStringList engines;
        for (const QJsonValue &e : t.value(QLatin1String("engines")).toArray())
            engines << e.toString();
        ctx.out << t.value(QLatin1String("name")).toString() << "  "
                << t.value(QLatin1String("kind")).toString()
                << "  engines=" << engines.join(QLatin1Char(',')) << "  "
                << (reachable ? "reachable" : "UNREACHABLE") << "  checked "
                << t.value(QLatin1String("checked_at")).toString(QStringLiteral("-")) << "\n"
                << "    " << figures(t.value(QLatin1String("overview")).toObject()) << "\n";
        QStringList sessions;
        for (const char *key : {"spark_connect", "sql_gateway"}) {
            if (const QString url = t.value(QLatin1String(key)).toString(); !url.isEmpty())
                sessions << QLatin1String(key) + QLatin1Char('=') + url;
        }
        if (!sessions.isEmpty())
            ctx.out << "    sessions: " << sessions.join(QLatin1Char(' ')) << "\n";
        if (const QString e = t.value(QLatin1String("error")).toString(); !e.isEmpty())
            ctx.out << "    error: " << e << "\n";
    }
    return unreachable ? ExitErrors : ExitOk;
}

} // namespace uis::cli
