// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldeditor.h"

class QPlainTextEdit;

namespace uis {

/// Any value (a POST `body`) as JSON or YAML text; committed when it loses focus, as the
/// value the text parses to, or as the text itself when it does not parse.
class JsonFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    JsonFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    std::optional<SourceNode> value() const override;
    bool isEditing() const override;

protected:
    void load(const std::optional<SourceNode> &value) override;

private:
    QPlainTextEdit *m_text;
};

} // namespace uis
