// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace uis {

class LogHighlighter;

/**
 * A job log: text that grows at the end (following keeps the view at the bottom), search with
 * every match marked, error and exception lines highlighted, "Jump to root cause" (the first
 * Java or Python exception with its Caused-by chain) and save to file.
 */
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);

    void clear();
    void appendData(const QByteArray &utf8);
    QString text() const;

    QPlainTextEdit *editor() const { return m_edit; }
    QLineEdit *searchField() const { return m_search; }
    bool followTail() const;
    void setFollowTail(bool on);

    /// Moves to the next (or previous) match of the search text; false when there is none.
    bool findNext(bool backwards = false);
    /// Selects the first exception and its cause chain; false (and says so) when there is none.
    bool jumpToRootCause();
    /// Writes the log (QSaveFile); returns an error or "".
    QString saveTo(const QString &path) const;
    /// The status line under the log (root cause summary, search results, …).
    QString statusText() const;

public Q_SLOTS:
    void saveAs();

private:
    QPlainTextEdit *m_edit;
    LogHighlighter *m_highlighter;
    QLineEdit *m_search;
    QCheckBox *m_follow;
    QToolButton *m_rootCause;
    QToolButton *m_save;
    QLabel *m_status;
    QByteArray m_pending; ///< an incomplete UTF-8 sequence at the end of the last chunk
};

} // namespace uis
