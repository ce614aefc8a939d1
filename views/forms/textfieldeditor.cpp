// SPDX-License-Identifier: Apache-2.0
#include "textfieldeditor.h"

#include "formatrules.h"

#include <QCompleter>
#include <QLineEdit>

namespace uis {

namespace {

/// The dim text shown while the field is empty: an example of the format, or the range.
QString placeholderFor(const FieldDef &f)
{
    using F = FieldDef::Format;
    QString hint;
    switch (f.format) {
    case F::Duration:
        hint = FieldEditor::tr("e.g. 30 s, 5 minutes");
        break;
    case F::Interval:
        hint = FieldEditor::tr("e.g. 5 minutes");
        break;
    case F::Memory:
        hint = FieldEditor::tr("e.g. 512m, 8g");
        break;
    case F::Cron:
        hint = FieldEditor::tr("e.g. 0 */6 * * *");
        break;
    case F::Url:
        hint = FieldEditor::tr("https://…");
        break;
    case F::JsonPath:
        hint = FieldEditor::tr("e.g. $.results");
        break;
    default:
        if (f.kind == FieldDef::Kind::Integer || f.kind == FieldDef::Kind::Number) {
            if (f.minimum && f.maximum)
                hint = FieldEditor::tr("%1 … %2").arg(*f.minimum).arg(*f.maximum);
            else if (f.minimum)
                hint = f.exclusiveMinimum ? FieldEditor::tr("> %1").arg(*f.minimum)
                                          : FieldEditor::tr("≥ %1").arg(*f.minimum);
        }
        break;
    }
    if (hint.isEmpty() && f.required)
        hint = FieldEditor::tr("required");
    return hint;
}

} // namespace

TextFieldEditor::TextFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : FieldEditor(field, pointer, parent), m_line(new QLineEdit)
{
    m_line->setClearButtonEnabled(true);
    m_line->setPlaceholderText(placeholderFor(field));
    setInput(m_line);
    connect(m_line, &QLineEdit::editingFinished, this, [this] {
        m_line->setModified(false);
        commitIfChanged();
    });
    connect(m_line, &QLineEdit::textEdited, this, [this] { recheck(); });
}

SourceNode TextFieldEditor::toNode(const QString &text) const
{
    return SourceNode::makeString(text);
}

std::optional<SourceNode> TextFieldEditor::value() const
{
    const QString t = m_line->text().trimmed();
    if (t.isEmpty())
        return std::nullopt;
    return toNode(t);
}

void TextFieldEditor::recheck()
{
    // Exactly what the validator will say about this value once it is committed.
    const std::optional<SourceNode> v = value();
    setLocalProblem(v ? FormatRules::scalarProblem(field(), *v, providerType()).message
                      : QString());
}

void TextFieldEditor::load(const std::optional<SourceNode> &value)
{
    m_line->setText(value ? scalarText(*value) : QString());
    m_line->setModified(false);
    recheck();
}

void TextFieldEditor::setSuggestions(const QStringList &suggestions)
{
    FieldEditor::setSuggestions(suggestions);
    if (!suggestions.isEmpty()) {
        auto *c = new QCompleter(suggestions, m_line);
        c->setCaseSensitivity(Qt::CaseInsensitive);
        m_line->setCompleter(c);
    }
}

bool TextFieldEditor::isEditing() const
{
    // Only an edit the user has not finished keeps the field from following the document.
    return m_line->hasFocus() && m_line->isModified();
}

} // namespace uis
