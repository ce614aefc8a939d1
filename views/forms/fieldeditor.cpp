// SPDX-License-Identifier: Apache-2.0
#include "fieldeditor.h"

#include "boolfieldeditor.h"
#include "enumfieldeditor.h"
#include "formatrules.h"
#include "jsonfieldeditor.h"
#include "listfieldeditor.h"
#include "mapfieldeditor.h"
#include "numberfieldeditor.h"
#include "objectlistfieldeditor.h"
#include "pipelinedocument.h"
#include "specwriter.h"
#include "sqlfieldeditor.h"
#include "studioicons.h"
#include "textfieldeditor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace uis {

namespace {

QToolButton *smallButton(const QString &iconName, const QString &fallback, const QString &tip)
{
    auto *b = new QToolButton;
    b->setAutoRaise(true);
    const QIcon i = StudioIcons::icon(iconName);
    if (i.isNull())
        b->setText(fallback);
    else
        b->setIcon(i);
    b->setToolTip(tip);
    return b;
}

} // namespace

FieldEditor *FieldEditor::create(const FieldDef &field, const QString &pointer, QWidget *parent)
{
    using K = FieldDef::Kind;
    switch (field.kind) {
    case K::Enum:
        return new EnumFieldEditor(field, pointer, parent);
    case K::Boolean:
        return new BoolFieldEditor(field, pointer, parent);
    case K::Integer:
    case K::Number:
        return new NumberFieldEditor(field, pointer, parent);
    case K::StringList:
        return new ListFieldEditor(field, pointer, parent);
    case K::TextMap:
    case K::ScalarMap:
    case K::FreeMap:
        return new MapFieldEditor(field, pointer, parent);
    case K::ObjectList:
        return new ObjectListFieldEditor(field, pointer, parent);
    case K::Any:
        return new JsonFieldEditor(field, pointer, parent);
    case K::String:
        if (SqlFieldEditor::isSql(field))
            return new SqlFieldEditor(field, pointer, parent);
        return new TextFieldEditor(field, pointer, parent);
    case K::Object:
        break;
    }
    // Nested objects get a form section of their own; shown as text should one turn up here.
    return new TextFieldEditor(field, pointer, parent);
}

FieldEditor::FieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : QWidget(parent), m_field(field), m_pointer(pointer)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    setToolTip(field.description);
    // Forms live in a narrow dock: let every editor shrink with it.
    setMinimumWidth(80);
}

FieldEditor::~FieldEditor()
{
    // QWidget's destructor takes the focus away, and a focus-out would ask a subclass that is
    // already gone for its value: its widgets say nothing more from here on.
    const QList<QObject *> kids = findChildren<QObject *>();
    for (QObject *k : kids)
        k->disconnect(this);
    m_commitOnFocusOut = nullptr;
}

void FieldEditor::setInput(QWidget *input, QWidget *container)
{
    m_input = input;
    layout()->addWidget(container ? container : input);
    setFocusProxy(m_input);
    m_input->setMinimumWidth(80);
}

void FieldEditor::commitOnFocusOut(QWidget *w)
{
    w->installEventFilter(this);
    m_commitOnFocusOut = w;
}

bool FieldEditor::eventFilter(QObject *o, QEvent *e)
{
    if (o == m_commitOnFocusOut && e->type() == QEvent::FocusOut)
        commitIfChanged();
    return QWidget::eventFilter(o, e);
}

void FieldEditor::setSuggestions(const QStringList &suggestions)
{
    m_suggestions = suggestions;
}

void FieldEditor::setProviderType(const QString &providerType)
{
    if (providerType == m_providerType)
        return;
    m_providerType = providerType;
    recheck();
}

QString FieldEditor::formatProblem(FieldDef::Format format, const QString &text)
{
    return FormatRules::formatProblem(format, text).message;
}

void FieldEditor::setValue(const std::optional<SourceNode> &value)
{
    // The form reloads every field after each edit anywhere in the document; a field whose value
    // did not change keeps its widgets as they are (reloading restyles its mark: re-polishing
    // every field of a form cost milliseconds per keystroke).
    if (m_valueShown && PipelineDocument::sameValue(value, m_value))
        return;
    m_valueShown = true;
    m_value = value;
    m_loading = true;
    load(value);
    m_loading = false;
    updateMark();
}

void FieldEditor::setLocalProblem(const QString &problem)
{
    m_localProblem = problem;
    updateMark();
}

void FieldEditor::commitIfChanged()
{
    if (m_loading)
        return;
    const std::optional<SourceNode> v = value();
    if (PipelineDocument::sameValue(v, m_value))
        return;
    m_value = v;
    Q_EMIT committed();
}

QString FieldEditor::scalarText(const SourceNode &n)
{
    if (n.isScalar())
        return n.text();
    if (n.isNull())
        return {};
    return QString::fromUtf8(SpecWriter::toJson(n, -1)).trimmed();
}

QWidget *FieldEditor::withAddRemove(QWidget *main, const QString &addTip, const QString &removeTip,
                                    QToolButton **add, QToolButton **remove)
{
    auto *row = new QWidget;
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(2);
    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(0);
    *add = smallButton(QStringLiteral("add"), QStringLiteral("+"), addTip);
    *remove = smallButton(QStringLiteral("remove"), QStringLiteral("−"), removeTip);
    buttons->addWidget(*add);
    buttons->addWidget(*remove);
    buttons->addStretch();
    h->addWidget(main, 1);
    h->addLayout(buttons);
    return row;
}

void FieldEditor::setHint(const QString &hint)
{
    if (!m_hint) {
        m_hint = new QLabel;
        m_hint->setWordWrap(true);
        m_hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
        layout()->addWidget(m_hint);
    }
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

void FieldEditor::setProblems(const DiagnosticList &problems)
{
    // Every analysis result reaches every field; restyling one re-polishes its widget.
    if (problems == m_problems && m_marked)
        return;
    m_marked = true;
    m_problems = problems;
    updateMark();
}

void FieldEditor::updateMark()
{
    if (!m_input)
        return;
    Severity worst = Severity::Info;
    QStringList lines;
    bool any = false;
    bool localReported = false;
    for (const Diagnostic &d : std::as_const(m_problems)) {
        any = true;
        if (int(d.severity) < int(worst))
            worst = d.severity;
        lines.append(QStringLiteral("%1 [%2]").arg(d.message, d.code));
        localReported = localReported || d.message == m_localProblem;
    }
    if (!m_localProblem.isEmpty()) {
        any = true;
        worst = Severity::Error;
        // The validator says the same once the value is committed: say it once.
        if (!localReported)
            lines.prepend(m_localProblem);
    }
    QString tip = m_field.description;
    if (!lines.isEmpty())
        tip = lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + tip;
    m_input->setToolTip(tip);
    if (!any || worst == Severity::Info) {
        m_input->setProperty("uisProblem", QString());
        if (!m_input->styleSheet().isEmpty())
            m_input->setStyleSheet(QString());
        return;
    }
    const QColor c = StudioIcons::severityColor(worst);
    const QString cls =
        QString::fromLatin1(m_input->metaObject()->className()).remove(QStringLiteral("uis::"));
    m_input->setProperty("uisProblem", worst == Severity::Error ? QStringLiteral("error")
                                                                : QStringLiteral("warning"));
    const QString sheet =
        QStringLiteral("%1 { border: 1px solid %2; border-radius: 3px; background: %3; }")
            .arg(cls == QLatin1String("CodeEditor") ? QStringLiteral("QsciScintilla") : cls,
                 c.name(), QColor(c.red(), c.green(), c.blue(), 22).name(QColor::HexArgb));
    if (m_input->styleSheet() != sheet)
        m_input->setStyleSheet(sheet);
}

} // namespace uis
