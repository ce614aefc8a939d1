// SPDX-License-Identifier: Apache-2.0
#include "jsonfieldeditor.h"

#include "specreader.h"
#include "specwriter.h"

#include <QPlainTextEdit>

namespace uis {

JsonFieldEditor::JsonFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : FieldEditor(field, pointer, parent), m_text(new QPlainTextEdit)
{
    m_text->setFixedHeight(90);
    m_text->setPlaceholderText(FieldEditor::tr("JSON or YAML"));
    setInput(m_text);
    commitOnFocusOut(m_text);
}

bool JsonFieldEditor::isEditing() const
{
    return m_text->hasFocus() && m_text->document()->isModified();
}

void JsonFieldEditor::load(const std::optional<SourceNode> &value)
{
    QString t;
    if (value && !value->isNull())
        t = value->isScalar() ? value->text() : QString::fromUtf8(SpecWriter::toJson(*value));
    m_text->setPlainText(t.trimmed());
    m_text->document()->setModified(false);
}

std::optional<SourceNode> JsonFieldEditor::value() const
{
    const QString t = m_text->toPlainText().trimmed();
    if (t.isEmpty())
        return std::nullopt;
    ReadResult r = SpecReader::read(t.toUtf8(), SpecFormat::Auto);
    return r.root ? r.root : std::optional<SourceNode>(SourceNode::makeString(t));
}

} // namespace uis
