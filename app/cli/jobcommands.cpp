// SPDX-License-Identifier: Apache-2.0
// uisctl submit / status / list / logs / cancel: the DCP job API from the command line. These
// commands need an event loop, so each creates its QCoreApplication (main() does not).
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "jobcommandsupport.h"
#include "metricsoutput.h"
#include "placeholderinput.h"
#include "schedulewait.h"

#include "dcpclient.h"
#include "environmentstore.h"
#include "jobfollower.h"
#include "localserverinfo.h"
#include "specloader.h"
#include "submitrequestbuilder.h"
#include "tokenstore.h"

#include "pipelinecompiler.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>
#include <memory>

namespace uis::cli {

namespace {

const char *const kCommon =
    "Where:\n"
    "  --env NAME     a named environment (local, staging, prod, …; default: the current one)\n"
    "  --url URL      a DCP base URL, e.g. http://127.0.0.1:8080 (instead of --env)\n"
    "  --timeout S    seconds per request (default 15)\n"
    "DCP_URL and DCP_TOKEN override the environment's URL and token (for CI). Tokens otherwise\n"
    "come from the OS keychain; `local` also reads the token of the running dcp-local.\n";

const char *const kSubmitHelp =
    "usage: uisctl submit FILE [--env NAME | --url URL] [--target NAME] [--wait] [--follow]\n"
    "                          [--once]\n"
    "                          [--dry-run] [--restore-from JOB|PATH [--allow-non-restored-state]]\n"
    "                          [--fresh]\n\n"
    "Validates and compiles a UIS spec (or takes a compiled dcp-request JSON) and submits it.\n"
    "Placeholders ({{name}}, {{env.X}}, {{secret.S:K}}) are resolved from the environment\n"
    "(NAME, X, UIS_SECRET_S_K), the keychain or a prompt, and sent apart from the job so that\n"
    "values are never stored.\n"
    "  --wait      wait until the job ends; exit 0 SUCCEEDED, 1 FAILED or CANCELLED. A\n"
    "              scheduled micro_batch job: until its first run ends, exit by that run\n"
    "              (the schedule goes on; the next run's time is printed)\n"
    "  --follow    print the job's log while it runs (implies --wait); a scheduled job: every\n"
    "              run's outcome until the job ends (Ctrl-C stops following, not the job)\n"
    "  --once      run a scheduled micro_batch spec a single time (tests, back-fills)\n"
    "  --dry-run   print the request with secrets masked and do not submit\n"
    "  --target NAME  run on this execution target of the server (`uisctl targets` lists\n"
    "                 them); default: the first one that runs the job's engine\n"
    "  --restore-from JOB|PATH  start from a job's state (its latest savepoint, else its latest\n"
    "                 retained checkpoint) or from a savepoint/checkpoint path\n"
    "  --allow-non-restored-state  with --restore-from: drop state the new job has no place for\n"
    "  --fresh        start without state (a Spark streaming job otherwise continues from the\n"
    "                 checkpoint of the last run of the same name)\n"
    "Prints the job id on stdout.\n";
const char *const kStatusHelp =
    "usage: uisctl status ID [--env NAME | --url URL] [--format text|json] [--metrics]\n\n"
    "Prints a job's status; --metrics adds the newest value of each of its metric series\n"
    "(rows/s per node, Kafka lag per partition, checkpoints; GET …/metrics).\n";
const char *const kListHelp =
    "usage: uisctl list [--env NAME | --url URL] [--status S] [--team T] [--user U]\n"
    "                   [--limit N] [--format text|json]\n\n"
    "Lists jobs, newest first.\n";
const char *const kLogsHelp =
    "usage: uisctl logs ID [--env NAME | --url URL] [--follow] [--offset BYTES]\n\n"
    "Prints a job's log; --follow keeps printing until the job ends.\n";
const char *const kCancelHelp =
    "usage: uisctl cancel ID [--env NAME | --url URL] [--wait]\n\n"
    "Cancels a job (SIGTERM, then SIGKILL after a grace period on dcp-local).\n"
    "Exit: 0 cancel accepted, 1 the job had already finished or does not exist.\n";

QStringList commonOptions()
{
    return {QStringLiteral("env"), QStringLiteral("url"), QStringLiteral("timeout"),
            QStringLiteral("format")};
}

/// Sets up the client from --env/--url and the environment; returns an error or "".
QString setupClient(const ArgParser &p, DcpClient *client, Environment *env)
{
    EnvironmentStore store;
    TokenStore tokens;
    if (p.isSet(QStringLiteral("env")) && p.isSet(QStringLiteral("url")))
        return QStringLiteral("give --env or --url, not both");
    const QString name = p.value(QStringLiteral("env"), store.current());
    if (p.isSet(QStringLiteral("env")) && !store.contains(name))
        return QStringLiteral("unknown environment `%1` (known: %2)")
            .arg(name, store.names().join(QStringLiteral(", ")));
    CliLoop loop;
    store.resolve(name, &tokens, &tokens, [&](const Environment &resolved) {
        *env = resolved;
        loop.quit();
    });
    loop.exec();
    if (p.isSet(QStringLiteral("url"))) {
        const QUrl url(p.value(QStringLiteral("url")));
        env->url = url;
        env->urlSource = QStringLiteral("--url");
        // A --url that is the local server's gets its token too.
        if (env->token.isEmpty() || env->tokenSource == QLatin1String("dcp-local token file")) {
            const auto running = LocalServerInfo::readRunning(store.localDataDir());
            if (running && running->url.port() == url.port() && running->url.host() == url.host()) {
                env->token = LocalServerInfo::readToken(store.localDataDir());
                env->tokenSource = QStringLiteral("dcp-local token file");
            } else if (env->tokenSource == QLatin1String("dcp-local token file")) {
                env->token.clear();
            }
        }
    }
    if (env->url.isEmpty()) {
        if (env->isLocal())
            return QStringLiteral("no dcp-local is running for %1: start one with `dcp-local` "
                                  "(the desktop app starts one itself), or pass --url")
                .arg(store.localDataDir());
        return QStringLiteral("environment `%1` has no URL").arg(name);
    }
    client->setEnvironment(*env);
    bool ok = true;
    const double timeout = p.value(QStringLiteral("timeout"), QStringLiteral("15")).toDouble(&ok);
    if (!ok || timeout <= 0)
        return QStringLiteral("--timeout expects a number of seconds");
    client->setTimeout(int(timeout * 1000));
    return QString();
}

int reportError(CliContext &ctx, const char *command, const DcpError &e)
{
    ctx.err << "uisctl " << command << ": " << e.fullText() << "\n";
    // Transport and configuration problems are I/O errors (2); what the API refused is 1.
    const bool io = e.kind == DcpError::Kind::Unreachable || e.kind == DcpError::Kind::Timeout ||
                    e.kind == DcpError::Kind::Tls || e.kind == DcpError::Kind::Config ||
                    e.kind == DcpError::Kind::Protocol || e.kind == DcpError::Kind::Server;
    return io ? ExitUsage : ExitErrors;
}

/// Parses and checks the common part; returns -1 to go on, or an exit code.
int prepare(ArgParser &p, const QStringList &args, CliContext &ctx, const char *command,
            const char *help, int positional)
{
    if (const auto exit =
            p.parseCommand(args, ctx, command, QString::fromUtf8(help) + QLatin1String(kCommon)))
        return *exit;
    // positional < 0: the command checks its own arguments (a verb and its operands).
    if (positional >= 0 && p.positional().size() != positional) {
        ctx.err << "uisctl " << command << ": expected " << positional << " argument"
                << (positional == 1 ? "" : "s") << "\n"
                << help;
        return ExitUsage;
    }
    const QString format = p.value(QStringLiteral("format"), QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        ctx.err << "uisctl " << command << ": --format must be text or json\n";
        return ExitUsage;
    }
    CliLoop::application();
    return -1;
}

QString formatTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"))
                       : QStringLiteral("-");
}

QString formatDuration(qint64 secs)
{
    if (secs < 0)
        return QStringLiteral("-");
    if (secs < 60)
        return QStringLiteral("%1s").arg(secs);
    if (secs < 3600)
        return QStringLiteral("%1m%2s").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m")
        .arg(secs / 3600)
        .arg((secs % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void printStatus(CliContext &ctx, const JobStatus &s)
{
    ctx.out << "job:          " << s.jobId << "\n"
            << "name:         " << s.name << "\n"
            << "status:       " << jobStateName(s.state) << "\n"
            << "engine:       " << s.engine << " ("
            << (s.engineState.isEmpty() ? QStringLiteral("-") : s.engineState) << ")\n"
            << "type:         " << s.jobType << "\n";
    if (!s.team.isEmpty())
        ctx.out << "team:         " << s.team << "\n";
    if (!s.user.isEmpty())
        ctx.out << "user:         " << s.user << "\n";
    ctx.out << "created:      " << formatTime(s.createdAt) << "\n"
            << "started:      " << formatTime(s.startedAt) << "\n"
            << "finished:     " << formatTime(s.finishedAt) << "\n"
            << "duration:     " << formatDuration(s.durationSecs()) << "\n";
    if (s.exitCode)
        ctx.out << "exit code:    " << *s.exitCode << "\n";
    if (!s.error.isEmpty())
        ctx.out << "error:        " << s.error << "\n";
    if (!s.uiUrl.isEmpty())
        ctx.out << "ui:           " << s.uiUrl << "\n";
    if (!s.target.isEmpty())
        ctx.out << "target:       " << s.target << "\n";
    if (!s.engineJobId.isEmpty())
        ctx.out << "engine id:    " << s.engineJobId << "\n";
    if (s.lastConfirmedAt.isValid())
        ctx.out << "confirmed:    " << formatTime(s.lastConfirmedAt) << "\n";
}

/// Follows a job until it ends; returns the final status. Prints logs when asked.
std::optional<JobStatus> follow(DcpClient &client, const QString &id, bool logs, CliContext &ctx,
                                qint64 offset = 0, bool announce = true)
{
    JobFollower f(&client, id);
    f.setFollowLogs(logs);
    f.setLogOffset(offset);
    f.setIntervals(250, 3000);
    f.setMaxFailures(20);
    CliLoop loop;
    std::optional<JobStatus> result;
    QObject::connect(&f, &JobFollower::statusUpdated, &f, [&](const JobStatus &s, bool changed) {
        if (changed && announce) {
            ctx.err << "uisctl: " << id << " " << jobStateName(s.state)
                    << (s.engineState.isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(s.engineState))
                    << "\n";
            ctx.err.flush();
        }
    });
    QObject::connect(&f, &JobFollower::logData, &f, [&](const QByteArray &data, qint64) {
        ctx.out.flush();
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        std::fflush(stdout);
    });
    QObject::connect(&f, &JobFollower::progress, &f, [&](const QString &m) {
        ctx.err << "uisctl: " << m << "\n";
        ctx.err.flush();
    });
    QObject::connect(&f, &JobFollower::finished, &f, [&](const JobStatus &s) {
        result = s;
        loop.quit();
    });
    QObject::connect(&f, &JobFollower::failed, &f, [&](const DcpError &e) {
        ctx.err << "uisctl: lost track of " << id << ": " << e.fullText() << "\n";
        loop.quit();
    });
    f.start();
    loop.exec();
    return result;
}

int exitForFinalState(CliContext &ctx, const JobStatus &s)
{
    ctx.err << "uisctl: job " << s.jobId << " " << jobStateName(s.state);
    if (!s.error.isEmpty())
        ctx.err << ": " << s.error;
    ctx.err << "\n";
    return s.state == JobState::Succeeded ? ExitOk : ExitErrors;
}

} // namespace

// A spec (validated and compiled, placeholders not yet resolved) or a compiled dcp-request as the
// body of a submit; shared with `uisctl upgrade-check`. Returns -1 to go on, or an exit code.
/// The request for a spec file (compiled) or for a compiled request file; placeholders not yet
/// resolved. `uisctl upgrade-check` needs no more.
int compileSubmitRequest(const QString &file, CliContext &ctx, const char *command,
                         SubmitRequest *request)
{
    QFile raw(file);
    raw.open(QIODevice::ReadOnly);
    const QJsonObject asJson = QJsonDocument::fromJson(raw.readAll()).object();
    if (asJson.value(QLatin1String("config")).isObject() &&
        !asJson.contains(QLatin1String("provider"))) {
        // Already a compiled request (`uisctl compile --target dcp-request`).
        request->body = asJson;
        request->engine = asJson.value(QLatin1String("config"))
                              .toObject()
                              .value(QLatin1String("engine"))
                              .toString(QStringLiteral("spark"));
    } else {
        const LoadedSpec loaded = SpecLoader::loadFile(file);
        for (const Diagnostic &d : loaded.diagnostics) {
            if (d.severity != Severity::Info)
                ctx.err << formatDiagnostic(file, d) << "\n";
        }
        if (!loaded.valid()) {
            ctx.err << "uisctl " << command << ": " << file << " has errors; nothing was "
                    << (qstrcmp(command, "submit") == 0 ? "submitted" : "checked") << "\n";
            return loaded.parsed() ? ExitErrors : ExitUsage;
        }
        QHash<QString, QByteArray> artifacts;
        CompileOptions options;
        options.master = QStringLiteral("local[*]");
        const CompileResult compiled = PipelineCompiler::compile(loaded, Engine::None, options);
        for (const Diagnostic &d : compiled.diagnostics) {
            if (d.severity == Severity::Error)
                ctx.err << formatDiagnostic(file, d) << "\n";
        }
        if (!compiled.succeeded()) {
            ctx.err << "uisctl " << command << ": " << file << " does not compile; nothing was "
                    << (qstrcmp(command, "submit") == 0 ? "submitted" : "checked") << "\n";
            return ExitErrors;
        }
        for (const Artifact &a : compiled.artifacts)
            artifacts.insert(a.target, a.content);
        if (const QString e = SubmitRequestBuilder::build(loaded, artifacts, request);
            !e.isEmpty()) {
            ctx.err << "uisctl " << command << ": " << e << "\n";
            return ExitErrors;
        }
    }

    return -1;
}

// The plumbing of the job commands, shared with `uisctl targets` (targetscommand.cpp).
QStringList jobCommonOptions()
{
    return commonOptions();
}

int prepareJobCommand(ArgParser &p, const QStringList &args, CliContext &ctx, const char *command,
                      const char *help, int positional)
{
    return prepare(p, args, ctx, command, help, positional);
}

QString setupJobClient(const ArgParser &p, DcpClient *client, Environment *env)
{
    return setupClient(p, client, env);
}

int reportJobError(CliContext &ctx, const char *command, const DcpError &e)
{
    return reportError(ctx, command, e);
}

int buildSubmitRequest(const QString &file, const ArgParser &p, CliContext &ctx,
                       const char *command, SubmitRequest *out)
{
    if (!QFileInfo(file).isFile()) {
        ctx.err << "uisctl " << command << ": " << file << ": no such file\n";
        return ExitUsage;
    }
    SubmitRequest &request = *out;
    if (const int rc = compileSubmitRequest(file, ctx, command, &request); rc >= 0)
        return rc;

    if (p.isSet(QStringLiteral("target"))) {
        const QString target = p.value(QStringLiteral("target")).trimmed();
        if (target.isEmpty()) {
            ctx.err << "uisctl " << command
                    << ": --target expects the name of one of the server's targets\n";
            return ExitUsage;
        }
        request.target = target;
    }

    // Placeholders: environment first, then the keychain, then a prompt on a terminal.
    SubmitRequestBuilder::resolveFromEnvironment(&request);
    if (!request.missing().isEmpty() && !p.isSet(QStringLiteral("dry-run"))) {
        const QHash<QString, QString> found = placeholderValues(request.missing(), ctx);
        for (auto it = found.cbegin(); it != found.cend(); ++it)
            request.values.insert(it.key(), it.value());
    }
    if (!p.isSet(QStringLiteral("dry-run"))) {
        if (const auto missing = request.missing(); !missing.isEmpty()) {
            for (const Placeholder &ph : missing)
                ctx.err << "uisctl " << command << ": placeholder " << ph.text
                        << " has no value: set " << SubmitRequestBuilder::variableFor(ph) << "\n";
            return ExitErrors;
        }
    }
    return -1;
}

void setRestore(SubmitRequest *request, const QString &from, bool allowNonRestoredState, bool fresh)
{
    QJsonObject restore;
    if (fresh) {
        restore.insert(QStringLiteral("fresh"), true);
    } else if (!from.isEmpty()) {
        // A job id names the job (its latest savepoint, else its retained checkpoint); anything
        // else is a savepoint or checkpoint location, made absolute when it is a local folder.
        const bool isJob =
            from.startsWith(QLatin1String("job-")) && !from.contains(QLatin1Char('/'));
        if (isJob)
            restore.insert(QStringLiteral("from_job"), from);
        else
            restore.insert(QStringLiteral("path"),
                           from.contains(QLatin1String(":/")) || !QFileInfo::exists(from)
                               ? from
                               : QFileInfo(from).absoluteFilePath());
    }
    if (restore.isEmpty())
        return;
    if (allowNonRestoredState)
        restore.insert(QStringLiteral("allow_non_restored_state"), true);
    QJsonObject config = request->body.value(QLatin1String("config")).toObject();
    config.insert(QStringLiteral("restore"), restore);
    request->body.insert(QStringLiteral("config"), config);
}

/// `--once`: the compiled job without its schedule, so the server runs it a single time.
static void runOnce(SubmitRequest *request)
{
    QJsonObject config = request->body.value(QLatin1String("config")).toObject();
    QJsonObject uis = config.value(QLatin1String("uis")).toObject();
    QJsonObject job = uis.value(QLatin1String("job_config")).toObject();
    job.remove(QStringLiteral("schedule"));
    uis.insert(QStringLiteral("job_config"), job);
    config.insert(QStringLiteral("uis"), uis);
    request->body.insert(QStringLiteral("config"), config);
}

std::optional<JobStatus> followJob(DcpClient &client, const QString &id, CliContext &ctx)
{
    return follow(client, id, false, ctx);
}

int runSubmit(const QStringList &args, CliContext &ctx)
{
    ArgParser p(commonOptions() << QStringLiteral("target") << QStringLiteral("restore-from"),
                {QStringLiteral("help"), QStringLiteral("wait"), QStringLiteral("follow"),
                 QStringLiteral("dry-run"), QStringLiteral("allow-non-restored-state"),
                 QStringLiteral("fresh"), QStringLiteral("once")});
    if (const int rc = prepare(p, args, ctx, "submit", kSubmitHelp, 1); rc >= 0)
        return rc;
    if (p.isSet(QStringLiteral("fresh")) && p.isSet(QStringLiteral("restore-from"))) {
        ctx.err << "uisctl submit: give --restore-from or --fresh, not both\n";
        return ExitUsage;
    }
    SubmitRequest request;
    if (const int rc = buildSubmitRequest(p.positional().first(), p, ctx, "submit", &request);
        rc >= 0)
        return rc;
    setRestore(&request, p.value(QStringLiteral("restore-from")).trimmed(),
               p.isSet(QStringLiteral("allow-non-restored-state")),
               p.isSet(QStringLiteral("fresh")));
    if (p.isSet(QStringLiteral("once")))
        runOnce(&request);
    if (p.isSet(QStringLiteral("dry-run"))) {
        ctx.out << request.maskedPreview();
        return ExitOk;
    }
    DcpClient client;
    Environment env;
    if (const QString e = setupClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl submit: " << e << "\n";
        return ExitUsage;
    }
    std::unique_ptr<DcpReply> reply(client.submit(request.bodyToSend()));
    QObject::connect(reply.get(), &DcpReply::progress, [&ctx](const QString &m) {
        ctx.err << "uisctl submit: " << m << "\n";
        ctx.err.flush();
    });
    if (!CliLoop::await(reply.get()))
        return reportError(ctx, "submit", reply->error());
    const SubmitResult r = reply->submitResult();
    ctx.out << r.jobId << "\n";
    ctx.out.flush();
    ctx.err << "uisctl submit: job " << r.jobId << " " << jobStateName(r.state) << " on "
            << env.name << " (" << client.baseUrl().toString() << ")\n";
    ctx.err.flush();
    if (!p.isSet(QStringLiteral("wait")) && !p.isSet(QStringLiteral("follow")))
        return ExitOk;
    if (const int rc =
            waitForScheduledRuns(client, r.jobId, p.isSet(QStringLiteral("follow")), ctx);
        rc >= 0)
        return rc;
    const auto final = follow(client, r.jobId, p.isSet(QStringLiteral("follow")), ctx);
    if (!final)
        return ExitUsage;
    return exitForFinalState(ctx, *final);
}

int runStatus(const QStringList &args, CliContext &ctx)
{
    ArgParser p(commonOptions(), {QStringLiteral("help"), QStringLiteral("metrics")});
    if (const int rc = prepare(p, args, ctx, "status", kStatusHelp, 1); rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl status: " << e << "\n";
        return ExitUsage;
    }
    std::unique_ptr<DcpReply> reply(client.get(p.positional().first()));
    if (!CliLoop::await(reply.get()))
        return reportError(ctx, "status", reply->error());
    std::unique_ptr<DcpReply> metrics;
    if (p.isSet(QStringLiteral("metrics"))) {
        metrics.reset(client.metrics(p.positional().first()));
        if (!CliLoop::await(metrics.get()))
            return reportError(ctx, "status", metrics->error());
    }
    if (p.value(QStringLiteral("format")) == QLatin1String("json")) {
        QJsonObject o = reply->json();
        if (metrics)
            o.insert(QStringLiteral("metrics"), metrics->json());
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        printStatus(ctx, reply->status());
        if (metrics)
            printLatestMetrics(ctx.out, metrics->json());
    }
    return ExitOk;
}

int runList(const QStringList &args, CliContext &ctx)
{
    QStringList options = commonOptions();
    options << QStringLiteral("status") << QStringLiteral("team") << QStringLiteral("user")
            << QStringLiteral("limit");
    ArgParser p(options, {QStringLiteral("help")});
    if (const int rc = prepare(p, args, ctx, "list", kListHelp, 0); rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl list: " << e << "\n";
        return ExitUsage;
    }
    JobListQuery q;
    q.status = p.value(QStringLiteral("status")).toUpper();
    q.team = p.value(QStringLiteral("team"));
    q.user = p.value(QStringLiteral("user"));
    q.limit = p.value(QStringLiteral("limit"), QStringLiteral("50")).toInt();
    if (q.limit < 1) {
        ctx.err << "uisctl list: --limit expects a positive number\n";
        return ExitUsage;
    }
    std::unique_ptr<DcpReply> reply(client.list(q));
    if (!CliLoop::await(reply.get()))
        return reportError(ctx, "list", reply->error());
    if (p.value(QStringLiteral("format")) == QLatin1String("json")) {
        ctx.out << QJsonDocument(reply->json()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const JobList list = reply->jobList();
    ctx.out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                   .arg(QStringLiteral("ID"), -20)
                   .arg(QStringLiteral("NAME"), -28)
                   .arg(QStringLiteral("ENGINE"), -6)
                   .arg(QStringLiteral("STATUS"), -9)
                   .arg(QStringLiteral("ENGINE STATE"), -12)
                   .arg(QStringLiteral("CREATED"), -20)
                   .arg(QStringLiteral("DURATION"));
    for (const JobStatus &s : list.jobs) {
        ctx.out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                       .arg(s.jobId, -20)
                       .arg(s.name.left(28), -28)
                       .arg(s.engine, -6)
                       .arg(jobStateName(s.state), -9)
                       .arg(s.engineState.isEmpty() ? QStringLiteral("-") : s.engineState, -12)
                       .arg(formatTime(s.createdAt), -20)
                       .arg(formatDuration(s.durationSecs()));
    }
    if (!list.nextCursor.isEmpty())
        ctx.err << "uisctl list: more jobs exist; raise --limit (at most 500) to see them\n";
    return ExitOk;
}

int runLogs(const QStringList &args, CliContext &ctx)
{
    QStringList options = commonOptions();
    options << QStringLiteral("offset");
    ArgParser p(options, {QStringLiteral("help"), QStringLiteral("follow")});
    if (const int rc = prepare(p, args, ctx, "logs", kLogsHelp, 1); rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl logs: " << e << "\n";
        return ExitUsage;
    }
    const QString id = p.positional().first();
    qint64 offset = p.value(QStringLiteral("offset"), QStringLiteral("0")).toLongLong();
    if (p.isSet(QStringLiteral("follow"))) {
        const auto final = follow(client, id, true, ctx, offset, false);
        return final ? ExitOk : ExitErrors;
    }
    ctx.out.flush();
    for (;;) {
        std::unique_ptr<DcpReply> reply(client.logs(id, offset, 1024 * 1024));
        if (!CliLoop::await(reply.get()))
            return reportError(ctx, "logs", reply->error());
        const LogChunk c = reply->logChunk();
        std::fwrite(c.data.constData(), 1, size_t(c.data.size()), stdout);
        if (c.nextOffset <= offset || c.complete)
            break;
        offset = c.nextOffset;
    }
    std::fflush(stdout);
    return ExitOk;
}

int runCancel(const QStringList &args, CliContext &ctx)
{
    ArgParser p(commonOptions(), {QStringLiteral("help"), QStringLiteral("wait")});
    if (const int rc = prepare(p, args, ctx, "cancel", kCancelHelp, 1); rc >= 0)
        return rc;
    DcpClient client;
    Environment env;
    if (const QString e = setupClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl cancel: " << e << "\n";
        return ExitUsage;
    }
    const QString id = p.positional().first();
    std::unique_ptr<DcpReply> reply(client.cancel(id));
    if (!CliLoop::await(reply.get()))
        return reportError(ctx, "cancel", reply->error());
    const JobStatus s = reply->status();
    if (s.state == JobState::Cancelled)
        ctx.err << "uisctl cancel: job " << id << " CANCELLED\n";
    else
        ctx.err << "uisctl cancel: cancel of job " << id << " accepted; it is "
                << jobStateName(s.state) << " until its process has stopped\n";
    if (p.isSet(QStringLiteral("wait")) && !isTerminal(s.state)) {
        const auto final = follow(client, id, false, ctx);
        if (!final)
            return ExitUsage;
        ctx.err << "uisctl cancel: job " << id << " " << jobStateName(final->state) << "\n";
    }
    return ExitOk;
}

} // namespace uis::cli
