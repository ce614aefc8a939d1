// SPDX-License-Identifier: Apache-2.0
#include "submitdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uis {

SubmitDialog::SubmitDialog(const SubmitRequest &request, const QHash<QString, QString> &sources,
                           const QStringList &environments, const QString &environment,
                           QWidget *parent)
    : QDialog(parent), m_request(request), m_environments(new QComboBox), m_targets(new QComboBox),
      m_targetNote(new QLabel), m_table(new QTableWidget), m_preview(new QPlainTextEdit),
      m_remember(new QCheckBox(tr("Remember typed values in the OS keychain"))),
      m_missing(new QLabel)
{
    setObjectName(QStringLiteral("submitDialog"));
    setWindowTitle(tr("Submit “%1”").arg(request.body.value(QLatin1String("name")).toString()));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_environments->addItems(environments);
    m_environments->setCurrentText(environment);
    form->addRow(tr("Environment"), m_environments);
    form->addRow(tr("Engine"), new QLabel(request.engine));
    m_targets->setObjectName(QStringLiteral("submitTarget"));
    m_targets->addItem(tr("(server picks)"), QString());
    m_targets->setToolTip(
        tr("Where the job runs: the server's execution targets that run %1").arg(request.engine));
    if (!request.target.isEmpty())
        m_targets->addItem(request.target, request.target);
    m_targets->setCurrentIndex(m_targets->count() - 1);
    m_targetNote->setText(tr("asking the server for its targets…"));
    m_targetNote->setEnabled(false);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_targets, 1);
    targetRow->addWidget(m_targetNote);
    form->addRow(tr("Target"), targetRow);
    connect(m_environments, &QComboBox::currentTextChanged, this, [this](const QString &env) {
        m_targetNote->setText(tr("asking the server for its targets…"));
        Q_EMIT targetsWanted(env);
    });
    connect(m_targets, &QComboBox::currentIndexChanged, this, &SubmitDialog::updateState);
    layout->addLayout(form);

    layout->addWidget(
        new QLabel(tr("Placeholders the job needs (values are sent with the job, never stored):")));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Placeholder"), tr("Variable"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setRowCount(int(request.placeholders.size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < request.placeholders.size(); ++i) {
        const Placeholder &p = request.placeholders.at(i);
        const QString var = SubmitRequestBuilder::variableFor(p);
        m_table->setItem(i, 0, new QTableWidgetItem(p.text));
        m_table->setItem(i, 1, new QTableWidgetItem(var));
        if (request.values.contains(var)) {
            m_table->setItem(
                i, 2,
                new QTableWidgetItem(
                    tr("•••• (from the %1)").arg(sources.value(var, tr("environment")))));
        } else {
            auto *field = new QLineEdit;
            field->setEchoMode(QLineEdit::Password);
            field->setPlaceholderText(tr("enter the value"));
            field->setObjectName(QStringLiteral("value_") + var);
            m_fields.insert(var, field);
            m_table->setCellWidget(i, 2, field);
            connect(field, &QLineEdit::textChanged, this, &SubmitDialog::updateState);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setVisible(!request.placeholders.isEmpty());
    layout->addWidget(m_table);
    m_remember->setVisible(!m_fields.isEmpty());
    layout->addWidget(m_remember);
    layout->addWidget(m_missing);

    layout->addWidget(new QLabel(tr("Request (secrets masked):")));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_preview, 1);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_submit = box->addButton(tr("Submit"), QDialogButtonBox::AcceptRole);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resize(720, 560);
    updateState();
}

void SubmitDialog::updateState()
{
    int missing = 0;
    for (QLineEdit *f : std::as_const(m_fields))
        missing += f->text().isEmpty() ? 1 : 0;
    m_submit->setEnabled(missing == 0);
    m_missing->setText(missing ? tr("%n value(s) missing", nullptr, missing) : QString());
    m_preview->setPlainText(QString::fromUtf8(request().maskedPreview()));
}

SubmitRequest SubmitDialog::request() const
{
    SubmitRequest r = m_request;
    r.target = target();
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (!it.value()->text().isEmpty())
            r.values.insert(it.key(), it.value()->text());
    }
    return r;
}

QString SubmitDialog::environment() const
{
    return m_environments->currentText();
}

QString SubmitDialog::target() const
{
    return m_targets->currentData().toString();
}

void SubmitDialog::setTargets(const QString &environment, const QJsonArray &targets,
                              const QString &error)
{
    if (environment != m_environments->currentText())
        return; // an answer for an environment no longer chosen
    const QString previous = target();
    m_targets->clear();
    m_targets->addItem(tr("(server picks)"), QString());
    auto *items = qobject_cast<QStandardItemModel *>(m_targets->model());
    int offered = 0;
    for (const QJsonValue &v : targets) {
        const QJsonObject t = v.toObject();
        const QString name = t.value(QLatin1String("name")).toString();
        bool runsEngine = false;
        for (const QJsonValue &e : t.value(QLatin1String("engines")).toArray())
            runsEngine = runsEngine || e.toString() == m_request.engine;
        if (name.isEmpty() || !runsEngine)
            continue;
        const bool reachable = t.value(QLatin1String("reachable")).toBool();
        m_targets->addItem(reachable
                               ? tr("%1 (%2)").arg(name, t.value(QLatin1String("kind")).toString())
                               : tr("%1 (unreachable)").arg(name),
                           name);
        const int row = m_targets->count() - 1;
        m_targets->setItemData(row, t.value(QLatin1String("error")).toString(), Qt::ToolTipRole);
        if (!reachable && items) {
            if (QStandardItem *item = items->item(row))
                item->setEnabled(false);
        }
        offered += reachable ? 1 : 0;
    }
    const int keep = m_targets->findData(previous);
    m_targets->setCurrentIndex(keep > 0 && (!items || items->item(keep)->isEnabled()) ? keep : 0);
    m_targetNote->setText(!error.isEmpty()
                              ? tr("targets unknown: %1").arg(error)
                              : tr("%n target(s) run %1", nullptr, offered).arg(m_request.engine));
    updateState();
}

QHash<QString, QString> SubmitDialog::valuesToRemember() const
{
    QHash<QString, QString> out;
    if (!m_remember->isChecked())
        return out;
    for (const Placeholder &p : m_request.placeholders) {
        const QLineEdit *f = m_fields.value(SubmitRequestBuilder::variableFor(p));
        if (f && !f->text().isEmpty())
            out.insert(p.id(), f->text());
    }
    return out;
}

} // namespace uis
