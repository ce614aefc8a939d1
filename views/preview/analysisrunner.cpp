// SPDX-License-Identifier: Apache-2.0
#include "analysisrunner.h"

#include "disposal.h"

#include "speccheck.h"

#include "pipelinedocument.h"
#include "specbuilder.h"
#include "specloader.h"
#include "validator.h"

#include "pipelinecompiler.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace uis {

namespace {

EngineOutput compileFor(const LoadedSpec &loaded, Engine engine)
{
    EngineOutput out;
    out.engine = engine;
    out.available = true;
    const CompileResult r = PipelineCompiler::compile(loaded, engine);
    out.diagnostics = r.diagnostics;
    for (const Artifact &a : r.artifacts)
        out.artifacts.append(PreviewArtifact{a.target, a.fileName, a.language, a.content});
    return out;
}

} // namespace

AnalysisRunner::AnalysisRunner(PipelineDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_debounce(new QTimer(this))
    , m_watcher(new QFutureWatcher<AnalysisResult>(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &AnalysisRunner::runNow);
    connect(m_watcher, &QFutureWatcher<AnalysisResult>::finished, this, &AnalysisRunner::onDone);
    connect(document, &PipelineDocument::changed, this, [this](DocumentChange c) {
        if (c.what & (DocumentChange::Text | DocumentChange::File))
            schedule();
    });
}

AnalysisRunner::~AnalysisRunner()
{
    // The worker only reads its own copies; wait so it does not outlive the process state.
    if (m_watcher->isRunning())
        m_watcher->waitForFinished();
}

void AnalysisRunner::setDebounce(int ms) { m_debounce->setInterval(ms); }
int AnalysisRunner::debounce() const { return m_debounce->interval(); }
bool AnalysisRunner::isBusy() const { return m_watcher->isRunning() || m_debounce->isActive() || m_pending; }

void AnalysisRunner::schedule() { m_debounce->start(); }

void AnalysisRunner::runNow()
{
    m_debounce->stop();
    if (m_watcher->isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    const quint64 revision = m_document->revision();
    const QByteArray text = m_document->text().toUtf8();
    const SpecFormat format = m_document->format();
    // A big tree is costly to compare and free on the GUI thread; skip it when the document
    // already holds this very parse.
    const bool keepTree = !m_document->hasParsedTree(revision);
    Q_EMIT started();
    m_watcher->setFuture(QtConcurrent::run([revision, text, format, keepTree] {
        return analyze(revision, text, format, keepTree);
    }));
}

void AnalysisRunner::onDone()
{
    AnalysisResult r = m_watcher->future().takeResult();
    if (m_pending || r.revision != m_document->revision()) {
        // The text moved on: drop this result and analyse the current text.
        runNow();
        return;
    }
    if (r.read.root || !r.parsed)
        m_document->adoptParse(r.revision, std::move(r.read), std::move(r.spec));
    // What the document did not take (the same tree, its spec) is freed off the GUI thread.
    disposeInBackground(
        std::make_pair(std::exchange(r.read, ReadResult()), std::exchange(r.spec, std::nullopt)));
    m_last = std::move(r);
    Q_EMIT finished(m_last);
}

AnalysisResult AnalysisRunner::analyze(quint64 revision, const QByteArray &text, SpecFormat format, bool keepTree)
{
    QElapsedTimer timer;
    timer.start();
    AnalysisResult out;
    out.revision = revision;
    out.read = SpecReader::read(text, format);
    out.diagnostics = out.read.diagnostics;
    out.parsed = out.read.root.has_value();
    out.spark.engine = Engine::Spark;
    out.flink.engine = Engine::Flink;
    if (out.read.root) {
        out.diagnostics += Validator::validate(*out.read.root);
        sortDiagnostics(out.diagnostics);
        LoadedSpec loaded;
        loaded.tree = out.read.root;
        loaded.spec = SpecBuilder::build(*out.read.root);
        loaded.diagnostics = out.diagnostics;
        loaded.format = out.read.format;
        out.specEngine = engineFor(loaded.spec);
        out.spark = compileFor(loaded, Engine::Spark);
        out.flink = compileFor(loaded, Engine::Flink);
        // Validation is the compiler's verdict: the Problems panel shows what compiling for the
        // spec's engine reports (SpecCheck), from the compile done above, notes included.
        const EngineOutput &own = out.specEngine == Engine::Flink ? out.flink : out.spark;
        if (out.specEngine != Engine::None && loaded.valid())
            out.diagnostics = SpecCheck::combine(loaded, own.diagnostics, Severity::Info);
        if (keepTree)
            out.spec = std::move(loaded.spec); // the document needs it too: not built twice
    }
    if (!keepTree)
        out.read.root.reset();
    out.elapsedMs = timer.elapsed();
    return out;
}

} // namespace uis
