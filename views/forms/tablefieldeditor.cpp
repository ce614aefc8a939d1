// SPDX-License-Identifier: Apache-2.0
#include "tablefieldeditor.h"

#include <QApplication>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>

namespace uis {

TableFieldEditor::TableFieldEditor(const FieldDef &field, const QString &pointer,
                                   const QStringList &headers, int minHeight, int maxHeight,
                                   const QString &addTip, const QString &removeTip, QWidget *parent)
    : FieldEditor(field, pointer, parent), m_table(new QTableWidget(0, int(headers.size())))
{
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setMaximumHeight(maxHeight);
    m_table->setMinimumHeight(minHeight);
    QToolButton *add = nullptr;
    QToolButton *remove = nullptr;
    QWidget *row = withAddRemove(m_table, addTip, removeTip, &add, &remove);
    setInput(m_table, row);
    connect(add, &QToolButton::clicked, this, [this] {
        setLoading(true);
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        for (int c = 0; c < m_table->columnCount(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem);
        setLoading(false);
        m_table->setCurrentCell(r, 0);
        m_table->editItem(m_table->item(r, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            commitIfChanged();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!isLoading() && !cellText(item->row(), 0).isEmpty())
            commitIfChanged();
    });
}

QString TableFieldEditor::column(int c) const
{
    return m_table->horizontalHeaderItem(c)->text();
}

QString TableFieldEditor::cellText(int row, int c) const
{
    const QTableWidgetItem *it = m_table->item(row, c);
    return it ? it->text().trimmed() : QString();
}

bool TableFieldEditor::isEditing() const
{
    // An open item editor is a child of the view's viewport.
    return m_table->viewport()->isAncestorOf(QApplication::focusWidget());
}

} // namespace uis
