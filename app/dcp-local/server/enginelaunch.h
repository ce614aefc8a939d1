// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis::dcplocal {

class JobStore;

/// How jobs are run: the executables, where the runners are, and the limits.
struct RunnerConfig
{
    QString sparkSubmit; ///< --spark-submit; "" finds .venv/bin/spark-submit, then PATH
    QString flink;       ///< --flink; "" uses .venv/bin/python with the Flink runner
    QString runnersDir;  ///< "" uses UIS_RUNNERS_DIR, then <exe>/../../runners
    int maxConcurrent = 2;
    int killGraceMs = 10000;
};

/**
 * Where a job's process sends its work: today's local engines (the defaults), or a cluster that
 * an execution target names (targets/). The process is still a child of dcp-local: a Spark
 * driver in client mode, or the Flink runner that submits the job to a session cluster.
 */
struct LaunchOptions
{
    QString sparkMaster;       ///< "" runs Spark on local[*]
    QStringList flinkSettings; ///< `KEY=VALUE` Flink configuration passed to the runner (--set)
    bool remoteStatus = false; ///< the target, not the process start, decides when it is RUNNING
    bool unlimited = false;    ///< starts at once: --max-concurrent limits local engines only
};

/**
 * The command line that starts a job's engine: spark-submit with the UIS Spark runner, or the
 * Flink runner under the project's Python. When an engine, Java or a runner is missing, `error`
 * is the job's status error and `problems` the log lines that say what to install.
 */
struct EngineLaunch
{
    QString program;
    QStringList arguments;
    QStringList problems; ///< log lines explaining why it cannot run
    QString error;        ///< the status error when it cannot

    static EngineLaunch spark(const JobStore &store, const RunnerConfig &config, const QString &id,
                              const LaunchOptions &options);
    static EngineLaunch flink(const JobStore &store, const RunnerConfig &config, const QString &id,
                              const LaunchOptions &options);
    /// The command line as the job's log shows it (arguments quoted for a POSIX shell).
    QString commandLine() const;
    /// The project's .venv Python when it is there (PYSPARK_PYTHON of a local Spark job), or "".
    static QString venvPython(const RunnerConfig &config);
};

} // namespace uis::dcplocal
