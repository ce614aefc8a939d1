// SPDX-License-Identifier: Apache-2.0
#include "clicontext.h"

namespace uis::cli {

int runValidate(const QStringList &args, CliContext &ctx);
int runSchema(const QStringList &args, CliContext &ctx);
int runFmt(const QStringList &args, CliContext &ctx);
int runConvert(const QStringList &args, CliContext &ctx);
int runCompile(const QStringList &args, CliContext &ctx);
int runDiff(const QStringList &args, CliContext &ctx);
int runSubmit(const QStringList &args, CliContext &ctx);
int runStatus(const QStringList &args, CliContext &ctx);
int runList(const QStringList &args, CliContext &ctx);
int runLogs(const QStringList &args, CliContext &ctx);
int runCancel(const QStringList &args, CliContext &ctx);
int runSavepoint(const QStringList &args, CliContext &ctx);
int runSavepoints(const QStringList &args, CliContext &ctx);
int runStop(const QStringList &args, CliContext &ctx);
int runUpgrade(const QStringList &args, CliContext &ctx);
int runPlatform(const QStringList &args, CliContext &ctx);
int runTargets(const QStringList &args, CliContext &ctx);
int runAlerts(const QStringList &args, CliContext &ctx);
int runTop(const QStringList &args, CliContext &ctx);
int runTest(const QStringList &args, CliContext &ctx);
int runUpgradeCheck(const QStringList &args, CliContext &ctx);
int runSample(const QStringList &args, CliContext &ctx);
int runPreview(const QStringList &args, CliContext &ctx);
int runSessions(const QStringList &args, CliContext &ctx);
int runEngines(const QStringList &args, CliContext &ctx);

const QList<Command> &commands()
{
    static const QList<Command> table{
        {"validate", "Check specs and print diagnostics", runValidate},
        {"compile", "Compile a spec to Spark, Flink or DCP artifacts", runCompile},
        {"sample", "Print an endpoint's records, infer its schema and pagination, or check drift",
         runSample},
        {"preview", "Print each node's first rows (warm engine sessions when it can)", runPreview},
        {"sessions", "Show, start or stop the warm engine sessions previews share", runSessions},
        {"test", "Run the golden-data cases of a spec's tests file on the real engines", runTest},
        {"diff", "Show what a spec change does to the spec and every compiled artifact", runDiff},
        {"submit", "Validate, compile and submit a spec to a DCP environment", runSubmit},
        {"status", "Print the status of a job", runStatus},
        {"list", "List jobs, newest first", runList},
        {"logs", "Print (or --follow) a job's log", runLogs},
        {"cancel", "Cancel a job", runCancel},
        {"savepoint", "Trigger a savepoint of a running Flink job", runSavepoint},
        {"savepoints", "List (or --delete) a job's savepoints and retained checkpoint",
         runSavepoints},
        {"stop", "Stop a Flink job with a savepoint (--savepoint [--drain])", runStop},
        {"upgrade", "Check, stop with a savepoint and resubmit a job restoring its state",
         runUpgrade},
        {"upgrade-check",
         "Say whether a new version can start from a job's state (the engine decides)",
         runUpgradeCheck},
        {"targets", "List the server's execution targets and their clusters' figures", runTargets},
        {"alerts", "List the server's alerts and their deliveries, or send a test message",
         runAlerts},
        {"top", "A live table of the running jobs: rate, Kafka lag, restarts, last checkpoint",
         runTop},
        {"fmt", "Normalize a spec's key order and layout", runFmt},
        {"convert", "Convert a spec between YAML and JSON", runConvert},
        {"schema", "Print the JSON Schema of UIS 1.1", runSchema},
        {"platform", "Start, inspect or stop a local Flink, Spark, Kafka and S3 platform",
         runPlatform},
        {"engines", "Install, check or remove the engines an installed UIS Studio runs on",
         runEngines},
    };
    return table;
}

} // namespace uis::cli
