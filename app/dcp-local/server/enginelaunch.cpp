// SPDX-License-Identifier: Apache-2.0
#include "enginelaunch.h"

#include "enginepaths.h"

#include "jobstore.h"
#include "snapshotsettings.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace uis::dcplocal {

namespace {

bool isExecutable(const QString &path)
{
    const QFileInfo fi(path);
    return fi.isFile() && fi.isExecutable();
}

// Unlike ShellQuote, `*` and `[]` stay plain: the log reads `--master local[*]`.
QString quoteArg(const QString &a)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./*\\[\\]-]+$"));
    if (plain.match(a).hasMatch())
        return a;
    QString q = a;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

} // namespace

EngineLaunch EngineLaunch::spark(const JobStore &store, const RunnerConfig &config,
                                 const QString &id, const LaunchOptions &options)
{
    EngineLaunch l;
    const QString runners = EnginePaths::runnersDir(config.runnersDir);
    const QString home = EnginePaths::enginesHome(runners);
    const JobRecord *rec = store.find(id);
    const QString configPath = store.jobDir(id) + QStringLiteral("/job-config.json");
    if (!QFileInfo::exists(configPath)) {
        l.error =
            QStringLiteral("dcp-local runs UIS jobs only: this job has no `config.uis.job_config`");
        l.problems << l.error
                   << QStringLiteral("compile the spec with `uisctl compile --target dcp-request` "
                                     "and submit that, or "
                                     "use a DCP cluster for CoreETL jobs");
        return l;
    }
    if (!config.sparkSubmit.isEmpty()) {
        if (!isExecutable(config.sparkSubmit)) {
            l.error = QStringLiteral("--spark-submit %1 is not an executable file")
                          .arg(config.sparkSubmit);
            l.problems << l.error;
            return l;
        }
        l.program = config.sparkSubmit;
    } else {
        l.program = EnginePaths::sparkSubmit(home);
        if (l.program.isEmpty()) {
            l.error = QStringLiteral("pyspark is not installed: %1")
                          .arg(EnginePaths::installHint(runners));
            l.problems << QStringLiteral(
                              "spark-submit was not found (looked in %1/.venv/bin and in PATH)")
                              .arg(home)
                       << QStringLiteral("pyspark is not installed: %1 (it sets up %2/.venv with "
                                         "pyspark), or start dcp-local with --spark-submit PATH")
                              .arg(EnginePaths::installHint(runners), home);
            return l;
        }
        if (!EnginePaths::javaAvailable()) {
            l.error = QStringLiteral("Java is not installed: Spark needs a JDK 17");
            l.problems << QStringLiteral("java was not found in PATH and JAVA_HOME is not set")
                       << QStringLiteral(
                              "install a JDK 17, e.g. `sudo apt install openjdk-17-jre-headless`");
            return l;
        }
    }
    const QString runner = runners + QStringLiteral("/spark/uis_spark_runner.py");
    if (!QFileInfo::exists(runner)) {
        l.error = QStringLiteral("the UIS Spark runner is missing (%1)").arg(runner);
        l.problems << l.error
                   << QStringLiteral("set UIS_RUNNERS_DIR to the runners/ folder of UIS Studio");
        return l;
    }

    QFile f(configPath);
    f.open(QIODevice::ReadOnly);
    const QJsonObject job = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject conf = job.value(QLatin1String("spark_config")).toObject();
    QString appName = conf.value(QLatin1String("spark.app.name")).toString();
    if (appName.isEmpty())
        appName = rec ? rec->status.name : id;
    l.arguments << QStringLiteral("--master")
                << (options.sparkMaster.isEmpty() ? QStringLiteral("local[*]")
                                                  : options.sparkMaster)
                << QStringLiteral("--deploy-mode") << QStringLiteral("client")
                << QStringLiteral("--name") << appName;
    // Connector jars from the project's cache keep a local run offline; --packages otherwise.
    const QStringList jars = EnginePaths::sparkJars(home);
    QStringList packages;
    for (const QJsonValue &p : job.value(QLatin1String("packages")).toArray())
        packages << p.toString();
    if (!jars.isEmpty())
        l.arguments << QStringLiteral("--jars") << jars.join(QLatin1Char(','));
    else if (!packages.isEmpty())
        l.arguments << QStringLiteral("--packages") << packages.join(QLatin1Char(','));
    // S3A on the class path in place rather than shipped with --jars: the SDK bundle is ~300 MB,
    // and the driver's class path is fixed when its JVM starts (executors: the runner adds it).
    const QStringList s3a = EnginePaths::s3aJars(home);
    const bool usesS3a = std::any_of(packages.cbegin(), packages.cend(), [](const QString &p) {
        return p.contains(QLatin1String("hadoop-aws"));
    });
    if (usesS3a && !s3a.isEmpty() && !jars.isEmpty())
        l.arguments << QStringLiteral("--driver-class-path") << s3a.join(QLatin1Char(':'));
    for (auto it = conf.begin(); it != conf.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("spark.app.name") || key == QLatin1String("spark.master") ||
            key == QLatin1String("spark.submit.deployMode") ||
            key.startsWith(QLatin1String("spark.kubernetes.")))
            continue;
        const QJsonValue v = it.value();
        const QString value = v.isString() ? v.toString()
                              : v.isBool()
                                  ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                  : QString::number(v.toDouble(), 'g', 15);
        l.arguments << QStringLiteral("--conf") << key + QLatin1Char('=') + value;
    }
    l.arguments << runner << QStringLiteral("--job-config") << configPath;
    return l;
}

EngineLaunch EngineLaunch::flink(const JobStore &store, const RunnerConfig &config,
                                 const QString &id, const LaunchOptions &options)
{
    EngineLaunch l;
    const QString runners = EnginePaths::runnersDir(config.runnersDir);
    const QString home = EnginePaths::enginesHome(runners);
    const QString sqlPath = store.jobDir(id) + QStringLiteral("/job.sql");
    if (!QFileInfo::exists(sqlPath)) {
        l.error = QStringLiteral("the job has no compiled Flink SQL");
        l.problems << l.error;
        return l;
    }
    if (!config.flink.isEmpty()) {
        if (!isExecutable(config.flink)) {
            l.error = QStringLiteral("--flink %1 is not an executable file").arg(config.flink);
            l.problems << l.error;
            return l;
        }
        l.program = config.flink;
    } else {
        const QString python = EnginePaths::venvPython(home);
        const bool havePyFlink = EnginePaths::venvHasPackage(home, QStringLiteral("pyflink"));
        if (!isExecutable(python) || !havePyFlink) {
            l.error = QStringLiteral("PyFlink is not installed: %1")
                          .arg(EnginePaths::installHint(runners));
            l.problems
                << QStringLiteral("PyFlink (apache-flink) was not found in %1/.venv").arg(home)
                << QStringLiteral("PyFlink is not installed: %1 (it sets up %2/.venv with "
                                  "apache-flink), or start dcp-local with --flink PATH")
                       .arg(EnginePaths::installHint(runners), home);
            return l;
        }
        if (!EnginePaths::javaAvailable()) {
            l.error = QStringLiteral("Java is not installed: Flink needs a JDK 17");
            l.problems << QStringLiteral("java was not found in PATH and JAVA_HOME is not set")
                       << QStringLiteral(
                              "install a JDK 17, e.g. `sudo apt install openjdk-17-jre-headless`");
            return l;
        }
        l.program = python;
    }
    const QString runner = runners + QStringLiteral("/flink/uis_flink_runner.py");
    if (!QFileInfo::exists(runner)) {
        l.error = QStringLiteral("the UIS Flink runner is missing (%1)").arg(runner);
        l.problems << l.error
                   << QStringLiteral("set UIS_RUNNERS_DIR to the runners/ folder of UIS Studio");
        return l;
    }
    l.arguments << runner << QStringLiteral("--sql") << sqlPath;
    // The compiled job names the spec's nodes: the runner reports rows per node under them.
    if (const QString job = store.jobDir(id) + QStringLiteral("/job-config.json");
        QFileInfo::exists(job))
        l.arguments << QStringLiteral("--spec-job") << job;
    // Where its checkpoints and savepoints go, and the state it starts from (decided at submit).
    for (const QString &kv : SnapshotSettings::load(store.jobDir(id)).flinkSettings())
        l.arguments << QStringLiteral("--set") << kv;
    for (const QString &kv : options.flinkSettings)
        l.arguments << QStringLiteral("--set") << kv;
    return l;
}

QString EngineLaunch::commandLine() const
{
    QStringList shown{quoteArg(program)};
    for (const QString &a : arguments)
        shown << quoteArg(a);
    return shown.join(QLatin1Char(' '));
}

QString EngineLaunch::venvPython(const RunnerConfig &config)
{
    const QString python = EnginePaths::venvPython(
        EnginePaths::enginesHome(EnginePaths::runnersDir(config.runnersDir)));
    return isExecutable(python) ? python : QString();
}

} // namespace uis::dcplocal
