// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "endpointsampler.h"
#include "samplemapping.h"

#include <QDockWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace uis {

class JsonTreeModel;
class PipelineDocument;
class PlaceholderValues;
class RecordsTableModel;
class SamplePagesView;
class TokenStore;

/**
 * The designer's Sample view: samples an endpoint's real source off the GUI thread (progress
 * and Stop) and shows its records (a table, and the selected record as a JSON tree), each REST
 * response, the inferred schema, the detected pagination and the drift from the declared schema.
 *
 * Clicking a node of the record tree proposes a mapping (SampleMapping); activating it (double
 * click, Enter or Map) sets `response_path` or adds a `field_mapping` entry. Apply as Schema
 * writes the inferred schema; Keep as Test Case appends a case to the spec's tests file. Each is
 * one step on the document's undo stack and patches only what it adds.
 */
class SampleDock : public QDockWidget
{
    Q_OBJECT
public:
    SampleDock(PipelineDocument *document, TokenStore *tokens, QWidget *parent = nullptr);
    ~SampleDock() override;

    /// Selects the endpoint `name` and samples it.
    void sampleEndpoint(const QString &name);
    void sample();
    void stop();
    bool isRunning() const;
    bool hasSample() const { return m_hasSample; }
    const EndpointSample &sampleResult() const;
    /// The sample's drift from the endpoint's schema as declared now, with file positions.
    DiagnosticList drift() const;

    /// What activating `index` of the record tree would do.
    MapAction actionFor(const QModelIndex &treeIndex) const;
    /// Performs actionFor(treeIndex), a field renamed to `target` when given.
    bool map(const QModelIndex &treeIndex, const QString &target = {}, QString *error = nullptr);
    bool applySchema(QString *error = nullptr);
    bool keepAsTestCase(QString *error = nullptr);

    // The widgets, for the integration and tests.
    QComboBox *endpointBox() const { return m_endpoints; }
    QTableView *recordsView() const { return m_table; }
    QTreeView *recordTree() const { return m_tree; }
    JsonTreeModel *treeModel() const { return m_treeModel; }
    QLineEdit *mapName() const { return m_mapName; }
    QPushButton *mapButton() const { return m_mapButton; }
    QPushButton *sampleButton() const { return m_sample; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *applySchemaButton() const { return m_apply; }
    QPushButton *keepButton() const { return m_keep; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *schemaOfBox() const { return m_schemaOf; }
    QTableWidget *schemaTable() const { return m_schema; }
    SamplePagesView *pagesView() const { return m_pages; }
    PlaceholderValues *placeholderValues() const { return m_values; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void runningChanged(bool running);
    /// A sample finished or was re-read: drift() has changed.
    void driftChanged();
    void message(const QString &text);

private:
    void refreshEndpoints();
    void startSampling(const QHash<QString, QString> &values);
    void setRunning(bool running);
    void onFinished();
    void onFailed(const QString &message);
    void showRecord();
    void showMapAction();
    void showSchema();
    void showPagination();
    void showDrift();
    int endpointIndex() const;
    QString endpointPointer() const;
    QString maskText(const QString &text) const;
    void setStatus(const QString &text);

    PipelineDocument *m_document;
    EndpointSampler *m_sampler;
    PlaceholderValues *m_values;
    bool m_hasSample = false;
    QString m_sampledEndpoint;

    QComboBox *m_endpoints;
    QSpinBox *m_limit;
    QSpinBox *m_maxPages;
    QPushButton *m_sample;
    QPushButton *m_stop;
    QProgressBar *m_progress;
    QAction *m_progressAction = nullptr;
    QLabel *m_status;
    QTabWidget *m_tabs;
    RecordsTableModel *m_records;
    QTableView *m_table;
    JsonTreeModel *m_treeModel;
    QTreeView *m_tree;
    QLabel *m_mapHint;
    QLineEdit *m_mapName;
    QPushButton *m_mapButton;
    SamplePagesView *m_pages;
    QComboBox *m_schemaOf; ///< several tables (CDC): the endpoint's merged schema or one table's
    QLabel *m_schemaOfLabel;
    QTableWidget *m_schema;
    QPushButton *m_apply;
    QPushButton *m_keep;
    QPlainTextEdit *m_pagination;
    QTreeWidget *m_drift;
};

} // namespace uis
