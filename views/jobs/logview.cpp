// SPDX-License-Identifier: Apache-2.0
#include "logview.h"

#include "loganalyzer.h"
#include "loghighlighter.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QStringDecoder>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace uis {

LogView::LogView(QWidget *parent)
    : QWidget(parent), m_edit(new QPlainTextEdit), m_search(new QLineEdit),
      m_follow(new QCheckBox(tr("Follow"))), m_rootCause(new QToolButton), m_save(new QToolButton),
      m_status(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("logSearch"));
    bar->addWidget(m_search, 1);
    // The buttons fold into the tool bar's » menu when the dock is narrow.
    auto *tools = new QToolBar;
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *prev = new QToolButton;
    prev->setText(tr("Previous"));
    auto *next = new QToolButton;
    next->setText(tr("Next"));
    tools->addWidget(prev);
    tools->addWidget(next);
    m_rootCause->setText(tr("Jump to Root Cause"));
    m_rootCause->setToolTip(
        tr("Select the first Java or Python exception and its “Caused by” chain"));
    tools->addWidget(m_rootCause);
    m_save->setText(tr("Save…"));
    tools->addWidget(m_save);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep showing the end of the log while the job runs"));
    tools->addWidget(m_follow);
    bar->addWidget(tools);
    layout->addLayout(bar);

    m_edit->setReadOnly(true);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setUndoRedoEnabled(false);
    m_highlighter = new LogHighlighter(m_edit->document());
    layout->addWidget(m_edit, 1);
    m_status->setContentsMargins(4, 0, 4, 2);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_highlighter->setSearch(t);
        if (!t.isEmpty()) {
            const int matches = int(m_edit->toPlainText().count(t, Qt::CaseInsensitive));
            m_status->setText(tr("%n match(es)", nullptr, matches));
        }
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNext(); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(); });
    connect(prev, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(m_rootCause, &QToolButton::clicked, this, [this] { jumpToRootCause(); });
    connect(m_save, &QToolButton::clicked, this, &LogView::saveAs);
}

void LogView::clear()
{
    m_edit->clear();
    m_pending.clear();
    m_status->clear();
}

void LogView::appendData(const QByteArray &utf8)
{
    // The server cuts ranges at character boundaries, but be safe with any chunking.
    QByteArray bytes = m_pending + utf8;
    qsizetype cut = bytes.size();
    int back = 0;
    while (cut > 0 && back < 3 && (uchar(bytes[cut - 1]) & 0xC0) == 0x80) {
        --cut;
        ++back;
    }
    if (cut > 0 && uchar(bytes[cut - 1]) >= 0xC0) {
        const uchar lead = uchar(bytes[cut - 1]);
        const int len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if ((cut - 1) + len > bytes.size()) {
            m_pending = bytes.mid(cut - 1);
            bytes.truncate(cut - 1);
        } else {
            m_pending.clear();
        }
    } else {
        m_pending.clear();
    }
    if (bytes.isEmpty())
        return;
    QScrollBar *bar = m_edit->verticalScrollBar();
    const int keep = bar->value();
    QTextCursor c(m_edit->document());
    c.movePosition(QTextCursor::End);
    c.insertText(QString::fromUtf8(bytes));
    if (m_follow->isChecked())
        bar->setValue(bar->maximum());
    else
        bar->setValue(keep);
}

QString LogView::text() const
{
    return m_edit->toPlainText();
}

bool LogView::followTail() const
{
    return m_follow->isChecked();
}

void LogView::setFollowTail(bool on)
{
    m_follow->setChecked(on);
}

bool LogView::findNext(bool backwards)
{
    const QString t = m_search->text();
    if (t.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (m_edit->find(t, flags))
        return true;
    // Wrap around.
    QTextCursor c = m_edit->textCursor();
    c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_edit->setTextCursor(c);
    const bool found = m_edit->find(t, flags);
    m_status->setText(found ? tr("Search wrapped around") : tr("“%1” not found").arg(t));
    return found;
}

bool LogView::jumpToRootCause()
{
    const auto rc = LogAnalyzer::findRootCause(m_edit->toPlainText());
    if (!rc) {
        m_status->setText(tr("No Java or Python exception in this log"));
        return false;
    }
    m_follow->setChecked(false);
    QTextDocument *doc = m_edit->document();
    const QTextBlock first = doc->findBlockByNumber(rc->firstLine);
    const QTextBlock last = doc->findBlockByNumber(rc->lastLine);
    QTextCursor c(first);
    c.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    m_edit->setTextCursor(c);
    m_edit->centerCursor();
    QString summary = tr("Root cause (line %1): %2").arg(rc->firstLine + 1).arg(rc->summary());
    if (!rc->causedBy.isEmpty())
        summary += QLatin1Char('\n') + tr("Raised as: %1").arg(rc->exception);
    m_status->setText(summary);
    return true;
}

QString LogView::saveTo(const QString &path) const
{
    QSaveFile f(path);
    const QByteArray text = m_edit->toPlainText().toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    return QString();
}

void LogView::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Log"), QStringLiteral("job.log"), tr("Logs (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString e = saveTo(path);
    m_status->setText(e.isEmpty() ? tr("Saved to %1").arg(path) : e);
}

QString LogView::statusText() const
{
    return m_status->text();
}

} // namespace uis
