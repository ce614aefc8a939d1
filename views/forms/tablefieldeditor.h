// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldeditor.h"

class QTableWidget;

namespace uis {

/// What maps and lists of objects share: a table with add and remove buttons, where a row is
/// committed once its first cell (the key or name) has text.
class TableFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    bool isEditing() const override;

protected:
    TableFieldEditor(const FieldDef &field, const QString &pointer, const QStringList &headers,
                     int minHeight, int maxHeight, const QString &addTip, const QString &removeTip,
                     QWidget *parent);

    QTableWidget *table() const { return m_table; }
    /// The header text of column `c`.
    QString column(int c) const;
    /// The trimmed text of a cell, "" when it has no item.
    QString cellText(int row, int c) const;

private:
    QTableWidget *m_table;
};

} // namespace uis
