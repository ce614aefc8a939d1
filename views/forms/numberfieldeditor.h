// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "textfieldeditor.h"

namespace uis {

/// A whole number or a number, typed as text and committed as an integer or float when it is
/// one (so a wrong value reaches the validator as the string the user typed).
class NumberFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    NumberFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

protected:
    SourceNode toNode(const QString &text) const override;
};

} // namespace uis
