// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldeditor.h"

namespace uis {

class CodeEditor;

/// SQL (a transform's `query` or `condition`) in a small code editor with highlighting;
/// committed when it loses focus.
class SqlFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    SqlFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    /// Whether `field` holds SQL.
    static bool isSql(const FieldDef &field);

    std::optional<SourceNode> value() const override;
    bool isEditing() const override;

protected:
    void load(const std::optional<SourceNode> &value) override;

private:
    CodeEditor *m_code;
};

} // namespace uis
