// SPDX-License-Identifier: Apache-2.0
#include "datapreviewrunner.h"

#include "enginepaths.h"
#include "enginesessions.h"

#include "pipelinecompiler.h"
#include "platformdcp.h"
#include "previewsamples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace uis {

namespace {

const QByteArray kPreview("uis-preview:");
const QByteArray kRunner("uis-runner:");
const QByteArray kFailed("FAILED:");
// A runner stopped while it starts a shared server is left this long to finish the start.
constexpr int kStarterLimitMs = 5 * 60 * 1000;

QString engineLabel(Engine e)
{
    return e == Engine::Flink ? QStringLiteral("Flink") : QStringLiteral("Spark");
}

} // namespace

DataPreviewRunner::DataPreviewRunner(QObject *parent) : QObject(parent) {}

DataPreviewRunner::~DataPreviewRunner()
{
    if (m_process && m_startingSession) {
        detachStarter();
        return;
    }
    if (m_process) {
        m_process->disconnect(this);
        signalGroup(SIGKILL);
        m_process->waitForFinished(3000);
    }
}

QString DataPreviewRunner::runnersDir()
{
    return EnginePaths::runnersDir({}, {QStringLiteral("spark")});
}

QString DataPreviewRunner::findPython(QString *why)
{
    return EnginePaths::pythonWith(runnersDir(), QStringLiteral("pyspark"), why);
}

QString DataPreviewRunner::checkSpec(const LoadedSpec &loaded)
{
    if (!loaded.parsed())
        return tr("The spec cannot be read: fix it first, then preview data.");
    int errors = 0;
    for (const Diagnostic &d : loaded.diagnostics)
        errors += d.severity == Severity::Error ? 1 : 0;
    if (errors > 0)
        return errors == 1 ? tr("The spec has an error: fix 1 error first, then preview data.")
                           : tr("The spec has %1 errors: fix %1 errors first, then preview data.")
                                 .arg(errors);
    return QString();
}

qint64 DataPreviewRunner::elapsedMs() const
{
    return m_state == State::Running ? m_clock.elapsed() : m_elapsed;
}

const PreviewNode *DataPreviewRunner::node(const QString &name) const
{
    for (const PreviewNode &n : m_nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

PreviewNode *DataPreviewRunner::findNode(const QString &name)
{
    for (PreviewNode &n : m_nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

const PreviewNode *DataPreviewRunner::matching(const PreviewNode &other) const
{
    if (const PreviewNode *n = node(other.name))
        return n;
    if (other.endpoint.isEmpty())
        return nullptr;
    for (const PreviewNode &n : m_nodes) {
        if (n.kind == other.kind && n.endpoint == other.endpoint)
            return &n;
    }
    return nullptr;
}

QString DataPreviewRunner::previewNodeFor(const QString &specName) const
{
    if (node(specName))
        return specName;
    const QString alias = m_aliases.value(specName);
    return node(alias) ? alias : QString();
}

void DataPreviewRunner::fail(const QString &message)
{
    m_error = message;
    m_state = State::Failed;
    m_elapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT failed(message);
}

bool DataPreviewRunner::start(const QByteArray &spec, SpecFormat format)
{
    if (m_process) {
        m_process->disconnect(this);
        signalGroup(SIGKILL);
        m_process->waitForFinished(3000);
        m_process->deleteLater();
        m_process = nullptr;
    }
    delete m_killTimer;
    m_killTimer = nullptr;
    m_nodes.clear();
    m_aliases.clear();
    m_sourceEndpoints.clear();
    m_partial.clear();
    m_stderrTail.clear();
    m_failure.clear();
    m_error.clear();
    m_cancelling = false;
    m_pgid = 0;
    m_elapsed = 0;
    m_clock.start();
    if (m_startingSession || !m_warmUrl.isEmpty() || !m_coldReason.isEmpty()) {
        m_startingSession = false;
        m_warmUrl.clear();
        m_coldReason.clear();
        Q_EMIT sessionChanged();
    }

    LoadedSpec loaded = SpecLoader::load(spec, format);
    if (const QString why = checkSpec(loaded); !why.isEmpty()) {
        fail(why);
        return false;
    }
    const Engine wanted = m_override != Engine::None ? m_override : engineFor(loaded.spec);
    m_engine = wanted == Engine::Flink ? Engine::Flink : Engine::Spark;
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/uis-preview-XXXXXX"));
    if (!m_dir->isValid()) {
        fail(tr("Cannot create a temporary directory: %1").arg(m_dir->errorString()));
        return false;
    }
    QString runner;
    QStringList args;
    if (!compileFor(m_engine, loaded, &runner, &args))
        return false;
    QString why;
    const QString python = findPython(&why);
    if (python.isEmpty()) {
        fail(why);
        return false;
    }
    if (!QFileInfo::exists(runner)) {
        fail(tr("The UIS runner is missing (%1): set UIS_RUNNERS_DIR to the runners/ folder of UIS "
                "Studio")
                 .arg(runner));
        return false;
    }

    // While the local platform runs, previews read s3a:// from its store like Run Locally does.
    QProcessEnvironment env = PlatformDcp(PlatformLayout(PlatformLayout::resolveDir()))
                                  .runningEnvironment()
                                  .value_or(QProcessEnvironment::systemEnvironment());
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    EngineSessions::setIdleSeconds(&env, m_idleSeconds);
    if (!env.contains(QStringLiteral("PYSPARK_PYTHON")))
        env.insert(QStringLiteral("PYSPARK_PYTHON"), python);
    m_process = new QProcess(this);
    m_process->setProgram(python);
    m_process->setArguments(QStringList{runner} + args);
    m_process->setWorkingDirectory(m_dir->path());
    m_process->setProcessEnvironment(env);
    m_process->setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so that Stop reaches the JVM and Python workers too; and if the
    // studio dies, the preview goes with it.
    m_process->setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DataPreviewRunner::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &DataPreviewRunner::readErrors);
    connect(m_process, &QProcess::started, this, [this] { m_pgid = m_process->processId(); });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onFinished(code, status == QProcess::CrashExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || !m_process)
            return;
        const QString text = m_process->errorString();
        m_process->deleteLater();
        m_process = nullptr;
        fail(tr("Cannot start the %1 runner: %2").arg(engineLabel(m_engine), text));
    });
    m_state = State::Running;
    Q_EMIT started();
    m_process->start();
    return m_process != nullptr;
}

bool DataPreviewRunner::compileFor(Engine engine, const LoadedSpec &loaded, QString *runnerScript,
                                   QStringList *args)
{
    const bool flink = engine == Engine::Flink;
    const QString target = flink ? QStringLiteral("flink-job") : QStringLiteral("spark-job");
    const QString configPath = m_dir->filePath(target + QStringLiteral(".json"));
    CompileOptions options;
    options.master = QStringLiteral("local[*]");
    options.jobConfigPath = configPath;
    // PipelineCompiler: the one place an engine overrides `provider.engine`.
    const CompileResult compiled = PipelineCompiler::compile(loaded, engine, options);
    const Artifact *job = compiled.artifact(target);
    if (!compiled.succeeded() || !job) {
        QStringList lines;
        for (const Diagnostic &d : compiled.diagnostics) {
            if (d.severity == Severity::Error && lines.size() < 5)
                lines << d.message;
        }
        fail(tr("The spec does not compile for %1: %2")
                 .arg(engineLabel(engine), lines.join(QStringLiteral("; "))));
        return false;
    }
    QFile f(configPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(job->content) != job->content.size()) {
        fail(tr("Cannot write %1: %2").arg(configPath, f.errorString()));
        return false;
    }
    f.close();
    buildAliases(QJsonDocument::fromJson(job->content).object());
    *runnerScript = runnersDir() + (flink ? QStringLiteral("/flink/uis_flink_runner.py")
                                          : QStringLiteral("/spark/uis_spark_runner.py"));
    *args = EngineSessions::dryRunArguments(configPath, m_limit, m_session);
    return !flink || writeSamples(loaded, args);
}

bool DataPreviewRunner::writeSamples(const LoadedSpec &loaded, QStringList *args)
{
    const QStringList endpoints = PreviewSamples::endpointsNeedingSamples(loaded.spec);
    if (endpoints.isEmpty())
        return true;
    const QHash<QString, QJsonArray> fromTests = PreviewSamples::fromTestsFile(m_specPath);
    QJsonObject inputs;
    QStringList missing;
    for (const QString &e : endpoints) {
        const QJsonArray rows = m_samples.contains(e) ? m_samples.value(e) : fromTests.value(e);
        if (rows.isEmpty())
            missing << e;
        inputs.insert(e, rows);
    }
    if (!missing.isEmpty()) {
        fail(tr("No sample records for %1: its data only arrives while the job runs. Paste or load "
                "sample rows "
                "for it in the Data Preview, or add a case to the spec's tests.yaml.")
                 .arg(missing.join(QStringLiteral(", "))));
        return false;
    }
    const QString path = m_dir->filePath(QStringLiteral("samples.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(inputs).toJson()) < 0) {
        fail(tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    *args << QStringLiteral("--test-inputs") << path << QStringLiteral("--capture-dir")
          << m_dir->filePath(QStringLiteral("samples"));
    return true;
}

void DataPreviewRunner::buildAliases(const QJsonObject &job)
{
    QSet<QString> transforms;
    QString lastTransform;
    for (const QJsonValue &v : job.value(QLatin1String("transforms")).toArray()) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        transforms.insert(name);
        lastTransform = name;
    }
    QString lastSource;
    for (const QJsonValue &v : job.value(QLatin1String("sources")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString name = s.value(QLatin1String("name")).toString();
        const QString endpoint = s.value(QLatin1String("endpoint")).toString();
        lastSource = name;
        if (!endpoint.isEmpty())
            m_sourceEndpoints.insert(name, endpoint);
        if (endpoint.isEmpty())
            continue;
        const QString mapped = QStringLiteral("map_") + endpoint;
        m_aliases.insert(endpoint, transforms.contains(mapped) ? mapped : name);
    }
    const QString last = lastTransform.isEmpty() ? lastSource : lastTransform;
    for (const QJsonValue &v : job.value(QLatin1String("sinks")).toArray()) {
        const QJsonObject s = v.toObject();
        QString input = s.value(QLatin1String("inputs")).toArray().first().toString();
        if (input.isEmpty())
            input = s.value(QLatin1String("input")).toString();
        if (input.isEmpty())
            input = last;
        m_aliases.insert(s.value(QLatin1String("name")).toString(), m_aliases.value(input, input));
    }
}

void DataPreviewRunner::readOutput()
{
    if (!m_process)
        return;
    QByteArray data = m_partial + m_process->readAllStandardOutput();
    const qsizetype lastNl = data.lastIndexOf('\n');
    if (lastNl < 0) {
        m_partial = data;
        return;
    }
    m_partial = data.mid(lastNl + 1);
    data.truncate(lastNl);
    // Rows come in bursts: one nodeChanged per node and burst keeps the views cheap.
    QStringList changed;
    for (const QByteArray &line : data.split('\n'))
        handleLine(line, &changed);
    for (const QString &n : std::as_const(changed))
        Q_EMIT nodeChanged(n);
}

void DataPreviewRunner::handleLine(const QByteArray &raw, QStringList *changed)
{
    const QByteArray line = raw.trimmed();
    if (line.startsWith(kPreview)) {
        QJsonParseError err;
        const QJsonObject o = QJsonDocument::fromJson(line.mid(kPreview.size()), &err).object();
        if (err.error != QJsonParseError::NoError)
            return;
        const QString event = o.value(QLatin1String("event")).toString();
        const QString name = o.value(QLatin1String("node")).toString();
        if (event == QLatin1String("schema")) {
            PreviewNode n;
            n.name = name;
            n.kind = o.value(QLatin1String("kind")).toString();
            n.endpoint = m_sourceEndpoints.value(name);
            for (const QJsonValue &c : o.value(QLatin1String("columns")).toArray()) {
                const QJsonObject col = c.toObject();
                n.columns.append({col.value(QLatin1String("name")).toString(), col.value(QLatin1String("type")).toString()});
            }
            if (PreviewNode *old = findNode(name))
                *old = n;
            else
                m_nodes.append(n);
            Q_EMIT nodeAdded(name);
        } else if (event == QLatin1String("row")) {
            if (PreviewNode *n = findNode(name)) {
                n->rows.append(o.value(QLatin1String("data")).toObject());
                if (!changed->contains(name))
                    changed->append(name);
            }
        } else if (event == QLatin1String("end")) {
            if (PreviewNode *n = findNode(name)) {
                n->complete = true;
                if (!changed->contains(name))
                    changed->append(name);
            }
        }
        return;
    }
    if (!line.startsWith(kRunner))
        return;
    const QByteArray text = line.mid(kRunner.size()).trimmed();
    if (text.startsWith(kFailed)) {
        m_failure = QString::fromUtf8(text.mid(kFailed.size())).trimmed();
        return;
    }
    if (text.startsWith("exit "))
        return;
    noteSession(QString::fromUtf8(text));
    Q_EMIT progress(QString::fromUtf8(text));
}

void DataPreviewRunner::noteSession(const QString &progress)
{
    const SessionEvent e = EngineSessions::parseProgress(progress);
    switch (e.kind) {
    case SessionEvent::Kind::None:
        return;
    case SessionEvent::Kind::Starting:
        m_startingSession = true;
        break;
    case SessionEvent::Kind::Warm:
        m_startingSession = false;
        m_warmUrl = e.detail;
        break;
    case SessionEvent::Kind::Cold:
        m_startingSession = false;
        m_warmUrl.clear();
        m_coldReason = e.detail;
        break;
    }
    Q_EMIT sessionChanged();
}

void DataPreviewRunner::readErrors()
{
    if (!m_process)
        return;
    m_stderrTail += m_process->readAllStandardError();
    if (m_stderrTail.size() > 16384)
        m_stderrTail = m_stderrTail.right(16384);
}

void DataPreviewRunner::onFinished(int exitCode, bool crashed)
{
    readOutput();
    if (!m_partial.isEmpty()) {
        QStringList changed;
        handleLine(m_partial, &changed);
        m_partial.clear();
        for (const QString &n : std::as_const(changed))
            Q_EMIT nodeChanged(n);
    }
    readErrors();
    m_process->deleteLater();
    m_process = nullptr;
    // What is left of the group (a JVM still going down) goes too.
    if (m_pgid > 0 && (m_cancelling || exitCode != 0 || crashed))
        ::kill(-pid_t(m_pgid), SIGKILL);
    m_pgid = 0;
    delete m_killTimer;
    m_killTimer = nullptr;
    m_elapsed = m_clock.elapsed();
    if (m_startingSession) { // the runner ended before the server was up (it failed)
        m_startingSession = false;
        Q_EMIT sessionChanged();
    }
    if (m_cancelling) {
        m_state = State::Cancelled;
        Q_EMIT cancelled();
        return;
    }
    if (exitCode == 0 && !crashed) {
        m_state = State::Finished;
        Q_EMIT finished();
        return;
    }
    if (!m_failure.isEmpty()) {
        fail(tr("The dry run failed: %1").arg(m_failure));
        return;
    }
    // No root cause from the runner: the last lines of its error output say what happened.
    QStringList lines;
    for (const QByteArray &l : m_stderrTail.split('\n')) {
        if (!l.trimmed().isEmpty())
            lines << QString::fromUtf8(l.trimmed());
    }
    const QString tail = lines.mid(qMax(0, int(lines.size()) - 3)).join(QLatin1Char('\n'));
    fail(crashed ? tr("The %1 runner crashed%2")
                       .arg(engineLabel(m_engine),
                            tail.isEmpty() ? QString() : QStringLiteral(": ") + tail)
                 : tr("The %1 runner exited with code %2%3")
                       .arg(engineLabel(m_engine))
                       .arg(exitCode)
                       .arg(tail.isEmpty() ? QString() : QStringLiteral(": ") + tail));
}

void DataPreviewRunner::signalGroup(int sig)
{
    const qint64 pgid = m_pgid > 0 ? m_pgid : (m_process ? m_process->processId() : 0);
    if (pgid <= 0)
        return;
    if (::kill(-pid_t(pgid), sig) != 0 && errno == ESRCH)
        ::kill(pid_t(pgid), sig); // setsid may not have run yet
}

void DataPreviewRunner::cancel()
{
    if (!m_process || m_cancelling)
        return;
    if (m_startingSession) {
        releaseStarter();
        return;
    }
    m_cancelling = true;
    Q_EMIT progress(tr("stopping…"));
    signalGroup(SIGTERM);
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
    m_killTimer->start(3000);
}

bool DataPreviewRunner::startingSession() const
{
    return m_startingSession || !m_starter.isNull();
}

void DataPreviewRunner::releaseStarter()
{
    Q_EMIT progress(tr("stopped; the warm engine goes on starting for the next preview"));
    detachStarter();
    m_state = State::Cancelled;
    m_elapsed = m_clock.elapsed();
    Q_EMIT cancelled();
    Q_EMIT sessionChanged();
}

void DataPreviewRunner::detachStarter()
{
    // SIGTERM: the runner skips the preview once the server is up and recorded, then exits.
    signalGroup(SIGTERM);
    QProcess *p = m_process;
    m_process = nullptr;
    m_pgid = 0;
    m_startingSession = false;
    delete m_killTimer;
    m_killTimer = nullptr;
    p->disconnect(this);
    p->setParent(QCoreApplication::instance());
    m_starter = p;
    connect(p, &QProcess::finished, this, [this] {
        m_starter = nullptr;
        Q_EMIT sessionChanged();
    });
    connect(p, &QProcess::finished, p, &QObject::deleteLater);
    QTimer::singleShot(kStarterLimitMs, p, [p] { p->kill(); });
}

} // namespace uis
