// SPDX-License-Identifier: Apache-2.0
#include "mapfieldeditor.h"

#include <QHeaderView>
#include <QTableWidget>

namespace uis {

MapFieldEditor::MapFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : TableFieldEditor(field, pointer, {FieldEditor::tr("Key"), FieldEditor::tr("Value")}, 60, 150,
                       FieldEditor::tr("Add an entry"),
                       FieldEditor::tr("Remove the selected entry"), parent)
{
    table()->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
}

void MapFieldEditor::load(const std::optional<SourceNode> &value)
{
    QTableWidget *t = table();
    t->setRowCount(0);
    if (!value || !value->isMap())
        return;
    for (const SourceNode &c : value->children()) {
        const int r = t->rowCount();
        t->insertRow(r);
        auto *k = new QTableWidgetItem(c.key());
        auto *v = new QTableWidgetItem(scalarText(c));
        if (!c.isScalar() && !c.isNull()) {
            v->setFlags(v->flags() & ~Qt::ItemIsEditable);
            v->setToolTip(FieldEditor::tr("A nested value: edit it in Source."));
            v->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        }
        t->setItem(r, 0, k);
        t->setItem(r, 1, v);
    }
}

std::optional<SourceNode> MapFieldEditor::value() const
{
    const std::optional<SourceNode> &before = committedValue();
    SourceNode m = SourceNode::makeMap();
    for (int r = 0; r < table()->rowCount(); ++r) {
        const QString key = cellText(r, 0);
        if (key.isEmpty())
            continue;
        const QTableWidgetItem *v = table()->item(r, 1);
        const QString text = v ? v->text() : QString();
        const SourceNode *old = before ? before->find(key) : nullptr;
        if (old && !old->isScalar() && !old->isNull()) {
            m.insert(key, *old); // nested values pass through untouched
        } else if (field().kind == FieldDef::Kind::TextMap) {
            m.insert(key, SourceNode::makeString(text));
        } else if (old && old->isScalar() && old->text() == text) {
            m.insert(key, *old);
        } else {
            const SourceNode::ScalarType t = resolvePlainScalar(text);
            m.insert(key, t == SourceNode::ScalarType::Null ? SourceNode::makeString(text)
                                                            : SourceNode::makeScalar(text, t));
        }
    }
    return m.size() ? std::optional<SourceNode>(m) : std::nullopt;
}

} // namespace uis
