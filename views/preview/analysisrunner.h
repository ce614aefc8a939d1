// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "spec.h"
#include "specreader.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

template <typename T>
class QFutureWatcher;
class QTimer;

namespace uis {

class PipelineDocument;
struct LoadedSpec;

/// One generated file shown in the Preview (a compiler Artifact, decoupled from its header).
struct PreviewArtifact
{
    QString target;
    QString fileName;
    QString language;
    QByteArray content;
};

/// What one engine's compiler made of the spec.
struct EngineOutput
{
    Engine engine = Engine::None;
    bool available = false; ///< the compiler library is built in
    QList<PreviewArtifact> artifacts;
    DiagnosticList diagnostics;
};

/// Everything computed off the GUI thread for one revision of the text.
struct AnalysisResult
{
    quint64 revision = 0;
    ReadResult read;            ///< the parse, handed to the document
    std::optional<Spec> spec;   ///< built from it on the worker, handed over with it
    bool parsed = false;
    DiagnosticList diagnostics; ///< reader + validator (+ the spec engine's compiler)
    Engine specEngine = Engine::None;
    EngineOutput spark;
    EngineOutput flink;
    /// The run's last result: the compiled artifacts are in (or nothing compiles). A run first
    /// reports its findings, and its compiled artifacts for the Preview after them.
    bool compiled = false;
    qint64 elapsedMs = 0; ///< to the findings
    qint64 compileMs = 0; ///< the compile for the Preview, after the findings
};

/**
 * Re-parses, validates and compiles the document after typing pauses, on a worker thread
 * (QtConcurrent). Each run carries the document revision; a result for a text that has since
 * changed is dropped, and at most one run is in flight, the newest request queued behind it.
 * A run reports twice: its findings (parse, validation and the spec engine's compiler checks,
 * as `uisctl validate` has them), then the artifacts of both engines for the Preview, compiled
 * side by side. Compiling the artifacts is most of a large spec's time; the Problems panel does
 * not wait for it, and a newer text cancels it.
 */
class AnalysisRunner : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisRunner(PipelineDocument *document, QObject *parent = nullptr);
    ~AnalysisRunner() override;

    void setDebounce(int ms);
    int debounce() const;
    /// Starts a run now (skipping the debounce).
    void runNow();
    bool isBusy() const;
    const AnalysisResult &lastResult() const { return m_last; }

    /// The work itself, both parts, callable from any thread.
    /// `keepTree`: hand the parsed tree back (else it is freed on the worker thread).
    static AnalysisResult analyze(quint64 revision, const QByteArray &text, SpecFormat format, bool keepTree = true);

Q_SIGNALS:
    void started();
    /// A current result, once with the findings and again with the compiled artifacts
    /// (`compiled`): the document has adopted its tree already.
    void finished(const uis::AnalysisResult &result);

private:
    /// A compile's input: the spec as the findings read it (the compile's own copy).
    struct CompileInput
    {
        quint64 revision = 0;
        Engine specEngine = Engine::None;
        DiagnosticList findings;
        std::shared_ptr<const LoadedSpec> loaded;
        std::shared_ptr<std::atomic_bool> stale;
    };
    /// What the findings' worker hands back: the result, and the compile's input.
    struct Findings
    {
        AnalysisResult result;
        std::shared_ptr<const LoadedSpec> loaded;
    };
    static Findings findings(quint64 revision, const QByteArray &text, SpecFormat format,
                             bool keepTree);
    static AnalysisResult compileArtifacts(const CompileInput &in);
    void schedule();
    void onFindings();
    void startCompile(CompileInput in);
    void onCompiled();

    PipelineDocument *m_document;
    QTimer *m_debounce;
    QFutureWatcher<Findings> *m_watcher;
    QFutureWatcher<AnalysisResult> *m_compiler;
    std::shared_ptr<std::atomic_bool> m_compileStale; ///< of the compile in flight
    std::optional<CompileInput> m_nextCompile;        ///< waits for the one in flight
    bool m_pending = false;
    AnalysisResult m_last;
};

} // namespace uis
