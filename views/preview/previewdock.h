// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "analysisrunner.h"

#include <QDockWidget>
#include <QHash>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace uis {

class CodeEditor;

/// The compiled output: one read-only, highlighted tab per artifact of the chosen engine,
/// with Copy and Save As. The Spark/Flink switch shows the other engine's result, or why it
/// does not apply (the connector it lacks). When both engines compile the spec, Compare shows
/// both sets of tabs side by side, Spark left and Flink right (on by default).
class PreviewDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit PreviewDock(QWidget *parent = nullptr);

    void setResult(const AnalysisResult &result);
    /// Shows `engine` (Spark or Flink) regardless of the spec's mode.
    void setEngine(Engine engine);
    Engine engine() const { return m_engine; }
    QTabWidget *tabs() const { return m_tabs; }
    /// Shows both engines side by side (when both compile the spec) or one engine.
    void setCompare(bool on);
    /// Whether both engines are shown side by side now.
    bool comparing() const;
    /// Whether both engines compiled the spec (Compare is possible).
    bool canCompare() const;
    /// The side-by-side tabs of `engine` (Spark left, Flink right).
    QTabWidget *compareTabs(Engine engine) const;
    /// Text of the tab for `target`, "" when absent.
    QString artifactText(const QString &target) const;
    /// The message shown instead of tabs ("" when tabs are shown).
    QString messageText() const;
    void setDark(bool dark);
    void setEditorFont(const QFont &font);

public Q_SLOTS:
    void copyCurrent();
    void saveCurrentAs();

Q_SIGNALS:
    void message(const QString &text, int timeout);

private:
    void refresh();
    void refreshCompare();
    void fillTab(int index);
    /// The tab widget Copy and Save As act on, and its current target ("" when none).
    QString currentTarget() const;
    const EngineOutput &output() const;

    AnalysisResult m_result;
    Engine m_engine = Engine::None;
    bool m_engineChosen = false;
    QToolButton *m_spark;
    QToolButton *m_flink;
    QToolButton *m_compare;
    bool m_compareOn = true; ///< the user's choice; shown only when both engines apply
    QLabel *m_native;
    QToolButton *m_copy;
    QToolButton *m_save;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    QSplitter *m_split;
    QTabWidget *m_sparkTabs;                   ///< Compare: Spark's artifacts
    QTabWidget *m_flinkTabs;                   ///< Compare: Flink's artifacts
    QHash<QString, QByteArray> m_compareShown; ///< "engine/target" → content its editor holds
    QLabel *m_message;
    QHash<QString, QByteArray> m_pending; ///< target → content not yet put into its editor
    QHash<QString, QByteArray> m_shown;   ///< target → content its editor holds
    bool m_dark = false;
    QFont m_font;
};

} // namespace uis
