// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "enumfieldeditor.h"

namespace uis {

/// true or false (or not set), committed as a boolean.
class BoolFieldEditor : public EnumFieldEditor
{
    Q_OBJECT
public:
    BoolFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

protected:
    SourceNode toNode(const QString &text) const override;
};

} // namespace uis
