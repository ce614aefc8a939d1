// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tablefieldeditor.h"

namespace uis {

/// A map of key → value (headers, options, provider and sink `config`). Nested values are
/// shown read-only and pass through untouched; typed maps keep the type of unchanged values.
class MapFieldEditor : public TableFieldEditor
{
    Q_OBJECT
public:
    MapFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    std::optional<SourceNode> value() const override;

protected:
    void load(const std::optional<SourceNode> &value) override;
};

} // namespace uis
