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

#include <optional>

template <typename T>
class QFutureWatcher;
class QTimer;

namespace uis {

class PipelineDocument;

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
    qint64 elapsedMs = 0;
};

/**
 * Re-parses, validates and compiles the document after typing pauses, on a worker thread
 * (QtConcurrent). Each run carries the document revision; a result for a text that has since
 * changed is dropped, and at most one run is in flight, the newest request queued behind it.
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

    /// The work itself, callable from any thread.
    /// `keepTree`: hand the parsed tree back (else it is freed on the worker thread).
    static AnalysisResult analyze(quint64 revision, const QByteArray &text, SpecFormat format, bool keepTree = true);

Q_SIGNALS:
    void started();
    /// A current result: the document has adopted its tree already.
    void finished(const uis::AnalysisResult &result);

private:
    void schedule();
    void onDone();

    PipelineDocument *m_document;
    QTimer *m_debounce;
    QFutureWatcher<AnalysisResult> *m_watcher;
    bool m_pending = false;
    AnalysisResult m_last;
};

} // namespace uis
