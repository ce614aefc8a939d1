// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changescomputer.h"

#include <QDockWidget>
#include <QHash>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QTableView;
class QTimer;

namespace uis {

class ChangesDelegate;
class ChangesModel;
class PipelineDocument;

/**
 * The Changes view: the open spec (or one of its compiled artifacts) against HEAD, another Git
 * revision or the last saved file, side by side with intra-line highlights, the nodes added,
 * removed and changed, and "Restore This Version" (one undo step). The comparison runs off the
 * GUI thread, debounced while the user types.
 */
class ChangesDock : public QDockWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 350;

    explicit ChangesDock(PipelineDocument *document, QWidget *parent = nullptr);

    ChangesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *baseCombo() const { return m_base; }
    QComboBox *showCombo() const { return m_show; }
    QListWidget *nodeList() const { return m_nodes; }
    QLabel *summaryLabel() const { return m_summary; }
    QAction *restoreAction() const { return m_restore; }
    const ChangesResult &result() const { return m_result; }
    void setDark(bool dark);

    /// Compares against `base` (a Git revision, or ChangesRequest::SavedBase).
    void setBase(const QString &base);
    QString base() const;
    /// Recomputes now (no debounce).
    void refresh();
    /// The canvas marks for `nodes`: name -> NodeItem::ChangeMark (removed nodes are not on
    /// the canvas and have none).
    static QHash<QString, int> changeMarks(const QList<NodeChange> &nodes);
    /// Replaces the document's text with the base version (undoable).
    bool restoreBase(QString *error = nullptr);

Q_SIGNALS:
    /// A comparison finished and is shown.
    void updated();
    /// The Git state of the open file (for the title and status bar).
    void vcsStateChanged(const uis::VcsState &state);
    void message(const QString &text);
    /// The nodes to mark on the canvas while the view is open (empty when it closes).
    void changeMarksChanged(const QHash<QString, int> &marks);

private:
    void schedule();
    void onFinished(const ChangesResult &result);
    void showSelected();
    void updateRestore();

    PipelineDocument *m_document;
    ChangesComputer *m_computer;
    QTimer *m_debounce;
    ChangesModel *m_model;
    ChangesDelegate *m_delegate;
    QTableView *m_view;
    QComboBox *m_base;
    QComboBox *m_show;
    QListWidget *m_nodes;
    QLabel *m_summary;
    QAction *m_restore;
    ChangesResult m_result;
    bool m_haveResult = false;
    bool m_haveVcs = false;
    VcsState m_vcs;
};

} // namespace uis
