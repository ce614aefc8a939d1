// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "analysisrunner.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>

#include <functional>

class QTimer;

namespace uis {

class FormEditor;
class GraphScene;
class PipelineDocument;
class PreviewDock;
class ProblemsDock;
class SourceView;

/**
 * Shows an analysis result in the views without stalling the GUI thread: each view takes only
 * what changed (diffed against what it shows), and the work runs in slices of at most
 * `budget()` ms that yield to the event loop in between (Qt Creator's and KTextEditor's rule:
 * nothing on the GUI thread longer than a frame). Problems is updated at once, since its
 * diff is cheap and others (drift) add to it right after; the other views follow from the
 * event loop, from the first slice on. A newer text drops what is left.
 */
class AnalysisApplier : public QObject
{
    Q_OBJECT
public:
    struct Views
    {
        ProblemsDock *problems = nullptr;
        SourceView *source = nullptr;
        GraphScene *scene = nullptr;
        FormEditor *form = nullptr;
        PreviewDock *preview = nullptr;
    };

    AnalysisApplier(PipelineDocument *document, const Views &views, QObject *parent = nullptr);

    void apply(const AnalysisResult &result);
    /// Whether slices of a result are still to run.
    bool isBusy() const { return !m_steps.isEmpty(); }
    int budget() const { return m_budgetMs; }
    void setBudget(int ms) { m_budgetMs = ms; }
    /// The longest slice so far, in ms of GUI-thread CPU time (for the bench).
    double longestSliceMs() const { return m_longestSliceMs; }
    void resetLongestSlice() { m_longestSliceMs = 0; }

Q_SIGNALS:
    /// Every view shows the result of `revision`.
    void applied(quint64 revision);

private:
    /// One piece of work; returns true when done, false to be called again in a later slice.
    using Step = std::function<bool(const QDeadlineTimer &)>;
    void runSlice();
    /// The steps that show a revision's findings (Problems at once, then the views).
    void applyFindings(const DiagnosticList &diagnostics);

    PipelineDocument *m_document;
    Views m_views;
    QTimer *m_timer;
    QList<Step> m_steps;
    quint64 m_revision = 0;
    DiagnosticList m_diagnostics; ///< the findings applied last (of m_revision)
    int m_budgetMs = 4;
    double m_longestSliceMs = 0;
};

} // namespace uis
