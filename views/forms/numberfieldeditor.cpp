// SPDX-License-Identifier: Apache-2.0
#include "numberfieldeditor.h"

namespace uis {

NumberFieldEditor::NumberFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : TextFieldEditor(field, pointer, parent)
{
}

SourceNode NumberFieldEditor::toNode(const QString &text) const
{
    bool ok = false;
    const qint64 i = text.toLongLong(&ok);
    if (ok)
        return SourceNode::makeInt(i);
    if (field().kind == FieldDef::Kind::Number) {
        const double d = text.toDouble(&ok);
        if (ok)
            return SourceNode::makeFloat(d);
    }
    return SourceNode::makeString(text);
}

} // namespace uis
