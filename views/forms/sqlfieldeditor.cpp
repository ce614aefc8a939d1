// SPDX-License-Identifier: Apache-2.0
#include "sqlfieldeditor.h"

#include "codeeditor.h"

namespace uis {

SqlFieldEditor::SqlFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : FieldEditor(field, pointer, parent), m_code(new CodeEditor)
{
    m_code->setLanguage(CodeEditor::Language::Sql);
    m_code->setMarginWidth(0, 0);
    m_code->setMarginWidth(1, 0);
    m_code->setMarginWidth(2, 0);
    m_code->setCaretLineVisible(false);
    m_code->setWrapMode(QsciScintilla::WrapWord);
    m_code->setFixedHeight(field.name == QLatin1String("query") ? 110 : 56);
    setInput(m_code);
    commitOnFocusOut(m_code);
}

bool SqlFieldEditor::isSql(const FieldDef &field)
{
    return field.kind == FieldDef::Kind::String &&
           (field.name == QLatin1String("query") || field.name == QLatin1String("condition"));
}

bool SqlFieldEditor::isEditing() const
{
    return m_code->hasFocus() && m_code->isModified();
}

void SqlFieldEditor::load(const std::optional<SourceNode> &value)
{
    const QString t = value ? scalarText(*value) : QString();
    if (m_code->text() != t)
        m_code->setText(t);
    m_code->setModified(false);
}

std::optional<SourceNode> SqlFieldEditor::value() const
{
    const QString t = m_code->text().trimmed();
    return t.isEmpty() ? std::nullopt : std::optional<SourceNode>(SourceNode::makeString(t));
}

} // namespace uis
