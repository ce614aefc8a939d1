// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tablefieldeditor.h"

namespace uis {

/// A list of small objects edited as a table, one column per field of the object type (the
/// columns of a `schema`).
class ObjectListFieldEditor : public TableFieldEditor
{
    Q_OBJECT
public:
    ObjectListFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    std::optional<SourceNode> value() const override;

protected:
    void load(const std::optional<SourceNode> &value) override;
};

} // namespace uis
