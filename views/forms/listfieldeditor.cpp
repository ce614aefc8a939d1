// SPDX-License-Identifier: Apache-2.0
#include "listfieldeditor.h"

#include <QApplication>
#include <QListWidget>
#include <QMenu>
#include <QToolButton>

namespace uis {

ListFieldEditor::ListFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : FieldEditor(field, pointer, parent), m_list(new QListWidget)
{
    m_list->setMaximumHeight(88);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    QToolButton *add = nullptr;
    QToolButton *remove = nullptr;
    QWidget *row = withAddRemove(m_list, FieldEditor::tr("Add an item"),
                                 FieldEditor::tr("Remove the selected item"), &add, &remove);
    setInput(m_list, row);
    connect(add, &QToolButton::clicked, this, [this, add] { this->add(add); });
    connect(remove, &QToolButton::clicked, this, [this] {
        delete m_list->currentItem();
        commitIfChanged();
    });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!isLoading())
            commitIfChanged();
    });
}

QListWidgetItem *ListFieldEditor::addItem(const QString &text)
{
    auto *i = new QListWidgetItem(text);
    i->setFlags(i->flags() | Qt::ItemIsEditable);
    m_list->addItem(i);
    return i;
}

void ListFieldEditor::add(QWidget *button)
{
    if (suggestions().isEmpty()) {
        m_list->editItem(addItem(QString()));
        return;
    }
    QMenu menu;
    for (const QString &s : suggestions())
        menu.addAction(s, this, [this, s] {
            addItem(s);
            commitIfChanged();
        });
    menu.addSeparator();
    menu.addAction(FieldEditor::tr("Other…"), this,
                   [this] { m_list->editItem(addItem(QString())); });
    menu.exec(button->mapToGlobal(QPoint(0, button->height())));
}

bool ListFieldEditor::isEditing() const
{
    // An open item editor is a child of the view's viewport.
    return m_list->viewport()->isAncestorOf(QApplication::focusWidget());
}

void ListFieldEditor::load(const std::optional<SourceNode> &value)
{
    m_list->clear();
    if (value && value->isList()) {
        for (const SourceNode &c : value->children())
            addItem(scalarText(c));
    } else if (value && value->isScalar()) {
        addItem(value->text());
    }
}

std::optional<SourceNode> ListFieldEditor::value() const
{
    SourceNode l = SourceNode::makeList();
    for (int i = 0; i < m_list->count(); ++i) {
        const QString t = m_list->item(i)->text().trimmed();
        if (!t.isEmpty())
            l.append(SourceNode::makeString(t));
    }
    return l.size() ? std::optional<SourceNode>(l) : std::nullopt;
}

} // namespace uis
