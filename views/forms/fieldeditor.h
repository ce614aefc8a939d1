// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "sourcenode.h"
#include "specschema.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;
class QLabel;

namespace uis {

class CodeEditor;

/**
 * The editor of one field of the UIS format, chosen by the field's kind in SpecSchema: a line
 * edit (with a format check for names, URLs, durations, memory sizes…), a combo box for enums
 * and booleans, an editable list, a key/value table for maps, a table for schema columns, or
 * a text box for free JSON. It emits `committed` when the user finished an edit.
 */
class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    FieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent = nullptr);

    const FieldDef &field() const { return m_field; }
    QString pointer() const { return m_pointer; }
    void setValue(const std::optional<SourceNode> &value);
    std::optional<SourceNode> value() const;
    /// Names offered when adding to an `inputs` list, and keys offered for a config map.
    void setSuggestions(const QStringList &suggestions);
    void setProblems(const DiagnosticList &problems);
    /// A dim line under the editor, e.g. what an empty field defaults to.
    void setHint(const QString &hint);
    /// A local check of the text against the field's format; "" when fine.
    static QString formatProblem(FieldDef::Format format, const QString &text);
    bool isEditing() const;
    /// The main input widget (for tests and focus).
    QWidget *input() const { return m_input; }

Q_SIGNALS:
    void committed();

protected:
    bool eventFilter(QObject *o, QEvent *e) override;

private:
    void buildLine();
    void buildCombo(const QStringList &values);
    void buildList();
    void buildMap();
    void buildObjectList();
    void buildTable(const QStringList &headers, int minHeight, int maxHeight, const QString &addTip,
                    const QString &removeTip);
    void buildText(bool sql);
    void commitIfChanged();
    void updateMark();
    std::optional<SourceNode> scalarFromText(const QString &text) const;

    FieldDef m_field;
    QString m_pointer;
    QWidget *m_input = nullptr;
    QLineEdit *m_line = nullptr;
    QComboBox *m_combo = nullptr;
    QListWidget *m_list = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_text = nullptr;
    CodeEditor *m_code = nullptr;
    std::optional<SourceNode> m_value;
    QStringList m_suggestions;
    DiagnosticList m_problems;
    bool m_loading = false;
    QString m_localProblem;
    QLabel *m_hint = nullptr;
};

} // namespace uis
