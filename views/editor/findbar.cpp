// SPDX-License-Identifier: Apache-2.0
#include "findbar.h"

#include "codeeditor.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace uis {

FindBar::FindBar(CodeEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit)
    , m_replace(new QLineEdit)
    , m_replaceRow(new QWidget)
    , m_case(new QCheckBox(tr("Match case")))
    , m_word(new QCheckBox(tr("Whole words")))
    , m_regex(new QCheckBox(tr("Regular expression")))
    , m_status(new QLabel)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(6, 4, 6, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(3);
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));
    auto *prev = new QPushButton(tr("Previous"));
    auto *next = new QPushButton(tr("Next"));
    auto *close = new QToolButton;
    close->setAutoRaise(true);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close (Esc)"));
    grid->addWidget(new QLabel(tr("Find:")), 0, 0);
    grid->addWidget(m_find, 0, 1);
    grid->addWidget(prev, 0, 2);
    grid->addWidget(next, 0, 3);
    grid->addWidget(m_case, 0, 4);
    grid->addWidget(m_word, 0, 5);
    grid->addWidget(m_regex, 0, 6);
    grid->addWidget(m_status, 0, 7);
    grid->addWidget(close, 0, 8, Qt::AlignRight);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(7, 1);

    auto *rl = new QHBoxLayout(m_replaceRow);
    rl->setContentsMargins(0, 0, 0, 0);
    auto *replaceOne = new QPushButton(tr("Replace"));
    auto *replaceAllButton = new QPushButton(tr("Replace All"));
    rl->addWidget(m_replace, 1);
    rl->addWidget(replaceOne);
    rl->addWidget(replaceAllButton);
    grid->addWidget(new QLabel(tr("Replace:")), 1, 0);
    grid->addWidget(m_replaceRow, 1, 1, 1, 3);

    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(true); });
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_status->clear(); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(prev, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    connect(replaceOne, &QPushButton::clicked, this, [this] {
        if (!m_editor->replaceCurrent(m_find->text(), m_replace->text(), m_case->isChecked(),
                                      m_word->isChecked(), m_regex->isChecked()))
            m_status->setText(tr("No more matches"));
    });
    connect(replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    hide();
}

void FindBar::open(bool replace)
{
    const bool showReplace = replace && !m_editor->isReadOnly();
    m_replaceRow->setVisible(showReplace);
    if (auto *grid = qobject_cast<QGridLayout *>(layout()))
        grid->itemAtPosition(1, 0)->widget()->setVisible(showReplace);
    if (m_editor->hasSelectedText() && !m_editor->selectedText().contains(QLatin1Char('\n')))
        m_find->setText(m_editor->selectedText());
    show();
    m_find->setFocus();
    m_find->selectAll();
}

bool FindBar::findNext(bool forward)
{
    const bool found = m_editor->find(m_find->text(), m_case->isChecked(), m_word->isChecked(),
                                      m_regex->isChecked(), forward);
    m_status->setText(found || m_find->text().isEmpty() ? QString() : tr("Not found"));
    return found;
}

int FindBar::replaceAll()
{
    const int n = m_editor->replaceAll(m_find->text(), m_replace->text(), m_case->isChecked(),
                                       m_word->isChecked(), m_regex->isChecked());
    m_status->setText(tr("%n replaced", nullptr, n));
    return n;
}

void FindBar::keyPressEvent(QKeyEvent *e)
{
    if (e->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    if ((e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) && (e->modifiers() & Qt::ShiftModifier)) {
        findNext(false);
        return;
    }
    QWidget::keyPressEvent(e);
}

} // namespace uis
