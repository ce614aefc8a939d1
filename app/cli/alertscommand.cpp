// SPDX-License-Identifier: Apache-2.0
// uisctl alerts list|test RULE: the alerts of a DCP server (dcp-local --alerts FILE): which fired,
// which resolved, and how each delivery went; `test` sends a test message of a rule.
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

const char *const kAlertsHelp =
    "usage: uisctl alerts list [--env NAME | --url URL] [--format text|json]\n"
    "       uisctl alerts test RULE [--env NAME | --url URL]\n\n"
    "list: the server's alert rules and its alerts, newest first: firing or resolved, when,\n"
    "and each delivery (channel, ok, attempts, last error).\n"
    "test: sends a test message of RULE to the rule's channels (see `list` for the outcome).\n"
    "Exit: 0 done, 1 an alert is firing (list) or no such rule (test), 2 usage or server error.\n";

QString deliveries(const QJsonArray &list)
{
    QStringList out;
    for (const QJsonValue &v : list) {
        const QJsonObject d = v.toObject();
        QString s =
            QStringLiteral("%1/%2 %3 x%4")
                .arg(d.value(QLatin1String("channel")).toString(),
                     d.value(QLatin1String("status")).toString(),
                     d.value(QLatin1String("ok")).toBool()
                         ? QStringLiteral("ok")
                         : (d.value(QLatin1String("done")).toBool() ? QStringLiteral("FAILED")
                                                                    : QStringLiteral("retrying")))
                .arg(d.value(QLatin1String("attempts")).toInt());
        if (const QString e = d.value(QLatin1String("error")).toString(); !e.isEmpty())
            s += QStringLiteral(" (%1)").arg(e);
        out << s;
    }
    return out.isEmpty() ? QStringLiteral("-") : out.join(QStringLiteral("; "));
}

} // namespace

int runAlerts(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions(), {QStringLiteral("help")});
    if (const int rc = prepareJobCommand(p, args, ctx, "alerts", kAlertsHelp, -1); rc >= 0)
        return rc;
    const QStringList pos = p.positional();
    const QString verb = pos.value(0);
    if (!((verb == QLatin1String("list") && pos.size() == 1) ||
          (verb == QLatin1String("test") && pos.size() == 2))) {
        ctx.err << "uisctl alerts: expected `list` or `test RULE`\n" << kAlertsHelp;
        return ExitUsage;
    }
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl alerts: " << e << "\n";
        return ExitUsage;
    }
    if (verb == QLatin1String("test")) {
        std::unique_ptr<DcpReply> reply(client.testAlert(pos[1]));
        if (!CliLoop::await(reply.get()))
            return reportJobError(ctx, "alerts test", reply->error());
        ctx.out << "sent a test message of " << pos[1]
                << " to its channels; `uisctl alerts list` shows how it went\n";
        return ExitOk;
    }
    std::unique_ptr<DcpReply> reply(client.alerts());
    if (!CliLoop::await(reply.get()))
        return reportJobError(ctx, "alerts", reply->error());
    const QJsonObject body = reply->json();
    if (p.value(QStringLiteral("format")) == QLatin1String("json")) {
        ctx.out << QJsonDocument(body).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out << "rules:\n";
    for (const QJsonValue &v : body.value(QLatin1String("rules")).toArray())
        ctx.out << "  " << v[QLatin1String("name")].toString() << "  "
                << v[QLatin1String("when")].toString() << "  -> "
                << v[QLatin1String("channels")].toVariant().toStringList().join(QLatin1Char(','))
                << "\n";
    int firing = 0;
    const QJsonArray alerts = body.value(QLatin1String("alerts")).toArray();
    ctx.out << "alerts:" << (alerts.isEmpty() ? " none\n" : "\n");
    for (const QJsonValue &v : alerts) {
        const QJsonObject a = v.toObject();
        const QString status = a.value(QLatin1String("status")).toString();
        firing += status == QLatin1String("firing") ? 1 : 0;
        ctx.out << "  " << status.toUpper() << "  " << a.value(QLatin1String("rule")).toString()
                << "  job " << a.value(QLatin1String("job_name")).toString() << " ("
                << a.value(QLatin1String("job_id")).toString() << ")  fired "
                << a.value(QLatin1String("fired_at")).toString() << "  resolved "
                << a.value(QLatin1String("resolved_at")).toString(QStringLiteral("-")) << "\n"
                << "    " << a.value(QLatin1String("text")).toString() << "\n"
                << "    deliveries: " << deliveries(a.value(QLatin1String("deliveries")).toArray())
                << "\n";
    }
    for (const QJsonValue &v : body.value(QLatin1String("tests")).toArray())
        ctx.out << "  TEST  " << v[QLatin1String("rule")].toString() << "  at "
                << v[QLatin1String("at")].toString()
                << "\n    deliveries: " << deliveries(v[QLatin1String("deliveries")].toArray())
                << "\n";
    return firing ? ExitErrors : ExitOk;
}

} // namespace uis::cli
