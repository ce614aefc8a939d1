// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QTableView;
class QTimer;
class QToolButton;

namespace uis {

class DataPreviewModel;
class DataPreviewRunner;
class GraphScene;
class PipelineDocument;

/**
 * "Data Preview", under the canvas: runs the document's sources and transforms on a few rows
 * (DataPreviewRunner) and shows the rows of one node at a time. The node selector follows the
 * canvas selection; a Run/Stop button, a busy indicator, the row count and the elapsed time sit
 * above the table, and a failure is explained in a banner.
 */
class DataPreviewDock : public QDockWidget
{
    Q_OBJECT
public:
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

    DataPreviewRunner *runner() const { return m_runner; }
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

Q_SIGNALS:
    /// Emitted when a preview starts and ends, for the actions' enabled state.
    void runningChanged(bool running);

private:
    void setRunning(bool running);
    void showMessage(const QString &text, bool error);
    void updateStatus();
    void onNodeAdded(const QString &name);
    void onNodeChanged(const QString &name);
    void onSelectorChanged();
    void onCanvasSelection(const QList<NodeId> &ids);
    void updateItemText(int index);
    void fitColumns();

    PipelineDocument *m_document;
    GraphScene *m_scene = nullptr;
    DataPreviewRunner *m_runner;
    DataPreviewModel *m_model;
    QToolButton *m_run;
    QComboBox *m_nodes;
    QProgressBar *m_busy;
    QLabel *m_status;
    QLabel *m_message;
    QTableView *m_table;
    QTimer *m_ticker;
    QString m_progress;
    QString m_wanted;  ///< the node to show once it arrives (a preview or canvas name)
    quint64 m_runRevision = 0;
    bool m_hasRun = false;
};

} // namespace uis
