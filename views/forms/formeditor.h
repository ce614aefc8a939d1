// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "graphmodel.h"
#include "pipelinedocument.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace uis {

class FieldEditor;
struct ObjectDef;

/**
 * The form of the selected node (or, with nothing selected, of the pipeline and its
 * provider), generated from SpecSchema: one FieldEditor per field of the node's object type.
 * Edits go to the document as commands; diagnostics mark the fields they point at.
 */
class FormEditor : public QWidget
{
    Q_OBJECT
public:
    explicit FormEditor(PipelineDocument *document, QWidget *parent = nullptr);

    void setTarget(NodeId id);
    NodeId target() const { return m_target; }
    void setDiagnostics(const DiagnosticList &diagnostics);
    FieldEditor *fieldEditor(const QString &pointer) const { return m_fields.value(pointer); }
    QList<FieldEditor *> fieldEditors() const { return m_fields.values(); }
    QString title() const;

Q_SIGNALS:
    void message(const QString &text);

private:
    struct Section
    {
        QString title;
        const ObjectDef *def = nullptr;
        QString base;
        QStringList skip;
    };
    QList<Section> sections() const;
    void refresh();
    void rebuild(const QList<Section> &sections);
    void addSection(const Section &s, int depth);
    void reload();
    void applyDiagnostics();
    void commit(FieldEditor *editor);
    QStringList inputSuggestions() const;

    PipelineDocument *m_document;
    NodeId m_target = InvalidNodeId;
    QVBoxLayout *m_layout;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_banner;
    QLabel *m_objectProblems;
    QWidget *m_body = nullptr;
    QVBoxLayout *m_bodyLayout = nullptr;
    QHash<QString, FieldEditor *> m_fields;
    QString m_signature;
    DiagnosticList m_diagnostics;
};

} // namespace uis
