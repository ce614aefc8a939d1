// SPDX-License-Identifier: Apache-2.0
#include "analysisapplier.h"

#include "codeeditor.h"
#include "formeditor.h"
#include "graphscene.h"
#include "pipelinedocument.h"
#include "previewdock.h"
#include "problemsdock.h"
#include "sourceview.h"

#include <QTimer>

#include <ctime>

namespace uis {

namespace {
/// CPU time of the calling thread: what a slice costs, whatever else the machine does.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
} // namespace

AnalysisApplier::AnalysisApplier(PipelineDocument *document, const Views &views, QObject *parent)
    : QObject(parent), m_document(document), m_views(views), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &AnalysisApplier::runSlice);
}

void AnalysisApplier::apply(const AnalysisResult &result)
{
    // A revision's compiled artifacts follow its findings (AnalysisRunner): when the findings
    // did not change, only the Preview has something new, and what is left of applying the
    // findings goes on.
    const bool sameFindings = result.revision == m_revision && result.diagnostics == m_diagnostics;
    if (!sameFindings) {
        m_steps.clear();
        m_revision = result.revision;
        m_diagnostics = result.diagnostics;
        applyFindings(result.diagnostics);
    }
    if (PreviewDock *preview = m_views.preview; preview && result.compiled) {
        m_steps.append([preview, result](const QDeadlineTimer &) {
            preview->setResult(result);
            return true;
        });
    }
    // The first slice too waits for the event loop: the event that delivered the result has
    // already spent part of the frame adopting its parse, and the canvas repaints the whole
    // window when it processes the badges' updates (QGraphicsScene dispatches its views'
    // pending paints at once), which would otherwise follow in the same round of events.
    m_timer->start();
}

void AnalysisApplier::applyFindings(const DiagnosticList &diagnostics)
{
    if (m_views.problems)
        m_views.problems->setDiagnostics(diagnostics);
    // Badges first (visible on the canvas), then squiggles and the form.
    if (GraphScene *scene = m_views.scene) {
        m_steps.append([scene, diagnostics, planned = false](const QDeadlineTimer &d) mutable {
            if (!planned) {
                scene->planDiagnostics(diagnostics);
                planned = true;
                if (d.hasExpired())
                    return false;
            }
            return scene->applyPlannedDiagnostics(d);
        });
    }
    if (SourceView *source = m_views.source) {
        CodeEditor *editor = source->editor();
        m_steps.append([editor, diagnostics, planned = false](const QDeadlineTimer &d) mutable {
            if (!planned) {
                editor->planDiagnostics(diagnostics);
                planned = true;
                if (d.hasExpired())
                    return false;
            }
            return editor->applyPlannedDiagnostics(d);
        });
    }
    if (FormEditor *form = m_views.form) {
        m_steps.append([form, diagnostics](const QDeadlineTimer &) {
            form->setDiagnostics(diagnostics);
            return true;
        });
    }
}

void AnalysisApplier::runSlice()
{
    if (m_document->revision() != m_revision) {
        // The text moved on: its own result follows and supersedes what is left of this one.
        m_steps.clear();
        return;
    }
    const double cpu0 = threadCpuMs();
    const QDeadlineTimer deadline(m_budgetMs, Qt::PreciseTimer);
    while (!m_steps.isEmpty()) {
        if (m_steps.first()(deadline))
            m_steps.removeFirst();
        if (deadline.hasExpired())
            break;
    }
    m_longestSliceMs = std::max(m_longestSliceMs, threadCpuMs() - cpu0);
    if (!m_steps.isEmpty()) {
        m_timer->start();
        return;
    }
    Q_EMIT applied(m_revision);
}

} // namespace uis
