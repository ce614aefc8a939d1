// SPDX-License-Identifier: Apache-2.0
#include "boolfieldeditor.h"

namespace uis {

BoolFieldEditor::BoolFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : EnumFieldEditor(field, pointer, {QStringLiteral("true"), QStringLiteral("false")}, parent)
{
}

SourceNode BoolFieldEditor::toNode(const QString &text) const
{
    return SourceNode::makeBool(text == QLatin1String("true"));
}

} // namespace uis
