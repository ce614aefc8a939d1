// SPDX-License-Identifier: Apache-2.0
#include "objectlistfieldeditor.h"

#include <QTableWidget>

namespace uis {

namespace {
QStringList columnsOf(const FieldDef &field)
{
    const ObjectDef *def = SpecSchema::instance().object(field.objectType);
    return def ? def->fieldNames() : QStringList{QStringLiteral("name")};
}
} // namespace

ObjectListFieldEditor::ObjectListFieldEditor(const FieldDef &field, const QString &pointer,
                                             QWidget *parent)
    : TableFieldEditor(field, pointer, columnsOf(field), 70, 180, FieldEditor::tr("Add a column"),
                       FieldEditor::tr("Remove the selected column"), parent)
{
}

void ObjectListFieldEditor::load(const std::optional<SourceNode> &value)
{
    QTableWidget *t = table();
    t->setRowCount(0);
    if (!value || !value->isList())
        return;
    for (const SourceNode &item : value->children()) {
        const int r = t->rowCount();
        t->insertRow(r);
        for (int c = 0; c < t->columnCount(); ++c) {
            const SourceNode *v = item.find(column(c));
            t->setItem(r, c, new QTableWidgetItem(v ? scalarText(*v) : QString()));
        }
    }
}

std::optional<SourceNode> ObjectListFieldEditor::value() const
{
    const ObjectDef *def = SpecSchema::instance().object(field().objectType);
    SourceNode l = SourceNode::makeList();
    for (int r = 0; r < table()->rowCount(); ++r) {
        SourceNode m = SourceNode::makeMap();
        for (int c = 0; c < table()->columnCount(); ++c) {
            const QString col = column(c);
            const QString t = cellText(r, c);
            if (t.isEmpty())
                continue;
            const FieldDef *fd = def ? def->field(col) : nullptr;
            if (fd && fd->kind == FieldDef::Kind::Boolean)
                m.insert(col, SourceNode::makeBool(t == QLatin1String("true")));
            else
                m.insert(col, SourceNode::makeString(t));
        }
        if (m.size())
            l.append(m);
    }
    return l.size() ? std::optional<SourceNode>(l) : std::nullopt;
}

} // namespace uis
