// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "specloader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;
class QTimer;

namespace uis {

/// One column of a previewed node, as Spark names and types it.
struct PreviewColumn
{
    QString name;
    QString type; ///< Spark's simple type string: `int`, `string`, `struct<…>`
};

/// What the dry run printed for one node (a source or a transform).
struct PreviewNode
{
    QString name;
    QString kind; ///< "source" or "transform"
    QString endpoint; ///< a source's endpoint (engines name their source nodes differently)
    QList<PreviewColumn> columns;
    QList<QJsonObject> rows;
    bool complete = false; ///< its `end` line was read
};

/**
 * "Preview data": compiles the spec for its own engine (or the one set) into a temporary directory
 * and runs that engine's runner on it with `--dry-run --limit N` (`.venv/bin/python
 * runners/{spark,flink}/uis_*_runner.py`: Spark on local[*], Flink on a local mini-cluster with
 * bounded sources), in its own process group. WebSocket, webhook and CDC sources are fed sample
 * records (PreviewSamples) through the runner's `--test-inputs`. The runner's `uis-preview:`
 * lines are parsed as they arrive; every node's schema and rows are kept and announced.
 * Placeholders are resolved by the runner from this process's environment.
 *
 * With the session choice `auto` (the default) the runner previews on the shared warm engines
 * (runners/uis_runners/sessions, as `uisctl preview --session auto`), starting them when needed
 * and falling back to a cold engine itself; its progress lines say which (EngineSessions).
 */
class DataPreviewRunner : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Finished, Failed, Cancelled };
    Q_ENUM(State)

    explicit DataPreviewRunner(QObject *parent = nullptr);
    ~DataPreviewRunner() override;

    /// Rows per node (the runner's `--limit`), 20 by default.
    void setLimit(int rows) { m_limit = rows; }
    int limit() const { return m_limit; }

    /// Where the spec is saved ("" = unsaved): its `*.tests.yaml` gives sample records.
    void setSpecPath(const QString &path) { m_specPath = path; }
    /// Sample records the user gave for an endpoint (kept until replaced); these win over the
    /// tests file's.
    void setSamples(const QString &endpoint, const QJsonArray &rows)
    {
        m_samples.insert(endpoint, rows);
    }
    QJsonArray samples(const QString &endpoint) const { return m_samples.value(endpoint); }
    /// The engine to preview on: Engine::None (the default) is the spec's own; another one
    /// overrides `provider.engine` like `uisctl compile --engine` (PipelineCompiler).
    void setEngine(Engine engine) { m_override = engine; }
    Engine engineOverride() const { return m_override; }
    /// The engine of the last start: the override, else the spec's own (Flink specs preview
    /// on Flink).
    Engine engine() const { return m_engine; }

    /// The runner's `--session` (auto, none or server URLs) and the idle time handed to a pair
    /// it starts (EngineSessions).
    void setSessions(const QString &choice, int idleSeconds)
    {
        m_session = choice;
        m_idleSeconds = idleSeconds;
    }
    QString sessionChoice() const { return m_session; }
    /// The warm server the last run previewed on, "" when it ran cold.
    QString warmUrl() const { return m_warmUrl; }
    /// Why the last run fell back to a cold engine (the runner's words), "" when it did not.
    QString coldReason() const { return m_coldReason; }
    /// Whether a server of the shared pair is being started for this runner (also after Stop:
    /// the start goes on in the background, see cancel()).
    bool startingSession() const;

    /// Starts a dry run of `spec`. Returns false, having emitted failed(), when it cannot start
    /// (errors in the spec, a spec Spark cannot read, no engine); a running preview is stopped.
    bool start(const QByteArray &spec, SpecFormat format);
    /// Stops the run: SIGTERM to the runner's process group, SIGKILL if it lingers. While the
    /// runner starts a shared server it only gets SIGTERM and is left to finish in the
    /// background (it ends once the server is up and recorded): killed mid-start, it would leave
    /// a server no state file knows. The run counts as stopped at once.
    void cancel();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    const QList<PreviewNode> &nodes() const { return m_nodes; }
    const PreviewNode *node(const QString &name) const;
    /// The message of the last failure.
    QString errorString() const { return m_error; }
    /// Milliseconds since start (frozen once the run ended).
    qint64 elapsedMs() const;
    /// The runner's process group while it runs (its pid), else 0.
    qint64 processGroup() const { return m_pgid; }

    /// The node of this run that shows what `other` (of another engine's run) shows: the node of
    /// the same name, else the source of the same endpoint; nullptr when none.
    const PreviewNode *matching(const PreviewNode &other) const;

    /// The node that shows the data of a canvas node: an endpoint shows its mapped columns
    /// (`map_<endpoint>`) or else its source, a sink the node it reads from, a transform itself.
    QString previewNodeFor(const QString &specName) const;

    /// Why `loaded` cannot be previewed, "" when it can.
    static QString checkSpec(const LoadedSpec &loaded);
    /// The runners/ folder: UIS_RUNNERS_DIR, else next to the program (`build/bin/../../runners`,
    /// `bin/../runners`), else the installed share directory.
    static QString runnersDir();
    /// The Python with pyspark of the engines (EnginePaths::pythonWith), or "" with `why` set.
    static QString findPython(QString *why = nullptr);

Q_SIGNALS:
    void started();
    /// A `uis-runner:` progress line (without the prefix).
    void progress(const QString &text);
    /// A node's schema arrived (it is in nodes()).
    void nodeAdded(const QString &name);
    /// Rows of a node arrived or the node is complete.
    void nodeChanged(const QString &name);
    void finished();
    void failed(const QString &message);
    void cancelled();
    /// startingSession(), warmUrl() or coldReason() changed.
    void sessionChanged();

private:
    void fail(const QString &message);
    void readOutput();
    void readErrors();
    void handleLine(const QByteArray &line, QStringList *changed);
    void onFinished(int exitCode, bool crashed);
    void signalGroup(int sig);
    void noteSession(const QString &progress);
    void releaseStarter();
    void detachStarter();
    void buildAliases(const QJsonObject &job);
    bool compileFor(Engine engine, const LoadedSpec &loaded, QString *runnerScript,
                    QStringList *args);
    bool writeSamples(const LoadedSpec &loaded, QStringList *args);
    PreviewNode *findNode(const QString &name);

    int m_limit = 20;
    State m_state = State::Idle;
    QProcess *m_process = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    QTimer *m_killTimer = nullptr;
    qint64 m_pgid = 0;
    bool m_cancelling = false;
    QByteArray m_partial;
    QByteArray m_stderrTail;
    QString m_failure;
    QString m_error;
    QList<PreviewNode> m_nodes;
    QHash<QString, QString> m_aliases;
    QHash<QString, QString> m_sourceEndpoints; ///< source node → endpoint
    QHash<QString, QJsonArray> m_samples;
    QString m_specPath;
    Engine m_engine = Engine::Spark;
    Engine m_override = Engine::None;
    QString m_session = QStringLiteral("auto");
    int m_idleSeconds = 0; ///< 0: the runners' default
    QString m_warmUrl;
    QString m_coldReason;
    bool m_startingSession = false;
    QPointer<QProcess> m_starter; ///< a stopped runner still starting a server
    QElapsedTimer m_clock;
    qint64 m_elapsed = 0;
};

} // namespace uis
