// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldeditor.h"

class QLineEdit;

namespace uis {

/// A one-line string: a name, URL, duration, memory size, cron… Typed text is judged by
/// FormatRules as the user types, before anything is committed.
class TextFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    TextFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    std::optional<SourceNode> value() const override;
    void setSuggestions(const QStringList &suggestions) override;
    bool isEditing() const override;

protected:
    /// The value `text` (trimmed, not empty) is committed as.
    virtual SourceNode toNode(const QString &text) const;
    void load(const std::optional<SourceNode> &value) override;
    void recheck() override;

private:
    QLineEdit *m_line;
};

} // namespace uis
