// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldeditor.h"

class QListWidget;
class QListWidgetItem;

namespace uis {

/// A list of strings (`inputs`, `keys`, `partition_by`…) with add and remove buttons; adding
/// offers the suggestions (e.g. the nodes an `inputs` list may name) in a menu.
class ListFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    ListFieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    std::optional<SourceNode> value() const override;
    bool isEditing() const override;

protected:
    void load(const std::optional<SourceNode> &value) override;

private:
    QListWidgetItem *addItem(const QString &text);
    void add(QWidget *button);

    QListWidget *m_list;
};

} // namespace uis
