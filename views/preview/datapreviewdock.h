// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"
#include "specloader.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace uis {

class DataPreviewModel;
class DataPreviewRunner;
class GraphScene;
class PipelineDocument;
class PreviewComparisonView;
struct PreviewNode;

/**
 * "Data Preview", under the canvas: runs the document's sources and transforms on a few rows
 * (DataPreviewRunner) and shows the rows of one node at a time. The node selector follows the
 * canvas selection; a Run/Stop button, a busy indicator, the row count and the elapsed time sit
 * above the table, and a failure is explained in a banner. The engine selector picks the spec's
 * own engine, Spark, Flink (engines without the spec's connectors are disabled, the compiler's
 * diagnostic saying why) or Both: Spark then Flink, each node's rows side by side with the
 * differing cells highlighted (PreviewComparisonView).
 */
class DataPreviewDock : public QDockWidget
{
    Q_OBJECT
public:
    /// The engine selector's choices (its items' data).
    enum class EngineChoice { Spec, Spark, Flink, Both };

    explicit DataPreviewDock(PipelineDocument *document, QWidget *parent = nullptr);
    ~DataPreviewDock() override;

    /// Follows the selection of `scene` (may be null).
    void setScene(GraphScene *scene);

    /// Starts a preview of the document as it is now (nothing when one runs).
    void run();
    /// Sample records per endpoint for sources the preview cannot read (PreviewSamplesDialog).
    void editSamples();
    void stop();
    bool isRunning() const;

    /// Shows the node `name` (a preview node, or a canvas node that maps to one).
    bool showNode(const QString &name);
    QString currentNode() const;

    /// The run of the chosen engine; with Both, the Spark run.
    DataPreviewRunner *runner() const { return m_runner; }
    /// With Both, the Flink run (after the Spark one).
    DataPreviewRunner *flinkRunner() const { return m_second; }
    QComboBox *engineSelector() const { return m_engineChoice; }
    EngineChoice engineChoice() const;
    /// Selects `choice` when enabled for this spec; false when it is not.
    bool setEngineChoice(EngineChoice choice);
    /// Whether the last run was Both (the comparison is shown instead of the table).
    bool comparing() const { return m_bothRun; }
    PreviewComparisonView *comparisonView() const { return m_compare; }
    DataPreviewModel *model() const { return m_model; }
    QComboBox *nodeSelector() const { return m_nodes; }
    QTableView *table() const { return m_table; }
    QToolButton *runButton() const { return m_run; }
    QProgressBar *busyIndicator() const { return m_busy; }
    /// The banner's text (a failure, or the hint before the first run).
    QString message() const;
    QString statusText() const;
    /// The engine the preview runs on, for messages ("Spark", "Flink mini-cluster").
    QString engineText() const;
    /// Why the last run (an engine of Both) ran on a cold engine, as the runner said; "" when
    /// it ran warm or cold by choice.
    QString sessionNote() const;

Q_SIGNALS:
    /// Emitted when a preview starts and ends, for the actions' enabled state.
    void runningChanged(bool running);

private:
    void setRunning(bool running);
    void connectRunner(DataPreviewRunner *runner);
    void onRunEnded(DataPreviewRunner *runner, const QString &failure);
    /// Enables the engines whose connectors the spec's sources and sinks have.
    void updateEngineChoices();
    QString engineLabel(const DataPreviewRunner *runner) const;
    /// Where a run previewed: the warm server, or the cold fallback and why.
    QString sessionText(const DataPreviewRunner *runner) const;
    QString runnerState(const DataPreviewRunner *runner, bool started) const;
    /// The node of each run that the selector item `key` shows.
    const PreviewNode *sparkNode(const QString &key) const;
    const PreviewNode *flinkNode(const QString &key) const;
    void showCurrent();
    void showMessage(const QString &text, bool error);
    void updateStatus();
    void onNodeAdded(DataPreviewRunner *runner, const QString &name);
    void onNodeChanged(DataPreviewRunner *runner, const QString &name);
    void onSelectorChanged();
    void onCanvasSelection(const QList<NodeId> &ids);
    void updateItemText(int index);
    void fitColumns();

    PipelineDocument *m_document;
    GraphScene *m_scene = nullptr;
    DataPreviewRunner *m_runner;
    DataPreviewRunner *m_second;
    DataPreviewModel *m_model;
    QToolButton *m_run;
    QComboBox *m_engineChoice;
    QComboBox *m_nodes;
    QProgressBar *m_busy;
    QLabel *m_status;
    QLabel *m_message;
    QTableView *m_table;
    PreviewComparisonView *m_compare;
    QStackedWidget *m_pages;
    QTimer *m_ticker;
    QTimer *m_choicesTimer;
    QString m_progress;
    QString m_wanted;  ///< the node to show once it arrives (a preview or canvas name)
    quint64 m_runRevision = 0;
    bool m_hasRun = false;
    bool m_active = false;        ///< a run (of one engine or both) is under way
    bool m_bothRun = false;       ///< the last run was Both
    bool m_secondStarted = false; ///< Both: the Flink run has started
    bool m_stopping = false;      ///< Stop was asked: Both does not go on to Flink
    QStringList m_errors;         ///< this run's failures
    QByteArray m_runText;         ///< the spec as it was when the run started (Both's 2nd run)
    SpecFormat m_runFormat = SpecFormat::Yaml;
};

} // namespace uis
