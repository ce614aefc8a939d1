// SPDX-License-Identifier: Apache-2.0
#include "jobrunner.h"

#include "enginepaths.h"

#include "jobstore.h"
#include "microbatchschedule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace uis::dcplocal {

namespace {

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString writePrivate(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    f.setPermissions(kOwnerOnly);
    if (!f.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return QString();
}

bool isExecutable(const QString &path)
{
    const QFileInfo fi(path);
    return fi.isFile() && fi.isExecutable();
}

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

QByteArray JobRunner::logLine(const QString &text)
{
    return (QStringLiteral("dcp-local: ") + text + QLatin1Char('\n')).toUtf8();
}

int JobRunner::localRunningCount() const
{
    int n = 0;
    for (const Running *r : m_running)
        n += r->unlimited ? 0 : 1;
    return n;
}

JobRunner::JobRunner(JobStore *store, RunnerConfig config, QObject *parent)
    : QObject(parent), m_store(store), m_config(std::move(config)),
      m_schedules(new MicroBatchScheduler(this))
{
    m_config.maxConcurrent = qMax(1, m_config.maxConcurrent);
    // The next run of a scheduled micro-batch job waits for a slot like any job.
    connect(m_schedules, &MicroBatchScheduler::due, this,
            [this](const QString &id) { enqueue(id, m_options.take(id)); });
}

JobRunner::~JobRunner()
{
    // Last resort (normal shutdown goes through shutdown()): never leave process groups behind.
    for (Running *r : std::as_const(m_running)) {
        signalGroup(r, SIGKILL);
        r->process->disconnect(this);
        r->process->waitForFinished(2000);
        delete r->process;
        delete r->log;
        delete r;
    }
}

QString JobRunner::runnersDir() const
{
    return EnginePaths::runnersDir(m_config.runnersDir);
}

QString JobRunner::projectDir() const
{
    return EnginePaths::projectDir(runnersDir());
}

QString JobRunner::submit(const QString &id, const JobRequest &request, const LaunchOptions &options)
{
    const QString dir = m_store->jobDir(id);
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create %1").arg(dir);
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!request.jobConfig.isEmpty()) {
        if (const QString e =
                writePrivate(dir + QStringLiteral("/job-config.json"),
                             QJsonDocument(request.jobConfig).toJson(QJsonDocument::Indented));
            !e.isEmpty())
            return e;
    }
    if (!request.flinkSql.isEmpty()) {
        if (const QString e =
                writePrivate(dir + QStringLiteral("/job.sql"), request.flinkSql.toUtf8());
            !e.isEmpty())
            return e;
    }
    QFile log(m_store->logPath(id));
    if (!log.open(QIODevice::WriteOnly | QIODevice::Append, kOwnerOnly))
        return QStringLiteral("cannot create the log %1: %2")
            .arg(log.fileName(), log.errorString());
    log.write(options.unlimited
                  ? logLine(QStringLiteral("job %1 accepted (%2, %3)").arg(id, request.engine, request.jobType))
                  : logLine(QStringLiteral("job %1 accepted (%2, %3); waiting for a slot (max %4 running)")
                                .arg(id, request.engine, request.jobType)
                                .arg(m_config.maxConcurrent)));
    log.close();
    if (!request.runtimeEnv.isEmpty())
        m_runtimeEnv.insert(id, request.runtimeEnv);
    enqueue(id, options);
    return QString();
}

void JobRunner::requeue(const QString &id, const LaunchOptions &options)
{
    appendLog(id, logLine(QStringLiteral("queued again after a restart of dcp-local")));
    enqueue(id, options);
}

void JobRunner::enqueue(const QString &id, const LaunchOptions &options)
{
    if (options.unlimited || !options.sparkMaster.isEmpty() || !options.flinkSettings.isEmpty() ||
        options.remoteStatus)
        m_options.insert(id, options);
    if (options.unlimited) {
        QTimer::singleShot(0, this, [this, id] {
            if (!m_shuttingDown && !m_running.contains(id))
                startJob(id);
        });
        return;
    }
    m_queue.append(id);
    QTimer::singleShot(0, this, &JobRunner::startNext);
}

void JobRunner::appendLog(const QString &id, const QByteArray &text)
{
    if (Running *r = m_running.value(id); r && r->log) {
        r->log->write(text);
        r->log->flush();
        return;
    }
    QFile log(m_store->logPath(id));
    if (log.open(QIODevice::WriteOnly | QIODevice::Append, kOwnerOnly))
        log.write(text);
}

void JobRunner::startNext()
{
    while (!m_shuttingDown && !m_queue.isEmpty() && localRunningCount() < m_config.maxConcurrent)
        startJob(m_queue.takeFirst());
}

JobRunner::Launch JobRunner::prepareSpark(const QString &id, const LaunchOptions &options) const
{
    Launch l;
    const QString project = projectDir();
    const JobRecord *rec = m_store->find(id);
    const QString configPath = m_store->jobDir(id) + QStringLiteral("/job-config.json");
    if (!QFileInfo::exists(configPath)) {
        l.error =
            QStringLiteral("dcp-local runs UIS jobs only: this job has no `config.uis.job_config`");
        l.problems << l.error
                   << QStringLiteral("compile the spec with `uisctl compile --target dcp-request` "
                                     "and submit that, or "
                                     "use a DCP cluster for CoreETL jobs");
        return l;
    }
    if (!m_config.sparkSubmit.isEmpty()) {
        if (!isExecutable(m_config.sparkSubmit)) {
            l.error = QStringLiteral("--spark-submit %1 is not an executable file")
                          .arg(m_config.sparkSubmit);
            l.problems << l.error;
            return l;
        }
        l.program = m_config.sparkSubmit;
    } else {
        l.program = EnginePaths::sparkSubmit(project);
        if (l.program.isEmpty()) {
            l.error = QStringLiteral("pyspark is not installed: run `make deps`");
            l.problems
                << QStringLiteral("spark-submit was not found (looked in %1/.venv/bin and in PATH)")
                       .arg(project)
                << QStringLiteral(
                       "pyspark is not installed: run `make deps` in %1 (it sets up .venv with "
                       "pyspark), or start dcp-local with --spark-submit PATH")
                       .arg(project);
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
    const QString runner = runnersDir() + QStringLiteral("/spark/uis_spark_runner.py");
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
                << (options.sparkMaster.isEmpty() ? QStringLiteral("local[*]") : options.sparkMaster)
                << QStringLiteral("--deploy-mode") << QStringLiteral("client")
                << QStringLiteral("--name") << appName;
    // Connector jars from the project's cache keep a local run offline; --packages otherwise.
    const QStringList jars = EnginePaths::sparkJars(project);
    QStringList packages;
    for (const QJsonValue &p : job.value(QLatin1String("packages")).toArray())
        packages << p.toString();
    if (!jars.isEmpty())
        l.arguments << QStringLiteral("--jars") << jars.join(QLatin1Char(','));
    else if (!packages.isEmpty())
        l.arguments << QStringLiteral("--packages") << packages.join(QLatin1Char(','));
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

JobRunner::Launch JobRunner::prepareFlink(const QString &id, const LaunchOptions &options) const
{
    Launch l;
    const QString project = projectDir();
    const QString sqlPath = m_store->jobDir(id) + QStringLiteral("/job.sql");
    if (!QFileInfo::exists(sqlPath)) {
        l.error = QStringLiteral("the job has no compiled Flink SQL");
        l.problems << l.error;
        return l;
    }
    if (!m_config.flink.isEmpty()) {
        if (!isExecutable(m_config.flink)) {
            l.error = QStringLiteral("--flink %1 is not an executable file").arg(m_config.flink);
            l.problems << l.error;
            return l;
        }
        l.program = m_config.flink;
    } else {
        const QString python = EnginePaths::venvPython(project);
        const bool havePyFlink = EnginePaths::venvHasPackage(project, QStringLiteral("pyflink"));
        if (!isExecutable(python) || !havePyFlink) {
            l.error = QStringLiteral("PyFlink is not installed: run `make deps`");
            l.problems
                << QStringLiteral("PyFlink (apache-flink) was not found in %1/.venv").arg(project)
                << QStringLiteral(
                       "PyFlink is not installed: run `make deps` in %1 (it sets up .venv with "
                       "apache-flink), or start dcp-local with --flink PATH")
                       .arg(project);
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
    const QString runner = runnersDir() + QStringLiteral("/flink/uis_flink_runner.py");
    if (!QFileInfo::exists(runner)) {
        l.error = QStringLiteral("the UIS Flink runner is missing (%1)").arg(runner);
        l.problems << l.error
                   << QStringLiteral("set UIS_RUNNERS_DIR to the runners/ folder of UIS Studio");
        return l;
    }
    l.arguments << runner << QStringLiteral("--sql") << sqlPath;
    for (const QString &kv : options.flinkSettings)
        l.arguments << QStringLiteral("--set") << kv;
    return l;
}

void JobRunner::startJob(const QString &id)
{
    const JobRecord *rec = m_store->find(id);
    if (!rec || isTerminal(rec->status.state))
        return;
    JobStatus s = rec->status;
    const bool flink = s.engine == QLatin1String("flink");
    const LaunchOptions options = m_options.take(id);
    const Launch launch = flink ? prepareFlink(id, options) : prepareSpark(id, options);
    if (!launch.error.isEmpty()) {
        QByteArray text;
        for (const QString &p : launch.problems)
            text += logLine(p);
        text += logLine(QStringLiteral("job FAILED before it started"));
        appendLog(id, text);
        s.state = JobState::Failed;
        s.engineState = QStringLiteral("NOT_STARTED");
        s.finishedAt = QDateTime::currentDateTimeUtc();
        s.error = launch.error;
        setStatus(id, s);
        m_runtimeEnv.remove(id);
        QTimer::singleShot(0, this, &JobRunner::startNext);
        return;
    }

    auto *r = new Running;
    r->unlimited = options.unlimited;
    r->log = new QFile(m_store->logPath(id));
    r->log->open(QIODevice::WriteOnly | QIODevice::Append, kOwnerOnly);
    QByteArray runHead;
    const int runNo = flink ? 0
                          : m_schedules->runStarting(
                                id, m_store->jobDir(id) + QStringLiteral("/job-config.json"), &runHead);
    r->log->write(runHead);
    QStringList shown{quoteArg(launch.program)};
    for (const QString &a : launch.arguments)
        shown << quoteArg(a);
    r->log->write(logLine(QStringLiteral("starting: ") + shown.join(QLatin1Char(' '))));
    r->log->flush();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("UIS_JOB_ID"), id);
    env.insert(QStringLiteral("UIS_JOB_DIR"), m_store->jobDir(id));
    // Streaming checkpoints belong to this server's data, not to a /tmp folder shared by every
    // run of the same app name (a second run would resume from another's offsets).
    if (!env.contains(QStringLiteral("UIS_CHECKPOINT_DIR")))
        env.insert(QStringLiteral("UIS_CHECKPOINT_DIR"),
                   m_store->jobDir(id) + QStringLiteral("/checkpoints"));
    const QString venvPython = projectDir() + QStringLiteral("/.venv/bin/python");
    if (!flink && isExecutable(venvPython) && !env.contains(QStringLiteral("PYSPARK_PYTHON")))
        env.insert(QStringLiteral("PYSPARK_PYTHON"), venvPython);
    const auto runtime = m_runtimeEnv.take(id);
    if (runNo > 0) { // a schedule's next run needs the same environment and target options
        m_runtimeEnv.insert(id, runtime);
        m_options.insert(id, options);
    }
    for (auto it = runtime.begin(); it != runtime.end(); ++it)
        env.insert(it.key(), it.value());

    auto *p = new QProcess(this);
    r->process = p;
    p->setProgram(launch.program);
    p->setArguments(launch.arguments);
    p->setWorkingDirectory(m_store->jobDir(id));
    p->setProcessEnvironment(env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->setStandardInputFile(QProcess::nullDevice());
    // Own process group, so that cancel reaches the engine's children (the JVM, Python workers);
    // and if dcp-local dies, the job gets SIGTERM instead of running on unobserved.
    p->setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    m_running.insert(id, r);

    connect(p, &QProcess::readyRead, this, [this, id] { onOutput(id); });
    const bool remoteStatus = options.remoteStatus;
    connect(p, &QProcess::started, this, [this, id, flink, remoteStatus] {
        Running *run = m_running.value(id);
        const JobRecord *cur = m_store->find(id);
        if (!run || !cur)
            return;
        run->pgid = run->process->processId();
        if (remoteStatus)
            return; // the cluster says when the job runs
        JobStatus st = cur->status;
        st.state = JobState::Running;
        const int n = m_schedules->runNumber(id);
        st.engineState = n > 0 ? QStringLiteral("RUNNING (run %1)").arg(n) : QStringLiteral("RUNNING");
        setStatus(id, st);
        Q_UNUSED(flink)
    });
    connect(p, &QProcess::finished, this, [this, id](int code, QProcess::ExitStatus status) {
        onFinished(id, code, status == QProcess::CrashExit);
    });
    connect(p, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            Running *run = m_running.value(id);
            onStartFailed(id, run ? run->process->errorString() : QString());
        }
    });

    if (runNo > 1) { // the next run of a schedule: the job stays RUNNING between runs
        s.engineState = QStringLiteral("SUBMITTED (run %1)").arg(runNo);
    } else {
        s.state = JobState::Submitted;
        s.engineState = flink ? QStringLiteral("CREATED") : QStringLiteral("SUBMITTED");
        s.startedAt = QDateTime::currentDateTimeUtc();
    }
    setStatus(id, s);
    p->start();
}

void JobRunner::onOutput(const QString &id)
{
    Running *r = m_running.value(id);
    if (!r)
        return;
    const QByteArray data = r->process->readAll();
    if (data.isEmpty())
        return;
    r->log->write(data);
    r->log->flush();
    // Look at whole lines only for the few things the status shows.
    QByteArray text = r->partialLine + data;
    const qsizetype lastNl = text.lastIndexOf('\n');
    r->partialLine = lastNl < 0 ? text.right(4096) : text.mid(lastNl + 1).right(4096);
    if (lastNl < 0)
        return;
    text.truncate(lastNl);
    Q_EMIT output(id, text);
    if (!m_running.contains(id) || r->detached)
        return; // a target took the job over while it looked at the lines
    static const QByteArray failedMark("uis-runner: FAILED:");
    // Spark 3.5 prints "Successfully started service 'SparkUI' on port 4040."; older releases and
    // Flink print the URL itself.
    static const QRegularExpression uiRe(QStringLiteral(
        "SparkUI.*started at (https?://\\S+)|Web frontend listening at (https?://\\S+)|"
        "started service 'SparkUI' on port ([0-9]+)"));
    if (const qsizetype at = text.lastIndexOf(failedMark); at >= 0) {
        const qsizetype end = text.indexOf('\n', at);
        r->lastFailure = QString::fromUtf8(text.mid(at + failedMark.size(),
                                                    end < 0 ? -1 : end - at - failedMark.size()))
                             .trimmed();
    }
    // The Flink runner reports the engine's own job state: `uis-runner: job <id> state RUNNING`.
    // A restart loop shows in the status: `state RESTARTING (3 restarts)` and the latest
    // restart's exception (`job <id> restart 3 caused by: …`) as the error.
    static const QRegularExpression stateRe(
        QStringLiteral("uis-runner: job \\S+ state ([A-Z_]+(?: \\([0-9]+ restarts?\\))?)"));
    static const QRegularExpression restartRe(
        QStringLiteral("uis-runner: job \\S+ restart [0-9]+ caused by: ([^\\n]*)"));
    if (text.contains(" state ") || text.contains(" caused by: ")) {
        const QString lines = QString::fromUtf8(text);
        QRegularExpressionMatchIterator it = stateRe.globalMatch(lines);
        QString last;
        while (it.hasNext())
            last = it.next().captured(1);
        QString cause;
        for (it = restartRe.globalMatch(lines); it.hasNext();)
            cause = it.next().captured(1).trimmed();
        const JobRecord *cur = m_store->find(id);
        if (cur && !isTerminal(cur->status.state) &&
            ((!last.isEmpty() && cur->status.engineState != last) ||
             (!cause.isEmpty() && cur->status.error != cause))) {
            JobStatus st = cur->status;
            if (!last.isEmpty())
                st.engineState = last;
            if (!cause.isEmpty())
                st.error = cause;
            setStatus(id, st);
        }
    }
    if (text.contains("started at http") || text.contains("listening at http") ||
        text.contains("service 'SparkUI'")) {
        const QRegularExpressionMatch m = uiRe.match(QString::fromUtf8(text));
        if (m.hasMatch()) {
            if (const JobRecord *cur = m_store->find(id)) {
                JobStatus st = cur->status;
                st.uiUrl = !m.captured(1).isEmpty() ? m.captured(1)
                           : !m.captured(2).isEmpty()
                               ? m.captured(2)
                               : QStringLiteral("http://localhost:%1").arg(m.captured(3));
                setStatus(id, st);
            }
        }
    }
}

void JobRunner::onStartFailed(const QString &id, const QString &reason)
{
    Running *r = m_running.value(id);
    if (!r)
        return;
    appendLog(id, logLine(QStringLiteral("cannot start the job: %1").arg(reason)));
    if (const JobRecord *cur = m_store->find(id)) {
        JobStatus st = cur->status;
        st.state = JobState::Failed;
        st.engineState = QStringLiteral("NOT_STARTED");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        st.error = QStringLiteral("cannot start %1: %2").arg(r->process->program(), reason);
        setStatus(id, st);
    }
    finishRunning(id);
}

void JobRunner::onFinished(const QString &id, int exitCode, bool crashed)
{
    Running *r = m_running.value(id);
    if (!r)
        return;
    onOutput(id);
    if (r->detached) {
        appendLog(id, logLine(QStringLiteral("the submitting process has ended (%1)")
                                  .arg(crashed ? QStringLiteral("killed by signal %1").arg(exitCode)
                                               : QStringLiteral("exit status %1").arg(exitCode))));
        finishRunning(id);
        return;
    }
    const JobRecord *cur = m_store->find(id);
    if (cur && (r->cancelling || r->shuttingDown) && m_schedules->isScheduled(id))
        appendLog(id, QStringLiteral("--- run %1 %2\n")
                          .arg(m_schedules->runNumber(id))
                          .arg(r->cancelling ? QStringLiteral("CANCELLED") : QStringLiteral("STOPPED"))
                          .toUtf8());
    if (cur && !r->shuttingDown && !r->cancelling && m_schedules->isScheduled(id)) {
        // A run of a scheduled micro-batch job: the schedule decides whether it runs again.
        const bool ok = !crashed && exitCode == 0;
        const QString how = crashed ? QStringLiteral("killed by signal %1").arg(exitCode)
                                    : QStringLiteral("exited with status %1").arg(exitCode);
        const MicroBatchScheduler::Outcome o = m_schedules->runFinished(id, ok, how, r->lastFailure);
        appendLog(id, o.logText);
        if (o.again) {
            JobStatus st = cur->status;
            st.state = JobState::Running;
            st.engineState = o.engineState;
            st.error = ok ? QString()
                          : QStringLiteral("run %1 failed: %2")
                                .arg(m_schedules->runNumber(id))
                                .arg(r->lastFailure.isEmpty() ? how : r->lastFailure);
            setStatus(id, st);
            finishRunning(id);
            return;
        }
    }
    if (cur) {
        JobStatus st = cur->status;
        const bool flink = st.engine == QLatin1String("flink");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        st.exitCode = crashed ? 128 + exitCode : exitCode;
        QString how = crashed ? QStringLiteral("killed by signal %1").arg(exitCode)
                              : QStringLiteral("exited with status %1").arg(exitCode);
        if (r->shuttingDown) {
            st.state = JobState::Failed;
            st.engineState = flink ? QStringLiteral("CANCELED") : QStringLiteral("KILLED");
            st.error = QStringLiteral("dcp-local was shut down while the job was running");
        } else if (r->cancelling) {
            st.state = JobState::Cancelled;
            st.engineState = flink ? QStringLiteral("CANCELED") : QStringLiteral("KILLED");
            st.error.clear();
        } else if (!crashed && exitCode == 0) {
            st.state = JobState::Succeeded;
            st.engineState = QStringLiteral("FINISHED");
            st.error.clear();
        } else {
            st.state = JobState::Failed;
            st.engineState = QStringLiteral("FAILED");
            st.error =
                r->lastFailure.isEmpty() ? QStringLiteral("the job %1").arg(how) : r->lastFailure;
        }
        appendLog(id, logLine(QStringLiteral("job %1 (%2)").arg(jobStateName(st.state), how)));
        setStatus(id, st);
    }
    // Stragglers of the group (children the leader left behind) go with it.
    if (r->cancelling || r->shuttingDown)
        signalGroup(r, SIGKILL);
    finishRunning(id);
}

void JobRunner::finishRunning(const QString &id)
{
    Running *r = m_running.take(id);
    if (!r)
        return;
    if (r->killTimer)
        r->killTimer->stop();
    r->process->disconnect(this);
    r->process->deleteLater();
    delete r->killTimer;
    delete r->log;
    delete r;
    if (m_shuttingDown)
        checkShutdown();
    else
        QTimer::singleShot(0, this, &JobRunner::startNext);
}

void JobRunner::setStatus(const QString &id, const JobStatus &status)
{
    const JobRecord *cur = m_store->find(id);
    const JobState before = cur ? cur->status.state : JobState::Unknown;
    // The in-memory record changes even when the write fails; the failure is only logged, as a
    // job's process cannot be undone because the disk is full.
    if (const QString e = m_store->update(id, status); !e.isEmpty())
        qWarning("dcp-local: %s", qUtf8Printable(e));
    if (isTerminal(status.state)) {
        m_schedules->remove(id);
        m_runtimeEnv.remove(id);
        m_options.remove(id);
    }
    if (status.state != before)
        Q_EMIT stateChanged(id, status.state);
}

void JobRunner::detach(const QString &id, const QString &why)
{
    Running *r = m_running.value(id);
    if (!r || r->detached)
        return;
    r->detached = true;
    appendLog(id, logLine(why));
    if (r->killTimer)
        r->killTimer->stop();
    signalGroup(r, SIGKILL);
}

void JobRunner::signalGroup(Running *r, int sig)
{
    const qint64 pgid = r->pgid > 0 ? r->pgid : r->process->processId();
    if (pgid <= 0)
        return;
    if (::kill(-pid_t(pgid), sig) != 0 && errno == ESRCH)
        ::kill(pid_t(pgid), sig); // the group may not exist yet if setsid has not run
}

JobRunner::CancelOutcome JobRunner::cancel(const QString &id)
{
    const JobRecord *rec = m_store->find(id);
    if (!rec)
        return CancelOutcome::NotFound;
    if (isTerminal(rec->status.state))
        return CancelOutcome::AlreadyFinished;
    if (m_schedules->isScheduled(id) && !m_running.contains(id)) {
        // Between two runs of a schedule (waiting, or queued for a slot): nothing to signal.
        m_queue.removeAll(id);
        JobStatus st = rec->status;
        st.state = JobState::Cancelled;
        st.engineState = QStringLiteral("SCHEDULE_CANCELLED");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        appendLog(id, QStringLiteral("--- schedule cancelled after run %1 (between runs)\n")
                          .arg(m_schedules->runNumber(id))
                          .toUtf8());
        appendLog(id, logLine(QStringLiteral("job CANCELLED")));
        setStatus(id, st);
        return CancelOutcome::Cancelled;
    }
    if (m_queue.removeAll(id) > 0 || !m_running.contains(id)) {
        JobStatus st = rec->status;
        st.state = JobState::Cancelled;
        st.engineState = QStringLiteral("NOT_STARTED");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        m_runtimeEnv.remove(id);
        m_options.remove(id);
        appendLog(id, logLine(QStringLiteral("job CANCELLED before it started")));
        setStatus(id, st);
        return CancelOutcome::Cancelled;
    }
    Running *r = m_running.value(id);
    if (!r->cancelling) {
        r->cancelling = true;
        appendLog(id, logLine(QStringLiteral(
                                  "cancel requested: SIGTERM to the process group; SIGKILL in %1 s")
                                  .arg(m_config.killGraceMs / 1000.0)));
        signalGroup(r, SIGTERM);
        r->killTimer = new QTimer;
        r->killTimer->setSingleShot(true);
        // A coarse timer may fire 5 % early; the grace period is a promise to the job.
        r->killTimer->setTimerType(Qt::PreciseTimer);
        connect(r->killTimer, &QTimer::timeout, this, [this, id] {
            if (Running *run = m_running.value(id)) {
                appendLog(id,
                          logLine(QStringLiteral("still running after the grace period: SIGKILL")));
                signalGroup(run, SIGKILL);
            }
        });
        r->killTimer->start(m_config.killGraceMs);
    }
    return CancelOutcome::Terminating;
}

void JobRunner::shutdown()
{
    m_shuttingDown = true;
    for (const QString &id : m_schedules->waitingJobs()) {
        if (const JobRecord *rec = m_store->find(id)) {
            JobStatus st = rec->status;
            st.state = JobState::Failed;
            st.finishedAt = QDateTime::currentDateTimeUtc();
            st.error = QStringLiteral("dcp-local was shut down between two runs of the schedule");
            appendLog(id, logLine(st.error));
            setStatus(id, st);
        }
    }
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        Running *r = it.value();
        const QString id = it.key();
        r->shuttingDown = true;
        appendLog(id, logLine(QStringLiteral("dcp-local is shutting down: SIGTERM to the job")));
        signalGroup(r, SIGTERM);
        if (!r->killTimer) {
            r->killTimer = new QTimer;
            r->killTimer->setSingleShot(true);
            r->killTimer->setTimerType(Qt::PreciseTimer);
            connect(r->killTimer, &QTimer::timeout, this, [this, id] {
                if (Running *run = m_running.value(id))
                    signalGroup(run, SIGKILL);
            });
        }
        r->killTimer->start(qMin(m_config.killGraceMs, 5000));
    }
    QTimer::singleShot(0, this, &JobRunner::checkShutdown);
}

void JobRunner::checkShutdown()
{
    if (m_shuttingDown && m_running.isEmpty() && !m_shutdownDone) {
        m_shutdownDone = true;
        Q_EMIT shutdownComplete();
    }
}

} // namespace uis::dcplocal
