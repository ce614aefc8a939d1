// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "sourcenode.h"
#include "specschema.h"

#include <QWidget>

#include <optional>

class QLabel;
class QToolButton;

namespace uis {

/**
 * The editor of one field of the UIS format. One subclass per kind of value (Tiled's
 * `Property` subclasses with their `createEditor()`): TextFieldEditor for strings (with their
 * format), NumberFieldEditor, EnumFieldEditor, BoolFieldEditor, ListFieldEditor,
 * MapFieldEditor, ObjectListFieldEditor, SqlFieldEditor and JsonFieldEditor; create() picks one
 * by the field's kind in SpecSchema. It emits `committed` when the user finished an edit.
 *
 * Editors never check a rule themselves: what is typed is judged by FormatRules, the very
 * functions the validator reports with, so a form and the Problems list always agree.
 */
class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    /// The editor for `field`'s kind.
    static FieldEditor *create(const FieldDef &field, const QString &pointer,
                               QWidget *parent = nullptr);

    ~FieldEditor() override;

    const FieldDef &field() const { return m_field; }
    QString pointer() const { return m_pointer; }
    void setValue(const std::optional<SourceNode> &value);
    virtual std::optional<SourceNode> value() const = 0;
    /// Names offered when adding to an `inputs` list, and keys offered for a config map.
    virtual void setSuggestions(const QStringList &suggestions);
    void setProblems(const DiagnosticList &problems);
    /// A dim line under the editor, e.g. what an empty field defaults to.
    void setHint(const QString &hint);
    /// The provider type of the document, which decides e.g. the schemes a `base_url` takes.
    void setProviderType(const QString &providerType);
    /// What FormatRules find wrong with the text typed but not committed yet; "" when fine.
    QString localProblem() const { return m_localProblem; }
    /// FormatRules' verdict on `text` for a string of `format`; "" when fine.
    static QString formatProblem(FieldDef::Format format, const QString &text);
    virtual bool isEditing() const = 0;
    /// The main input widget (for tests and focus).
    QWidget *input() const { return m_input; }

Q_SIGNALS:
    void committed();

protected:
    FieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent);

    /// Shows `input` (inside `container` when given) and makes it the focus proxy.
    void setInput(QWidget *input, QWidget *container = nullptr);
    /// Commits when `w` (a multi-line editor, where Return is a new line) loses focus.
    void commitOnFocusOut(QWidget *w);
    bool eventFilter(QObject *o, QEvent *e) override;
    /// Shows `value` in the widgets; signals from them are ignored meanwhile.
    virtual void load(const std::optional<SourceNode> &value) = 0;
    /// Checks the typed text again, e.g. when the provider type changed.
    virtual void recheck() {}
    void setLocalProblem(const QString &problem);
    /// Emits `committed` when value() differs from the last value set or committed.
    void commitIfChanged();
    bool isLoading() const { return m_loading; }
    void setLoading(bool loading) { m_loading = loading; }
    const std::optional<SourceNode> &committedValue() const { return m_value; }
    const QStringList &suggestions() const { return m_suggestions; }
    const QString &providerType() const { return m_providerType; }

    /// A scalar's text; nested values (e.g. a sink's retry policy) as compact JSON.
    static QString scalarText(const SourceNode &n);
    /// A row with `main` and a column of add and remove buttons at its right.
    static QWidget *withAddRemove(QWidget *main, const QString &addTip, const QString &removeTip,
                                  QToolButton **add, QToolButton **remove);

private:
    void updateMark();

    FieldDef m_field;
    QString m_pointer;
    QWidget *m_input = nullptr;
    std::optional<SourceNode> m_value;
    bool m_valueShown = false; ///< setValue has run once
    QStringList m_suggestions;
    DiagnosticList m_problems;
    bool m_marked = false; ///< setProblems has run once
    QString m_providerType;
    QString m_localProblem;
    bool m_loading = false;
    QLabel *m_hint = nullptr;
    QWidget *m_commitOnFocusOut = nullptr;
};

} // namespace uis
