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
    : QObject(parent), m_document(document), m_debounce(new QTimer(this)),
      m_watcher(new QFutureWatcher<Findings>(this)),
      m_compiler(new QFutureWatcher<AnalysisResult>(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &AnalysisRunner::runNow);
    connect(m_watcher, &QFutureWatcher<Findings>::finished, this, &AnalysisRunner::onFindings);
    connect(m_compiler, &QFutureWatcher<AnalysisResult>::finished, this,
            &AnalysisRunner::onCompiled);
    connect(document, &PipelineDocument::changed, this, [this](DocumentChange c) {
        if (c.what & (DocumentChange::Text | DocumentChange::File))
            schedule();
    });
}

AnalysisRunner::~AnalysisRunner()
{
    // The workers only read their own copies; wait so they do not outlive the process state.
    if (m_compileStale)
        m_compileStale->store(true);
    if (m_watcher->isRunning())
        m_watcher->waitForFinished();
    if (m_compiler->isRunning())
        m_compiler->waitForFinished();
}

void AnalysisRunner::setDebounce(int ms) { m_debounce->setInterval(ms); }
int AnalysisRunner::debounce() const { return m_debounce->interval(); }
bool AnalysisRunner::isBusy() const
{
    return m_watcher->isRunning() || m_compiler->isRunning() || m_debounce->isActive() || m_pending;
}

void AnalysisRunner::schedule() { m_debounce->start(); }

void AnalysisRunner::runNow()
{
    m_debounce->stop();
    // A compile in flight is for a text that is gone: its result is dropped, and the next
    // findings do not wait for it.
    m_nextCompile.reset();
    if (m_compileStale)
        m_compileStale->store(true);
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
    m_watcher->setFuture(QtConcurrent::run(
        [revision, text, format, keepTree] { return findings(revision, text, format, keepTree); }));
}

void AnalysisRunner::onFindings()
{
    Findings f = m_watcher->future().takeResult();
    AnalysisResult &r = f.result;
    if (m_pending || r.revision != m_document->revision()) {
        // The text moved on: drop this result and analyse the current text.
        disposeInBackground(std::move(f));
        runNow();
        return;
    }
    if (r.read.root || !r.parsed)
        m_document->adoptParse(r.revision, std::move(r.read), std::move(r.spec));
    // What the document did not take (the same tree, its spec) is freed off the GUI thread.
    disposeInBackground(
        std::make_pair(std::exchange(r.read, ReadResult()), std::exchange(r.spec, std::nullopt)));
    if (f.loaded)
        startCompile({r.revision, r.specEngine, r.diagnostics, std::move(f.loaded),
                      std::make_shared<std::atomic_bool>(false)});
    m_last = std::move(r);
    Q_EMIT finished(m_last);
}

void AnalysisRunner::startCompile(CompileInput in)
{
    if (m_compiler->isRunning()) {
        m_compileStale->store(true);
        m_nextCompile = std::move(in); // after the one in flight; a newer one replaces it
        return;
    }
    m_compileStale = in.stale;
    m_compiler->setFuture(QtConcurrent::run([in = std::move(in)] { return compileArtifacts(in); }));
}

void AnalysisRunner::onCompiled()
{
    AnalysisResult r = m_compiler->future().takeResult();
    if (m_nextCompile) {
        startCompile(std::exchange(m_nextCompile, std::nullopt).value());
        disposeInBackground(std::move(r));
        return;
    }
    if (!r.compiled || r.revision != m_document->revision() || m_last.revision != r.revision ||
        m_last.compiled) {
        disposeInBackground(std::move(r)); // stale
        return;
    }
    m_last.spark = std::move(r.spark);
    m_last.flink = std::move(r.flink);
    m_last.diagnostics = std::move(r.diagnostics);
    m_last.compiled = true;
    m_last.compileMs = r.compileMs;
    Q_EMIT finished(m_last);
}

AnalysisRunner::Findings AnalysisRunner::findings(quint64 revision, const QByteArray &text,
                                                  SpecFormat format, bool keepTree)
{
    QElapsedTimer timer;
    timer.start();
    Findings f;
    AnalysisResult &out = f.result;
    out.revision = revision;
    out.read = SpecReader::read(text, format);
    out.diagnostics = out.read.diagnostics;
    out.parsed = out.read.root.has_value();
    out.compiled = !out.parsed; // nothing to compile: the findings are the whole result
    out.spark.engine = Engine::Spark;
    out.flink.engine = Engine::Flink;
    if (out.read.root) {
        auto loaded = std::make_shared<LoadedSpec>();
        loaded->tree = std::move(out.read.root);
        loaded->format = out.read.format;
        loaded->diagnostics = out.diagnostics; // the reader's: no error, or there were no tree
        const SourceNode &tree = *loaded->tree;
        // Two cores: the validator (and the copy of the parse the document takes) on one,
        // the spec built and its engine's compiler checking it on the other. The compile's
        // findings count only where the validator finds no error, as in SpecCheck::check.
        QFuture<std::pair<DiagnosticList, std::optional<SourceNode>>> validated =
            QtConcurrent::run([&tree, keepTree] {
                return std::make_pair(Validator::validate(tree),
                                      keepTree ? std::optional<SourceNode>(tree) : std::nullopt);
            });
        loaded->spec = SpecBuilder::build(tree);
        out.specEngine = engineFor(loaded->spec);
        const DiagnosticList compiled = SpecCheck::compileFindings(*loaded);
        auto [validation, copy] = validated.takeResult();
        out.diagnostics += validation;
        sortDiagnostics(out.diagnostics);
        loaded->diagnostics = out.diagnostics;
        if (loaded->valid() && out.specEngine != Engine::None)
            out.diagnostics = SpecCheck::combine(*loaded, compiled, Severity::Info);
        // The document takes the parse (and the spec) when it has none of its own; the
        // compile for the Preview keeps the original.
        if (keepTree) {
            out.read.root = std::move(copy);
            out.spec = loaded->spec;
        }
        f.loaded = std::move(loaded);
    }
    out.elapsedMs = timer.elapsed();
    return f;
}

AnalysisResult AnalysisRunner::compileArtifacts(const CompileInput &in)
{
    QElapsedTimer timer;
    timer.start();
    AnalysisResult out;
    out.revision = in.revision;
    out.parsed = true;
    out.specEngine = in.specEngine;
    out.diagnostics = in.findings;
    if (in.stale->load())
        return out; // not `compiled`: dropped
    // Both engines side by side: each compile only reads the spec.
    const LoadedSpec &loaded = *in.loaded;
    QFuture<EngineOutput> flink =
        QtConcurrent::run([&loaded] { return compileFor(loaded, Engine::Flink); });
    out.spark = compileFor(loaded, Engine::Spark);
    out.flink = flink.result();
    if (in.stale->load())
        return out;
    // The Problems panel's final word: the spec engine's whole compile (the Kubernetes
    // manifests' findings too) over the findings reported first.
    const EngineOutput &own = out.specEngine == Engine::Flink ? out.flink : out.spark;
    if (out.specEngine != Engine::None && loaded.valid())
        out.diagnostics = SpecCheck::combine(loaded, own.diagnostics, Severity::Info);
    out.compiled = true;
    out.compileMs = timer.elapsed();
    return out;
}

AnalysisResult AnalysisRunner::analyze(quint64 revision, const QByteArray &text, SpecFormat format,
                                       bool keepTree)
{
    Findings f = findings(revision, text, format, keepTree);
    if (!f.loaded)
        return std::move(f.result);
    const AnalysisResult compiled =
        compileArtifacts({revision, f.result.specEngine, f.result.diagnostics, f.loaded,
                          std::make_shared<std::atomic_bool>(false)});
    AnalysisResult out = std::move(f.result);
    out.spark = compiled.spark;
    out.flink = compiled.flink;
    out.diagnostics = compiled.diagnostics;
    out.compiled = true;
    out.compileMs = compiled.compileMs;
    return out;
}

} // namespace uis
