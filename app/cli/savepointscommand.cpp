// SPDX-License-Identifier: Apache-2.0
// uisctl savepoints JOB: a job's savepoints and latest retained checkpoint; --delete SID deletes
// one (recorded with who and when).
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "jobcommandsupport.h"
#include "savepointsupport.h"

#include "dcpclient.h"

#include <QJsonDocument>

#include <memory>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl savepoints JOB [--env NAME | --url URL] [--format text|json]\n"
    "       uisctl savepoints JOB --delete SAVEPOINT_ID [--user NAME]\n\n"
    "Lists a job's savepoints and its latest retained checkpoint (Spark streaming jobs: their\n"
    "queries' checkpoints) with path, time, size and status. Deleted ones stay listed.\n"
    "--delete removes a savepoint's files; the record keeps who (--user, default $USER) and "
    "when.\n";

} // namespace

int runSavepoints(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions() << QStringLiteral("delete") << QStringLiteral("user"),
                {QStringLiteral("help")});
    if (const int rc = prepareJobCommand(p, args, ctx, "savepoints", kHelp, 1); rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl savepoints: " << e << "\n";
        return ExitUsage;
    }
    const QString id = p.positional().first();
    if (p.isSet(QStringLiteral("delete"))) {
        const QString user =
            p.value(QStringLiteral("user"), qEnvironmentVariable("USER", QStringLiteral("uisctl")));
        std::unique_ptr<DcpReply> reply(
            client.deleteSavepoint(id, p.value(QStringLiteral("delete")), user));
        if (!CliLoop::await(reply.get()))
            return reportJobError(ctx, "savepoints", reply->error());
        ctx.err << "uisctl savepoints: " << p.value(QStringLiteral("delete")) << " DELETED ("
                << reply->json().value(QLatin1String("path")).toString() << ")\n";
        return ExitOk;
    }
    std::unique_ptr<DcpReply> reply(client.savepoints(id));
    if (!CliLoop::await(reply.get()))
        return reportJobError(ctx, "savepoints", reply->error());
    if (p.value(QStringLiteral("format")) == QLatin1String("json"))
        ctx.out << QJsonDocument(reply->json()).toJson(QJsonDocument::Indented);
    else
        SavepointSupport::print(ctx, reply->json().value(QLatin1String("savepoints")).toArray());
    return ExitOk;
}

} // namespace uis::cli
