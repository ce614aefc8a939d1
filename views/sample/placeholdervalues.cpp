// SPDX-License-Identifier: Apache-2.0
#include "placeholdervalues.h"

#include "tokenstore.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace uis {

PlaceholderValues::PlaceholderValues(TokenStore *tokens, QWidget *dialogParent)
    : QObject(dialogParent), m_tokens(tokens), m_parent(dialogParent)
{
}

PlaceholderResolver::Lookup PlaceholderValues::lookup(const QHash<QString, QString> &values)
{
    return [values](const Placeholder &p) -> std::optional<QString> {
        const auto it = values.constFind(PlaceholderResolver::variableFor(p));
        return it == values.cend() ? std::nullopt : std::optional<QString>(*it);
    };
}

void PlaceholderValues::start(const QList<Placeholder> &placeholders)
{
    const quint64 run = ++m_run;
    m_placeholders = PlaceholderScanner::unique(placeholders);
    m_values.clear();
    m_pending.clear();
    for (const Placeholder &p : std::as_const(m_placeholders)) {
        if (const auto v = PlaceholderResolver::fromEnvironment(p))
            m_values.insert(PlaceholderResolver::variableFor(p), *v);
        else
            m_pending << p.id();
    }
    if (m_pending.isEmpty() || !m_tokens) {
        ask();
        return;
    }
    for (const Placeholder &p : std::as_const(m_placeholders)) {
        if (!m_pending.contains(p.id()))
            continue;
        m_tokens->read(TokenStore::placeholderKey(p.id()), this,
                       [this, p, run](const QString &value, const QString &) {
                           if (run != m_run || !m_pending.removeOne(p.id()))
                               return;
                           if (!value.isEmpty())
                               m_values.insert(PlaceholderResolver::variableFor(p), value);
                           if (m_pending.isEmpty())
                               ask();
                       });
    }
}

void PlaceholderValues::ask()
{
    QList<Placeholder> missing;
    for (const Placeholder &p : std::as_const(m_placeholders)) {
        if (!m_values.contains(PlaceholderResolver::variableFor(p)))
            missing << p;
    }
    if (missing.isEmpty()) {
        Q_EMIT resolved(m_values);
        return;
    }
    auto *dialog = new QDialog(m_parent);
    dialog->setObjectName(QStringLiteral("samplePlaceholderPrompt"));
    dialog->setWindowTitle(tr("Values for sampling"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout(dialog);
    form->addRow(new QLabel(tr("Neither the environment nor the keychain has these values. "
                               "They are used for this sample only and never written."),
                            dialog));
    QHash<QString, QLineEdit *> edits;
    for (const Placeholder &p : std::as_const(missing)) {
        auto *edit = new QLineEdit(dialog);
        edit->setEchoMode(QLineEdit::Password);
        edit->setObjectName(PlaceholderResolver::variableFor(p));
        edit->setPlaceholderText(PlaceholderResolver::variableFor(p));
        form->addRow(p.text, edit);
        edits.insert(PlaceholderResolver::variableFor(p), edit);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::finished, this, [this, edits](int result) {
        if (result != QDialog::Accepted) {
            Q_EMIT cancelled();
            return;
        }
        for (auto it = edits.begin(); it != edits.end(); ++it)
            m_values.insert(it.key(), it.value()->text());
        Q_EMIT resolved(m_values);
    });
    m_prompt = dialog;
    dialog->open();
}

} // namespace uis
