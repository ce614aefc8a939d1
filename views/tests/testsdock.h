// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>
#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProcess;
class QProgressBar;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace uis {

class PipelineDocument;

/**
 * "Tests": the golden-data cases of the document's `<name>.tests.yaml` (UIS-SPEC.md, "Pipeline
 * tests") with their pass/fail per engine. Runs one case or all of them through
 * `uisctl test --format json` (a QProcess in its own process group, so Stop reaches the engine;
 * on the warm engine sessions of the designer's setting, as the Data Preview),
 * shows progress, and the row diff of the selected case. "New Case from Preview" appends a case
 * built from the Data Preview's rows: each endpoint's source rows as inputs, the rows each sink
 * reads as its expected rows (to be checked by the user before they are trusted).
 */
class TestsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit TestsDock(PipelineDocument *document, QWidget *parent = nullptr);
    ~TestsDock() override;

    /// Re-reads the tests file next to the document.
    void reload();
    /// Runs every case (an empty name) or the one called `name`.
    void run(const QString &name = {});
    void stop();
    bool isRunning() const { return m_process != nullptr; }
    /// Appends a case made from the Data Preview's rows to the tests file; returns an error or "".
    QString addCaseFromPreview();

    QTreeWidget *tree() const { return m_tree; }
    QString diffText() const;
    QString statusText() const;
    /// The path of the tests file ("" for an untitled document).
    QString testsPath() const;

private:
    void setRunning(bool running);
    void readProgress();
    void onFinished(int exitCode);
    void applyResult(const QJsonObject &result);
    void showSelected();
    QTreeWidgetItem *itemFor(const QString &name) const;
    static QString uisctlPath();
    /// Where the cases run (`uisctl test --session`): the designer's setting, default auto.
    static QString sessionChoice();
    /// uisctl's environment: the designer's idle time for a pair the run starts.
    static QProcessEnvironment environment();
    /// "Spark: warm", "Flink: cold (why)": where each engine's cases ran.
    static QStringList sessions(const QJsonObject &result);

    PipelineDocument *m_document;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_diff;
    QLabel *m_status;
    QProgressBar *m_busy;
    QComboBox *m_engine;
    QToolButton *m_runAll;
    QToolButton *m_runOne;
    QToolButton *m_stop;
    QToolButton *m_fromPreview;
    QProcess *m_process = nullptr;
    qint64 m_pgid = 0;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QHash<QString, QString> m_diffs; ///< case name → diff text of the last run
};

} // namespace uis
