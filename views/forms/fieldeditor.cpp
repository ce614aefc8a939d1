// SPDX-License-Identifier: Apache-2.0
#include "fieldeditor.h"

#include "codeeditor.h"
#include "jsonconvert.h"
#include "specreader.h"
#include "specwriter.h"
#include "studioicons.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTableWidget>
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

QString scalarText(const SourceNode &n)
{
    if (n.isScalar())
        return n.text();
    if (n.isNull())
        return {};
    // Nested values (e.g. a sink's retry policy) are shown as compact JSON.
    return QString::fromUtf8(SpecWriter::toJson(n, -1)).trimmed();
}

} // namespace

FieldEditor::FieldEditor(const FieldDef &field, const QString &pointer, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
    , m_pointer(pointer)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    using K = FieldDef::Kind;
    switch (field.kind) {
    case K::Enum:
        buildCombo(field.enumValues);
        break;
    case K::Boolean:
        buildCombo({QStringLiteral("true"), QStringLiteral("false")});
        break;
    case K::StringList:
        buildList();
        break;
    case K::TextMap:
    case K::ScalarMap:
    case K::FreeMap:
        buildMap();
        break;
    case K::ObjectList:
        buildObjectList();
        break;
    case K::Any:
        buildText(false);
        break;
    case K::String:
        if (field.name == QLatin1String("query") || field.name == QLatin1String("condition"))
            buildText(true);
        else
            buildLine();
        break;
    default:
        buildLine();
        break;
    }
    setToolTip(field.description);
    setFocusProxy(m_input);
    // Forms live in a narrow dock: let every editor shrink with it.
    setMinimumWidth(80);
    m_input->setMinimumWidth(80);
    if (m_combo)
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
}

void FieldEditor::buildLine()
{
    m_line = new QLineEdit;
    m_input = m_line;
    m_line->setClearButtonEnabled(true);
    QString hint;
    switch (m_field.format) {
    case FieldDef::Format::Duration:
        hint = tr("e.g. 30 s, 5 minutes");
        break;
    case FieldDef::Format::Interval:
        hint = tr("e.g. 5 minutes");
        break;
    case FieldDef::Format::Memory:
        hint = tr("e.g. 512m, 8g");
        break;
    case FieldDef::Format::Cron:
        hint = tr("e.g. 0 */6 * * *");
        break;
    case FieldDef::Format::Url:
        hint = tr("https://…");
        break;
    case FieldDef::Format::JsonPath:
        hint = tr("e.g. $.results");
        break;
    default:
        if (m_field.kind == FieldDef::Kind::Integer || m_field.kind == FieldDef::Kind::Number) {
            if (m_field.minimum && m_field.maximum)
                hint = tr("%1 … %2").arg(*m_field.minimum).arg(*m_field.maximum);
            else if (m_field.minimum)
                hint = m_field.exclusiveMinimum ? tr("> %1").arg(*m_field.minimum) : tr("≥ %1").arg(*m_field.minimum);
        }
        break;
    }
    m_line->setPlaceholderText(hint.isEmpty() ? (m_field.required ? tr("required") : QString()) : hint);
    connect(m_line, &QLineEdit::editingFinished, this, &FieldEditor::commitIfChanged);
    connect(m_line, &QLineEdit::textEdited, this, [this](const QString &t) {
        m_localProblem = formatProblem(m_field.format, t);
        if (m_localProblem.isEmpty() && !t.isEmpty() &&
            (m_field.kind == FieldDef::Kind::Integer || m_field.kind == FieldDef::Kind::Number)) {
            bool ok = false;
            const double v = m_field.kind == FieldDef::Kind::Integer ? double(t.toLongLong(&ok)) : t.toDouble(&ok);
            if (!ok)
                m_localProblem = m_field.kind == FieldDef::Kind::Integer ? tr("Not a whole number") : tr("Not a number");
            else if ((m_field.minimum && (m_field.exclusiveMinimum ? v <= *m_field.minimum : v < *m_field.minimum)) ||
                     (m_field.maximum && v > *m_field.maximum))
                m_localProblem = tr("Out of range");
        }
        updateMark();
    });
    layout()->addWidget(m_line);
}

void FieldEditor::buildCombo(const QStringList &values)
{
    m_combo = new QComboBox;
    m_input = m_combo;
    m_combo->addItem(m_field.required ? tr("(choose)") : tr("(not set)"), QString());
    for (const QString &v : values)
        m_combo->addItem(v, v);
    connect(m_combo, &QComboBox::activated, this, [this] { commitIfChanged(); });
    layout()->addWidget(m_combo);
}

void FieldEditor::buildList()
{
    auto *row = new QWidget;
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(2);
    m_list = new QListWidget;
    m_input = m_list;
    m_list->setMaximumHeight(88);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(0);
    auto *add = smallButton(QStringLiteral("add"), QStringLiteral("+"), tr("Add an item"));
    auto *remove = smallButton(QStringLiteral("remove"), QStringLiteral("−"), tr("Remove the selected item"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    h->addWidget(m_list, 1);
    h->addLayout(buttons);
    layout()->addWidget(row);
    auto addItem = [this](const QString &text) {
        auto *i = new QListWidgetItem(text);
        i->setFlags(i->flags() | Qt::ItemIsEditable);
        m_list->addItem(i);
        return i;
    };
    connect(add, &QToolButton::clicked, this, [this, add, addItem] {
        if (!m_suggestions.isEmpty()) {
            QMenu menu;
            for (const QString &s : std::as_const(m_suggestions))
                menu.addAction(s, this, [this, s, addItem] {
                    addItem(s);
                    commitIfChanged();
                });
            menu.addSeparator();
            menu.addAction(tr("Other…"), this, [this, addItem] { m_list->editItem(addItem(QString())); });
            menu.exec(add->mapToGlobal(QPoint(0, add->height())));
            return;
        }
        m_list->editItem(addItem(QString()));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        delete m_list->currentItem();
        commitIfChanged();
    });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_loading)
            commitIfChanged();
    });
}

void FieldEditor::buildMap()
{
    buildTable({tr("Key"), tr("Value")}, 60, 150, tr("Add an entry"), tr("Remove the selected entry"));
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
}

void FieldEditor::buildObjectList()
{
    const ObjectDef *def = SpecSchema::instance().object(m_field.objectType);
    const QStringList cols = def ? def->fieldNames() : QStringList{QStringLiteral("name")};
    buildTable(cols, 70, 180, tr("Add a column"), tr("Remove the selected column"));
}

// Maps and lists of objects are both edited as a table with add/remove buttons; a row is
// committed once its first cell (the key or name) has text.
void FieldEditor::buildTable(const QStringList &headers, int minHeight, int maxHeight,
                             const QString &addTip, const QString &removeTip)
{
    auto *row = new QWidget;
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(2);
    m_table = new QTableWidget(0, int(headers.size()));
    m_input = m_table;
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setMaximumHeight(maxHeight);
    m_table->setMinimumHeight(minHeight);
    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(0);
    auto *add = smallButton(QStringLiteral("add"), QStringLiteral("+"), addTip);
    auto *remove = smallButton(QStringLiteral("remove"), QStringLiteral("−"), removeTip);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    h->addWidget(m_table, 1);
    h->addLayout(buttons);
    layout()->addWidget(row);
    connect(add, &QToolButton::clicked, this, [this] {
        m_loading = true;
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        for (int c = 0; c < m_table->columnCount(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem);
        m_loading = false;
        m_table->setCurrentCell(r, 0);
        m_table->editItem(m_table->item(r, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            commitIfChanged();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_loading)
            return;
        const QTableWidgetItem *key = m_table->item(item->row(), 0);
        if (key && !key->text().trimmed().isEmpty())
            commitIfChanged();
    });
}

void FieldEditor::buildText(bool sql)
{
    if (sql) {
        m_code = new CodeEditor;
        m_code->setLanguage(CodeEditor::Language::Sql);
        m_code->setMarginWidth(0, 0);
        m_code->setMarginWidth(1, 0);
        m_code->setMarginWidth(2, 0);
        m_code->setCaretLineVisible(false);
        m_code->setWrapMode(QsciScintilla::WrapWord);
        m_code->setFixedHeight(m_field.name == QLatin1String("query") ? 110 : 56);
        m_code->installEventFilter(this);
        m_input = m_code;
        layout()->addWidget(m_code);
        return;
    }
    m_text = new QPlainTextEdit;
    m_text->setFixedHeight(90);
    m_text->setPlaceholderText(tr("JSON or YAML"));
    m_text->installEventFilter(this);
    m_input = m_text;
    layout()->addWidget(m_text);
}

bool FieldEditor::eventFilter(QObject *o, QEvent *e)
{
    if ((o == m_code || o == m_text) && e->type() == QEvent::FocusOut)
        commitIfChanged();
    return QWidget::eventFilter(o, e);
}

bool FieldEditor::isEditing() const
{
    // Only an edit the user has not finished keeps the field from following the document.
    if (m_line)
        return m_line->hasFocus() && m_line->isModified();
    if (m_code)
        return m_code->hasFocus() && m_code->isModified();
    if (m_text)
        return m_text->hasFocus() && m_text->document()->isModified();
    // An open item editor is a child of the view's viewport.
    if (m_table)
        return m_table->viewport()->isAncestorOf(QApplication::focusWidget());
    if (m_list)
        return m_list->viewport()->isAncestorOf(QApplication::focusWidget());
    return false;
}

void FieldEditor::setSuggestions(const QStringList &suggestions)
{
    m_suggestions = suggestions;
    if (m_line && !suggestions.isEmpty()) {
        auto *c = new QCompleter(suggestions, m_line);
        c->setCaseSensitivity(Qt::CaseInsensitive);
        m_line->setCompleter(c);
    }
}

std::optional<SourceNode> FieldEditor::scalarFromText(const QString &text) const
{
    if (text.isEmpty())
        return std::nullopt;
    using K = FieldDef::Kind;
    if (m_field.kind == K::Integer) {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        return ok ? SourceNode::makeInt(v) : SourceNode::makeString(text);
    }
    if (m_field.kind == K::Number) {
        bool ok = false;
        const qint64 i = text.toLongLong(&ok);
        if (ok)
            return SourceNode::makeInt(i);
        const double d = text.toDouble(&ok);
        return ok ? SourceNode::makeFloat(d) : SourceNode::makeString(text);
    }
    if (m_field.kind == K::Boolean)
        return SourceNode::makeBool(text == QLatin1String("true"));
    return SourceNode::makeString(text);
}

void FieldEditor::setValue(const std::optional<SourceNode> &value)
{
    m_value = value;
    m_loading = true;
    using K = FieldDef::Kind;
    if (m_line) {
        m_line->setText(value ? scalarText(*value) : QString());
        m_line->setModified(false);
        m_localProblem = formatProblem(m_field.format, m_line->text());
    } else if (m_combo) {
        const QString t = value ? scalarText(*value) : QString();
        int idx = m_combo->findData(t);
        if (idx < 0) {
            m_combo->addItem(tr("%1 (unknown)").arg(t), t);
            idx = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(idx);
    } else if (m_list) {
        m_list->clear();
        if (value && value->isList()) {
            for (const SourceNode &c : value->children()) {
                auto *i = new QListWidgetItem(scalarText(c));
                i->setFlags(i->flags() | Qt::ItemIsEditable);
                m_list->addItem(i);
            }
        } else if (value && value->isScalar()) {
            auto *i = new QListWidgetItem(value->text());
            i->setFlags(i->flags() | Qt::ItemIsEditable);
            m_list->addItem(i);
        }
    } else if (m_table && m_field.kind == K::ObjectList) {
        m_table->setRowCount(0);
        if (value && value->isList()) {
            for (const SourceNode &item : value->children()) {
                const int r = m_table->rowCount();
                m_table->insertRow(r);
                for (int c = 0; c < m_table->columnCount(); ++c) {
                    const QString col = m_table->horizontalHeaderItem(c)->text();
                    const SourceNode *v = item.find(col);
                    m_table->setItem(r, c, new QTableWidgetItem(v ? scalarText(*v) : QString()));
                }
            }
        }
    } else if (m_table) {
        m_table->setRowCount(0);
        if (value && value->isMap()) {
            for (const SourceNode &c : value->children()) {
                const int r = m_table->rowCount();
                m_table->insertRow(r);
                auto *k = new QTableWidgetItem(c.key());
                auto *v = new QTableWidgetItem(scalarText(c));
                if (!c.isScalar() && !c.isNull()) {
                    v->setFlags(v->flags() & ~Qt::ItemIsEditable);
                    v->setToolTip(tr("A nested value: edit it in Source."));
                    v->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
                }
                m_table->setItem(r, 0, k);
                m_table->setItem(r, 1, v);
            }
        }
    } else if (m_code) {
        const QString t = value ? scalarText(*value) : QString();
        if (m_code->text() != t)
            m_code->setText(t);
        m_code->setModified(false);
    } else if (m_text) {
        QString t;
        if (value && !value->isNull())
            t = value->isScalar() ? value->text() : QString::fromUtf8(SpecWriter::toJson(*value));
        m_text->setPlainText(t.trimmed());
        m_text->document()->setModified(false);
    }
    m_loading = false;
    updateMark();
}

std::optional<SourceNode> FieldEditor::value() const
{
    using K = FieldDef::Kind;
    if (m_line)
        return scalarFromText(m_line->text().trimmed());
    if (m_combo) {
        const QString t = m_combo->currentData().toString();
        return scalarFromText(t);
    }
    if (m_list) {
        SourceNode l = SourceNode::makeList();
        for (int i = 0; i < m_list->count(); ++i) {
            const QString t = m_list->item(i)->text().trimmed();
            if (!t.isEmpty())
                l.append(SourceNode::makeString(t));
        }
        return l.size() ? std::optional<SourceNode>(l) : std::nullopt;
    }
    if (m_table && m_field.kind == K::ObjectList) {
        const ObjectDef *def = SpecSchema::instance().object(m_field.objectType);
        SourceNode l = SourceNode::makeList();
        for (int r = 0; r < m_table->rowCount(); ++r) {
            SourceNode m = SourceNode::makeMap();
            for (int c = 0; c < m_table->columnCount(); ++c) {
                const QString col = m_table->horizontalHeaderItem(c)->text();
                const QTableWidgetItem *it = m_table->item(r, c);
                const QString t = it ? it->text().trimmed() : QString();
                if (t.isEmpty())
                    continue;
                const FieldDef *fd = def ? def->field(col) : nullptr;
                if (fd && fd->kind == K::Boolean)
                    m.insert(col, SourceNode::makeBool(t == QLatin1String("true")));
                else
                    m.insert(col, SourceNode::makeString(t));
            }
            if (m.size())
                l.append(m);
        }
        return l.size() ? std::optional<SourceNode>(l) : std::nullopt;
    }
    if (m_table) {
        SourceNode m = SourceNode::makeMap();
        for (int r = 0; r < m_table->rowCount(); ++r) {
            const QTableWidgetItem *k = m_table->item(r, 0);
            const QTableWidgetItem *v = m_table->item(r, 1);
            const QString key = k ? k->text().trimmed() : QString();
            if (key.isEmpty())
                continue;
            const QString text = v ? v->text() : QString();
            const SourceNode *old = m_value ? m_value->find(key) : nullptr;
            if (old && !old->isScalar() && !old->isNull()) {
                m.insert(key, *old); // nested values pass through untouched
            } else if (m_field.kind == K::TextMap) {
                m.insert(key, SourceNode::makeString(text));
            } else if (old && old->isScalar() && old->text() == text) {
                m.insert(key, *old);
            } else {
                const SourceNode::ScalarType t = resolvePlainScalar(text);
                m.insert(key, t == SourceNode::ScalarType::Null ? SourceNode::makeString(text)
                                                                : SourceNode::makeScalar(text, t));
            }
        }
        return m.size() ? std::optional<SourceNode>(m) : std::nullopt;
    }
    if (m_code) {
        const QString t = m_code->text().trimmed();
        return t.isEmpty() ? std::nullopt : std::optional<SourceNode>(SourceNode::makeString(t));
    }
    if (m_text) {
        const QString t = m_text->toPlainText().trimmed();
        if (t.isEmpty())
            return std::nullopt;
        ReadResult r = SpecReader::read(t.toUtf8(), SpecFormat::Auto);
        return r.root ? r.root : std::optional<SourceNode>(SourceNode::makeString(t));
    }
    return std::nullopt;
}

void FieldEditor::commitIfChanged()
{
    if (m_loading)
        return;
    const std::optional<SourceNode> v = value();
    auto same = [](const std::optional<SourceNode> &a, const std::optional<SourceNode> &b) {
        if (!a || !b)
            return !a && !b;
        SourceNode ma = SourceNode::makeMap();
        ma.insert(QStringLiteral("v"), *a);
        SourceNode mb = SourceNode::makeMap();
        mb.insert(QStringLiteral("v"), *b);
        return ma == mb;
    };
    if (m_line)
        m_line->setModified(false);
    if (same(v, m_value))
        return;
    m_value = v;
    Q_EMIT committed();
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
    for (const Diagnostic &d : std::as_const(m_problems)) {
        any = true;
        if (int(d.severity) < int(worst))
            worst = d.severity;
        lines.append(QStringLiteral("%1 [%2]").arg(d.message, d.code));
    }
    if (!m_localProblem.isEmpty()) {
        any = true;
        worst = Severity::Error;
        lines.prepend(m_localProblem);
    }
    QString tip = m_field.description;
    if (!lines.isEmpty())
        tip = lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + tip;
    m_input->setToolTip(tip);
    if (!any || worst == Severity::Info) {
        m_input->setProperty("uisProblem", QString());
        m_input->setStyleSheet(QString());
        return;
    }
    const QColor c = StudioIcons::severityColor(worst);
    const QString cls = QString::fromLatin1(m_input->metaObject()->className()).remove(QStringLiteral("uis::"));
    m_input->setProperty("uisProblem", worst == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"));
    m_input->setStyleSheet(QStringLiteral("%1 { border: 1px solid %2; border-radius: 3px; background: %3; }")
                               .arg(cls == QLatin1String("CodeEditor") ? QStringLiteral("QsciScintilla") : cls,
                                    c.name(), QColor(c.red(), c.green(), c.blue(), 22).name(QColor::HexArgb)));
}

QString FieldEditor::formatProblem(FieldDef::Format format, const QString &text)
{
    if (text.isEmpty() || text.contains(QStringLiteral("{{")))
        return {};
    using F = FieldDef::Format;
    auto bad = [&](const char *pattern) {
        return !QRegularExpression(QString::fromLatin1(pattern), QRegularExpression::CaseInsensitiveOption)
                    .match(text)
                    .hasMatch();
    };
    switch (format) {
    case F::KebabName:
        return bad("^[a-z][a-z0-9-]{1,62}$") ? tr("Use kebab-case: lower-case letters, digits and '-'") : QString();
    case F::Identifier:
        return bad("^[a-z][a-z0-9_]*$") ? tr("Use snake_case: lower-case letters, digits and '_'") : QString();
    case F::Url:
        return bad("^[a-z][a-z0-9+.-]*://\\S+$") ? tr("Not an absolute URL") : QString();
    case F::Duration:
        return bad("^\\d+(\\.\\d+)?\\s*(ms|s|min|h|d|milliseconds?|seconds?|minutes?|hours?|days?)$")
                   ? tr("A duration is a number and a unit: 30 s, 5 minutes")
                   : QString();
    case F::Interval:
        return bad("^\\d+\\s*(seconds?|minutes?|hours?)$") ? tr("Use <n> seconds|minutes|hours") : QString();
    case F::Memory:
        return bad("^[0-9]+[kmgt]b?$") ? tr("A memory size looks like 512m or 8g") : QString();
    case F::Email:
        return bad("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") ? tr("Not an e-mail address") : QString();
    case F::Cron:
        return text.simplified().split(QLatin1Char(' ')).size() != 5 ? tr("A cron expression has 5 fields") : QString();
    case F::JsonPath:
        return text.startsWith(QLatin1Char('$')) ? QString() : tr("A JSONPath starts with $");
    case F::AbsPath:
        return text.startsWith(QLatin1Char('/')) ? QString() : tr("The path starts with /");
    case F::TableName:
        return bad("^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$") ? tr("Use namespace.table") : QString();
    default:
        return {};
    }
}

} // namespace uis
