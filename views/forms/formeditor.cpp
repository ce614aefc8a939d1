// SPDX-License-Identifier: Apache-2.0
#include "formeditor.h"

#include "fieldeditor.h"
#include "specschema.h"
#include "studioicons.h"

#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace uis {

namespace {
QString humanize(const QString &key)
{
    QString s = key;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}
} // namespace

FormEditor::FormEditor(PipelineDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_layout(new QVBoxLayout(this)), m_title(new QLabel),
      m_subtitle(new QLabel), m_banner(new QLabel), m_objectProblems(new QLabel)
{
    m_layout->setContentsMargins(10, 8, 10, 10);
    m_layout->setSpacing(6);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() + 2.5);
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_subtitle->setWordWrap(true);
    m_title->setWordWrap(true);
    setMinimumWidth(260);
    for (QLabel *l : {m_banner, m_objectProblems}) {
        l->setWordWrap(true);
        l->setContentsMargins(8, 6, 8, 6);
        l->hide();
    }
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdf5e3; color: #7a5200; border: "
                                           "1px solid #f1d39a; border-radius: 4px; }"));
    m_objectProblems->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecec; color: #8a1c17; border: 1px solid #f0b4b0; "
                       "border-radius: 4px; }"));
    m_layout->addWidget(m_title);
    m_layout->addWidget(m_subtitle);
    m_layout->addWidget(m_banner);
    m_layout->addWidget(m_objectProblems);
    m_layout->addStretch();
    connect(document, &PipelineDocument::changed, this, [this](DocumentChange c) {
        if (c.what & (DocumentChange::Tree | DocumentChange::ParseState | DocumentChange::File))
            refresh();
    });
    refresh();
}

QString FormEditor::title() const
{
    return m_title->text();
}

void FormEditor::setTarget(NodeId id)
{
    if (id == m_target && !m_signature.isEmpty())
        return;
    m_target = id;
    m_signature.clear();
    refresh();
}

QList<FormEditor::Section> FormEditor::sections() const
{
    const SpecSchema &schema = SpecSchema::instance();
    QList<Section> out;
    const GraphNode *n = m_document->graph()->node(m_target);
    if (!n) {
        out.append(
            {tr("Pipeline"), schema.object(u"spec"), QString(), {QStringLiteral("provider")}});
        out.append(
            {tr("Provider"),
             schema.object(u"provider"),
             QStringLiteral("/provider"),
             {QStringLiteral("endpoints"), QStringLiteral("transforms"), QStringLiteral("sinks")}});
        return out;
    }
    QString objectName;
    switch (n->kind) {
    case NodeKind::Endpoint:
        objectName = SpecSchema::endpointObject(m_document->spec().provider.providerType);
        break;
    case NodeKind::Transform:
        objectName = SpecSchema::transformObject(n->type);
        break;
    case NodeKind::Sink:
        objectName = SpecSchema::sinkObject(n->type);
        break;
    }
    const ObjectDef *def = schema.object(objectName);
    if (!def) {
        // Unknown type: still offer name and type so it can be fixed here.
        def = schema.object(
            n->kind == NodeKind::Endpoint ? SpecSchema::endpointObject(QStringLiteral("rest_api"))
            : n->kind == NodeKind::Transform ? SpecSchema::transformObject(QStringLiteral("filter"))
                                             : SpecSchema::sinkObject(QStringLiteral("console")));
    }
    out.append({humanize(nodeKindName(n->kind)), def, n->pointer, {}});
    return out;
}

void FormEditor::refresh()
{
    if (m_target != InvalidNodeId && !m_document->graph()->node(m_target))
        m_target = InvalidNodeId;
    const QList<Section> secs = sections();
    QString sig;
    for (const Section &s : secs)
        sig += (s.def ? s.def->name : QString()) + QLatin1Char('@') + s.base + QLatin1Char(';');
    if (sig != m_signature) {
        m_signature = sig;
        rebuild(secs);
    }
    // Header.
    if (const GraphNode *n = m_document->graph()->node(m_target)) {
        m_title->setText(n->name);
        m_subtitle->setText(tr("%1 · %2").arg(humanize(nodeKindName(n->kind)), n->type));
    } else {
        const Spec &s = m_document->spec();
        m_title->setText(s.name.isEmpty() ? tr("Pipeline") : s.name);
        m_subtitle->setText(
            tr("Pipeline and provider settings · select a node on the canvas to edit it"));
    }
    const bool broken = m_document->hasParseError();
    m_banner->setVisible(broken);
    m_banner->setText(tr(
        "The source does not parse, so these fields show the last version that did and cannot be "
        "edited. Fix the syntax error in Source."));
    if (m_body)
        m_body->setEnabled(!broken);
    reload();
}

void FormEditor::rebuild(const QList<Section> &secs)
{
    m_fields.clear();
    delete m_body;
    m_body = new QWidget;
    m_bodyLayout = new QVBoxLayout(m_body);
    m_bodyLayout->setContentsMargins(0, 4, 0, 0);
    m_bodyLayout->setSpacing(4);
    for (const Section &s : secs)
        addSection(s, 0);
    m_layout->insertWidget(m_layout->count() - 1, m_body);
    applyDiagnostics();
}

void FormEditor::addSection(const Section &s, int depth)
{
    if (!s.def)
        return;
    auto *header = new QLabel(s.title.toUpper());
    QFont hf = header->font();
    hf.setPointSizeF(hf.pointSizeF() - 1);
    hf.setBold(true);
    hf.setLetterSpacing(QFont::PercentageSpacing, 106);
    header->setFont(hf);
    header->setStyleSheet(
        QStringLiteral("color: palette(mid); padding-top: %1px;").arg(depth ? 4 : 10));
    m_bodyLayout->addWidget(header);
    auto *line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setStyleSheet(QStringLiteral("color: palette(midlight);"));
    m_bodyLayout->addWidget(line);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    m_bodyLayout->addLayout(form);
    QList<Section> nested;
    for (const FieldDef &f : s.def->fields) {
        if (s.skip.contains(f.name))
            continue;
        const QString pointer = s.base + QLatin1Char('/') + escapePointerToken(f.name);
        if (f.kind == FieldDef::Kind::Object) {
            nested.append(
                {humanize(f.name), SpecSchema::instance().object(f.objectType), pointer, {}});
            continue;
        }
        if (f.kind == FieldDef::Kind::ObjectList && f.objectType != QLatin1String("schema_field"))
            continue;
        FieldEditor *fe = FieldEditor::create(f, pointer);
        auto *label =
            new QLabel(humanize(f.name) + (f.required ? QStringLiteral(" *") : QString()));
        label->setToolTip(
            QStringLiteral("<b>%1</b><br>%2").arg(f.name, f.description.toHtmlEscaped()));
        label->setBuddy(fe->input());
        form->addRow(label, fe);
        if (f.name == QLatin1String("inputs"))
            fe->setSuggestions(inputSuggestions());
        else if (f.kind == FieldDef::Kind::ScalarMap) {
            QStringList keys;
            for (const auto &k : SpecSchema::configKeys())
                keys.append(k.first);
            fe->setSuggestions(keys);
        }
        connect(fe, &FieldEditor::committed, this, [this, fe] { commit(fe); });
        m_fields.insert(pointer, fe);
    }
    for (const Section &n : std::as_const(nested))
        addSection(n, depth + 1);
}

QStringList FormEditor::inputSuggestions() const
{
    QStringList out;
    const GraphModel *g = m_document->graph();
    for (NodeId id : g->nodeIds()) {
        const GraphNode *n = g->node(id);
        if (id != m_target && n->kind != NodeKind::Sink)
            out.append(n->name);
    }
    return out;
}

void FormEditor::reload()
{
    const QString providerType = m_document->spec().provider.providerType;
    for (FieldEditor *fe : std::as_const(m_fields)) {
        fe->setProviderType(providerType);
        if (!fe->isEditing())
            fe->setValue(m_document->valueAt(fe->pointer()));
        if (fe->field().name == QLatin1String("inputs")) {
            fe->setSuggestions(inputSuggestions());
            const GraphModel *g = m_document->graph();
            QStringList defaults;
            if (g->hasImplicitInputs(m_target)) {
                for (const GraphConnection &c : g->inputsOf(m_target))
                    defaults.append(g->node(c.from)->name);
            }
            fe->setHint(
                defaults.isEmpty()
                    ? QString()
                    : tr("Empty: reads %1 by default").arg(defaults.join(QStringLiteral(", "))));
        }
    }
}

void FormEditor::commit(FieldEditor *editor)
{
    QString error;
    if (!m_document->setValue(editor->pointer(), editor->value(), &error)) {
        Q_EMIT message(error);
        editor->setValue(m_document->valueAt(editor->pointer()));
    }
}

void FormEditor::setDiagnostics(const DiagnosticList &diagnostics)
{
    m_diagnostics = diagnostics;
    applyDiagnostics();
}

void FormEditor::applyDiagnostics()
{
    QString base;
    if (const GraphNode *n = m_document->graph()->node(m_target))
        base = n->pointer;
    // Each diagnostic goes to the fields at its pointer or above it: walk up its pointer
    // rather than test every field against every diagnostic.
    QHash<QString, DiagnosticList> byField;
    QStringList objectLevel;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        QStringView p(d.pointer);
        while (!p.isEmpty()) {
            const QString key = p.toString();
            if (m_fields.contains(key))
                byField[key].append(d);
            const qsizetype slash = p.lastIndexOf(QLatin1Char('/'));
            if (slash < 0)
                break;
            p = p.left(slash);
        }
        if (d.severity != Severity::Info &&
            ((m_target != InvalidNodeId && d.pointer == base) ||
             (m_target == InvalidNodeId &&
              (d.pointer.isEmpty() || d.pointer == QLatin1String("/provider")))))
            objectLevel.append(d.message.toHtmlEscaped());
    }
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it)
        it.value()->setProblems(byField.value(it.key()));
    m_objectProblems->setText(objectLevel.join(QStringLiteral("<br>")));
    m_objectProblems->setVisible(!objectLevel.isEmpty());
}

} // namespace uis
