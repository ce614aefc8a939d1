// SPDX-License-Identifier: Apache-2.0
// uisctl stop JOB --savepoint [--drain]: Flink's stop-with-savepoint through the DCP API.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "jobcommandsupport.h"
#include "savepointsupport.h"

#include "dcpclient.h"

#include <memory>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl stop JOB --savepoint [--drain] [--env NAME | --url URL]\n\n"
    "Stops a running Flink job with a savepoint and waits until it has ended; prints the\n"
    "savepoint's path (restart from it with `uisctl submit SPEC --restore-from PATH|JOB`).\n"
    "The job ends CANCELLED, or SUCCEEDED with --drain (which first fires every window: use it\n"
    "to end a pipeline for good, not to upgrade it). If the savepoint fails, the job keeps "
    "running.\n"
    "Without --savepoint this is `uisctl cancel`.\n"
    "Exit: 0 stopped with a savepoint, 1 refused or the savepoint failed, 2 the server cannot be "
    "asked.\n";

} // namespace

int runStop(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions(),
                {QStringLiteral("help"), QStringLiteral("savepoint"), QStringLiteral("drain")});
    if (const int rc = prepareJobCommand(p, args, ctx, "stop", kHelp, 1); rc >= 0)
        return rc;
    const bool savepoint = p.isSet(QStringLiteral("savepoint"));
    const bool drain = p.isSet(QStringLiteral("drain"));
    if (drain && !savepoint) {
        ctx.err << "uisctl stop: --drain needs --savepoint\n";
        return ExitUsage;
    }
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl stop: " << e << "\n";
        return ExitUsage;
    }
    const QString id = p.positional().first();
    std::unique_ptr<DcpReply> reply(client.stop(id, savepoint, drain));
    if (!CliLoop::await(reply.get()))
        return reportJobError(ctx, "stop", reply->error());
    if (!savepoint) {
        ctx.err << "uisctl stop: job " << id << " is being cancelled (no savepoint)\n";
        return ExitOk;
    }
    const QString sid = reply->json().value(QLatin1String("savepoint_id")).toString();
    ctx.err << "uisctl stop: stop-with-savepoint " << sid << " of job " << id << " requested\n";
    ctx.err.flush();
    const auto done = SavepointSupport::waitFor(client, id, sid, ctx, "stop");
    if (!done)
        return ExitErrors;
    if (done->value(QLatin1String("status")).toString() != QLatin1String("COMPLETED")) {
        ctx.err << "uisctl stop: the savepoint " << sid << " FAILED ("
                << done->value(QLatin1String("error")).toString() << "); job " << id
                << " was not stopped\n";
        return ExitErrors;
    }
    const QString path = done->value(QLatin1String("path")).toString();
    const auto final = SavepointSupport::waitForJob(
        client, id, [](const JobStatus &s) { return isTerminal(s.state); }, 120);
    ctx.out << path << "\n";
    if (!final || !isTerminal(final->state)) {
        ctx.err << "uisctl stop: savepoint " << path << " is written, but job " << id
                << " has not ended yet\n";
        return ExitErrors;
    }
    ctx.err << "uisctl stop: job " << id << " " << jobStateName(final->state) << " with savepoint "
            << sid << "\n";
    return ExitOk;
}

} // namespace uis::cli
