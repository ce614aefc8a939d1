// SPDX-License-Identifier: Apache-2.0
#include "enumfieldeditor.h"

#include <QComboBox>

namespace uis {

EnumFieldEditor::EnumFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : EnumFieldEditor(field, pointer, field.enumValues, parent)
{
}

EnumFieldEditor::EnumFieldEditor(const FieldDef &field, const QString &pointer,
                                 const QStringList &choices, QWidget *parent)
    : FieldEditor(field, pointer, parent), m_combo(new QComboBox)
{
    m_combo->addItem(field.required ? FieldEditor::tr("(choose)") : FieldEditor::tr("(not set)"),
                     QString());
    for (const QString &v : choices)
        m_combo->addItem(v, v);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setInput(m_combo);
    connect(m_combo, &QComboBox::activated, this, [this] { commitIfChanged(); });
}

SourceNode EnumFieldEditor::toNode(const QString &text) const
{
    return SourceNode::makeString(text);
}

std::optional<SourceNode> EnumFieldEditor::value() const
{
    const QString t = m_combo->currentData().toString();
    if (t.isEmpty())
        return std::nullopt;
    return toNode(t);
}

void EnumFieldEditor::load(const std::optional<SourceNode> &value)
{
    const QString t = value ? scalarText(*value) : QString();
    int idx = m_combo->findData(t);
    if (idx < 0) {
        m_combo->addItem(FieldEditor::tr("%1 (unknown)").arg(t), t);
        idx = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(idx);
}

} // namespace uis
