// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldeditor.h"

class QComboBox;

namespace uis {

/// One of the field's values, from a combo box; a value the schema does not know is shown as
/// "(unknown)" so the document is never changed behind the user's back.
class EnumFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    EnumFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    std::optional<SourceNode> value() const override;
    bool isEditing() const override { return false; }

protected:
    EnumFieldEditor(const FieldDef &field, const QString &pointer, const QStringList &choices,
                    QWidget *parent);
    /// The value the chosen text (never empty) is committed as.
    virtual SourceNode toNode(const QString &text) const;
    void load(const std::optional<SourceNode> &value) override;

private:
    QComboBox *m_combo;
};

} // namespace uis
