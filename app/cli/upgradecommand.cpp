// SPDX-License-Identifier: Apache-2.0
// uisctl upgrade JOB SPEC: check → stop with savepoint → submit the new version restoring from
// it. Whatever fails, the message says whether the old job still runs or which savepoint it can
// be restarted from.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "jobcommandsupport.h"
#include "savepointsupport.h"

#include "dcpclient.h"
#include "submitrequestbuilder.h"

#include <QJsonArray>

#include <memory>

namespace uis::cli {

void setRestore(SubmitRequest *request, const QString &from, bool allowNonRestoredState,
                bool fresh);

namespace {

const char *const kHelp =
    "usage: uisctl upgrade JOB SPEC [--env NAME | --url URL] [--target NAME]\n"
    "                      [--allow-non-restored-state] [--skip-check]\n\n"
    "Upgrades a running Flink job to a new version of its spec, keeping its state:\n"
    "  1. the server's restore check (POST /api/v1/jobs/{id}/upgrade-check) says, operator by\n"
    "     operator, whether the new job can start from the old one's state; without a check the\n"
    "     upgrade stops here unless --skip-check;\n"
    "  2. the old job is stopped with a savepoint (if that fails, it keeps running);\n"
    "  3. the new version is submitted restoring from that savepoint, and must reach RUNNING.\n"
    "If 3 fails, the message names the savepoint to restart the old version from.\n"
    "  --allow-non-restored-state  accept state the new job drops (never incompatible state)\n"
    "Prints the new job's id on stdout. Exit: 0 upgraded, 1 not upgraded, 2 usage or I/O.\n";

/// Prints the check's verdicts; whether the upgrade may go on.
bool reportCheck(CliContext &ctx, const QJsonObject &check, bool allowDropped)
{
    bool incompatible = false, dropped = false;
    for (const QJsonValue &v : check.value(QLatin1String("operators")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString verdict = o.value(QLatin1String("verdict")).toString();
        incompatible |= verdict == QLatin1String("incompatible");
        dropped |= verdict == QLatin1String("dropped");
        ctx.err << "  " << verdict << "  " << o.value(QLatin1String("node")).toString();
        if (const QString reason = o.value(QLatin1String("reason")).toString(); !reason.isEmpty())
            ctx.err << ": " << reason;
        ctx.err << "\n";
    }
    if (check.value(QLatin1String("restorable")).toBool() && !incompatible)
        return true;
    return !incompatible && dropped && allowDropped;
}

} // namespace

int runUpgrade(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions() << QStringLiteral("target"),
                {QStringLiteral("help"), QStringLiteral("allow-non-restored-state"),
                 QStringLiteral("skip-check")});
    if (const int rc = prepareJobCommand(p, args, ctx, "upgrade", kHelp, 2); rc >= 0)
        return rc;
    const QString id = p.positional().at(0);
    const bool allowDropped = p.isSet(QStringLiteral("allow-non-restored-state"));
    SubmitRequest request;
    if (const int rc = buildSubmitRequest(p.positional().at(1), p, ctx, "upgrade", &request);
        rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl upgrade: " << e << "\n";
        return ExitUsage;
    }

    // 1. The restore check, decided by the engine on the server.
    if (p.isSet(QStringLiteral("skip-check"))) {
        ctx.err << "uisctl upgrade: restore check skipped (--skip-check)\n";
    } else {
        // The engine's check takes minutes; the other requests keep the usual timeout.
        const int usual = client.timeout();
        if (!p.isSet(QStringLiteral("timeout")))
            client.setTimeout(DcpClient::kUpgradeCheckTimeoutMs);
        std::unique_ptr<DcpReply> check(client.upgradeCheck(id, request.bodyToSend()));
        bool answered = CliLoop::await(check.get());
        if (!answered && check->error().code == QLatin1String("no_snapshot")) {
            // A young job has no checkpoint yet: a savepoint gives the check its state.
            client.setTimeout(usual);
            ctx.err << "uisctl upgrade: job " << id
                    << " has no snapshot yet; taking a savepoint for the check\n";
            std::unique_ptr<DcpReply> trigger(client.triggerSavepoint(id));
            if (!CliLoop::await(trigger.get()))
                return reportJobError(ctx, "upgrade", trigger->error());
            const auto taken = SavepointSupport::waitFor(
                client, id, trigger->json().value(QLatin1String("savepoint_id")).toString(), ctx,
                "upgrade");
            if (!taken ||
                taken->value(QLatin1String("status")).toString() != QLatin1String("COMPLETED")) {
                ctx.err << "uisctl upgrade: no savepoint to check; nothing was stopped\n";
                return ExitErrors;
            }
            if (!p.isSet(QStringLiteral("timeout")))
                client.setTimeout(DcpClient::kUpgradeCheckTimeoutMs);
            check.reset(client.upgradeCheck(id, request.bodyToSend()));
            answered = CliLoop::await(check.get());
        }
        client.setTimeout(usual);
        if (!answered) {
            const DcpError &e = check->error();
            if (e.httpStatus == 404 && e.code != QLatin1String("job_not_found")) {
                ctx.err << "uisctl upgrade: this server has no restore check (POST /api/v1/jobs/"
                        << id
                        << "/upgrade-check answered 404); nothing was stopped. Pass --skip-check "
                           "to upgrade "
                           "without it.\n";
                return ExitErrors;
            }
            ctx.err << "uisctl upgrade: the restore check failed; nothing was stopped\n";
            return reportJobError(ctx, "upgrade", e);
        }
        ctx.err << "uisctl upgrade: restore check of job " << id << ":\n";
        if (!reportCheck(ctx, check->json(), allowDropped)) {
            ctx.err << "uisctl upgrade: the new version cannot start from the state of job " << id
                    << "; nothing was stopped, the job keeps running"
                    << (allowDropped ? "\n"
                                     : " (--allow-non-restored-state accepts dropped state)\n");
            return ExitErrors;
        }
    }

    // 2. Stop with a savepoint: if that fails, the old job keeps running.
    std::unique_ptr<DcpReply> stop(client.stop(id, true, false));
    if (!CliLoop::await(stop.get())) {
        ctx.err << "uisctl upgrade: the stop was refused; job " << id << " keeps running\n";
        return reportJobError(ctx, "upgrade", stop->error());
    }
    const QString sid = stop->json().value(QLatin1String("savepoint_id")).toString();
    ctx.err << "uisctl upgrade: stopping job " << id << " with savepoint " << sid << "\n";
    ctx.err.flush();
    const auto sp = SavepointSupport::waitFor(client, id, sid, ctx, "upgrade");
    if (!sp || sp->value(QLatin1String("status")).toString() != QLatin1String("COMPLETED")) {
        ctx.err << "uisctl upgrade: the savepoint did not complete"
                << (sp ? QStringLiteral(" (%1)").arg(sp->value(QLatin1String("error")).toString())
                       : QString())
                << "; job " << id << " was not stopped and keeps running\n";
        return ExitErrors;
    }
    const QString path = sp->value(QLatin1String("path")).toString();
    const auto old = SavepointSupport::waitForJob(
        client, id, [](const JobStatus &s) { return isTerminal(s.state); }, 120);
    if (!old || !isTerminal(old->state)) {
        ctx.err << "uisctl upgrade: savepoint " << path << " is written but job " << id
                << " has not ended; nothing new was submitted\n";
        return ExitErrors;
    }
    ctx.err << "uisctl upgrade: job " << id << " " << jobStateName(old->state) << ", savepoint "
            << path << "\n";

    // 3. The new version, restoring from exactly that savepoint.
    const QString restartHint =
        QStringLiteral("the old job is stopped; restart the old version from savepoint %1 "
                       "with `uisctl submit OLD_SPEC --restore-from %1`")
            .arg(path);
    setRestore(&request, path, allowDropped, false);
    std::unique_ptr<DcpReply> submitted(client.submit(request.bodyToSend()));
    if (!CliLoop::await(submitted.get())) {
        ctx.err << "uisctl upgrade: the new version was not accepted: "
                << submitted->error().fullText() << "; " << restartHint << "\n";
        return ExitErrors;
    }
    const QString newId = submitted->submitResult().jobId;
    ctx.out << newId << "\n";
    ctx.out.flush();
    const auto now = SavepointSupport::waitForJob(
        client, newId,
        [](const JobStatus &s) { return s.state == JobState::Running || isTerminal(s.state); },
        300);
    if (!now || now->state != JobState::Running) {
        ctx.err << "uisctl upgrade: the new job " << newId << " did not start ("
                << (now ? jobStateName(now->state) +
                              (now->error.isEmpty() ? QString() : QStringLiteral(": ") + now->error)
                        : QStringLiteral("no answer"))
                << "); " << restartHint << "\n";
        return ExitErrors;
    }
    ctx.err << "uisctl upgrade: job " << newId << " RUNNING from savepoint " << path << " (was job "
            << id << ")\n";
    return ExitOk;
}

} // namespace uis::cli
