// SPDX-License-Identifier: Apache-2.0
// uisctl savepoint JOB: trigger a savepoint of a running Flink job and wait for its path.
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
    "usage: uisctl savepoint JOB [--env NAME | --url URL] [--no-wait] [--format text|json]\n\n"
    "Triggers a savepoint of a running Flink job (into the spec's savepoint_dir, else the job's\n"
    "folder on the server) and waits until Flink has written it; prints its path.\n"
    "Exit: 0 COMPLETED, 1 refused or FAILED (the job keeps running), 2 the server cannot be "
    "asked.\n";

} // namespace

int runSavepoint(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions(), {QStringLiteral("help"), QStringLiteral("no-wait")});
    if (const int rc = prepareJobCommand(p, args, ctx, "savepoint", kHelp, 1); rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl savepoint: " << e << "\n";
        return ExitUsage;
    }
    const QString id = p.positional().first();
    std::unique_ptr<DcpReply> reply(client.triggerSavepoint(id));
    if (!CliLoop::await(reply.get()))
        return reportJobError(ctx, "savepoint", reply->error());
    const QString sid = reply->json().value(QLatin1String("savepoint_id")).toString();
    ctx.err << "uisctl savepoint: " << sid << " of job " << id << " IN_PROGRESS\n";
    if (p.isSet(QStringLiteral("no-wait"))) {
        ctx.out << sid << "\n";
        return ExitOk;
    }
    ctx.err.flush();
    const auto done = SavepointSupport::waitFor(client, id, sid, ctx, "savepoint");
    if (!done)
        return ExitErrors;
    if (p.value(QStringLiteral("format")) == QLatin1String("json")) {
        ctx.out << QJsonDocument(*done).toJson(QJsonDocument::Indented);
    } else if (done->value(QLatin1String("status")).toString() == QLatin1String("COMPLETED")) {
        ctx.out << done->value(QLatin1String("path")).toString() << "\n";
    }
    if (done->value(QLatin1String("status")).toString() != QLatin1String("COMPLETED")) {
        ctx.err << "uisctl savepoint: " << sid << " "
                << done->value(QLatin1String("status")).toString() << ": "
                << done->value(QLatin1String("error")).toString() << "\n";
        return ExitErrors;
    }
    ctx.err << "uisctl savepoint: " << sid << " COMPLETED\n";
    return ExitOk;
}

} // namespace uis::cli
