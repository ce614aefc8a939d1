// SPDX-License-Identifier: Apache-2.0
#include "environmentsdialog.h"

#include "environmentstore.h"
#include "tokenstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace uis {

EnvironmentsDialog::EnvironmentsDialog(EnvironmentStore *store, TokenStore *tokens, QWidget *parent)
    : QDialog(parent), m_store(store), m_tokens(tokens), m_list(new QListWidget),
      m_name(new QLineEdit), m_url(new QLineEdit), m_token(new QLineEdit),
      m_save(new QPushButton(tr("Save"))), m_remove(new QPushButton(tr("Remove"))),
      m_use(new QPushButton(tr("Use for Submit"))), m_forget(new QPushButton(tr("Forget Token"))),
      m_status(new QLabel)
{
    setWindowTitle(tr("DCP Environments"));
    setObjectName(QStringLiteral("environmentsDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *add = new QPushButton(tr("New"));
    left->addWidget(add);
    left->addWidget(m_remove);
    row->addLayout(left);
    auto *form = new QFormLayout;
    m_name->setPlaceholderText(tr("e.g. staging"));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("URL"), m_url);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setObjectName(QStringLiteral("tokenField"));
    form->addRow(tr("Token"), m_token);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_forget);
    buttons->addWidget(m_use);
    buttons->addStretch();
    form->addRow(buttons);
    auto *note = new QLabel(
        tr("Tokens are kept in the OS keychain only, never in a file. DCP_URL and DCP_TOKEN, "
           "when set, override every environment."));
    note->setWordWrap(true);
    form->addRow(note);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    row->addLayout(form, 1);
    layout->addLayout(row);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(box);
    resize(640, 360);

    connect(m_list, &QListWidget::currentTextChanged, this, &EnvironmentsDialog::showEnvironment);
    connect(add, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        m_name->clear();
        m_name->setReadOnly(false);
        m_url->clear();
        m_token->clear();
        m_name->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &EnvironmentsDialog::saveCurrent);
    connect(m_remove, &QPushButton::clicked, this, &EnvironmentsDialog::removeCurrent);
    connect(m_use, &QPushButton::clicked, this, &EnvironmentsDialog::useCurrent);
    connect(m_forget, &QPushButton::clicked, this, [this] {
        const QString name = m_name->text().trimmed();
        m_tokens->remove(TokenStore::tokenKey(name));
    });
    connect(m_tokens, &TokenStore::entryRead, this,
            [this](const QString &key, const QString &value, const QString &error) {
                if (key != TokenStore::tokenKey(m_name->text().trimmed()))
                    return;
                m_token->setPlaceholderText(
                    !value.isEmpty()  ? tr("a token is stored in the keychain (type to replace it)")
                    : error.isEmpty() ? tr("no token stored")
                                      : tr("keychain unavailable"));
                if (!error.isEmpty())
                    setStatus(error, true);
            });
    connect(m_tokens, &TokenStore::entryWritten, this,
            [this](const QString &key, const QString &error) {
                if (!key.startsWith(QLatin1String("dcp-token/")))
                    return;
                const QString name = key.mid(int(qstrlen("dcp-token/")));
                if (error.isEmpty()) {
                    setStatus(tr("Token of %1 saved in the keychain").arg(name));
                    m_token->clear();
                    m_token->setPlaceholderText(
                        tr("a token is stored in the keychain (type to replace it)"));
                } else {
                    setStatus(tr("The token was not saved: %1").arg(error), true);
                }
                Q_EMIT environmentChanged(name);
            });
    connect(m_tokens, &TokenStore::entryRemoved, this,
            [this](const QString &key, const QString &error) {
                if (!key.startsWith(QLatin1String("dcp-token/")))
                    return;
                setStatus(error.isEmpty() ? tr("Token removed from the keychain") : error,
                          !error.isEmpty());
                Q_EMIT environmentChanged(key.mid(int(qstrlen("dcp-token/"))));
            });
    reload(m_store->current());
    if (!EnvironmentStore::overrideUrl().isEmpty() || !EnvironmentStore::overrideToken().isEmpty())
        setStatus(tr("DCP_URL or DCP_TOKEN is set: it overrides the settings below."));
}

QString EnvironmentsDialog::statusText() const
{
    return m_status->text();
}

void EnvironmentsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
}

void EnvironmentsDialog::reload(const QString &select)
{
    m_list->clear();
    const QString current = m_store->current();
    for (const QString &n : m_store->names()) {
        auto *item = new QListWidgetItem(n == current ? tr("%1 (used for Submit)").arg(n) : n);
        item->setData(Qt::UserRole, n);
        m_list->addItem(item);
        if (n == select)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count())
        m_list->setCurrentRow(0);
}

void EnvironmentsDialog::showEnvironment(const QString &)
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(Qt::UserRole).toString();
    m_name->setText(name);
    m_name->setReadOnly(true);
    m_url->setText(m_store->url(name).toString());
    m_url->setPlaceholderText(
        name == EnvironmentStore::localName()
            ? tr("empty: the dcp-local the studio starts (or reuses) on this machine")
            : tr("https://dcp.example.com"));
    m_token->clear();
    m_token->setPlaceholderText(tr("checking the keychain…"));
    m_remove->setEnabled(name != EnvironmentStore::localName());
    m_tokens->read(TokenStore::tokenKey(name));
}

void EnvironmentsDialog::saveCurrent()
{
    const QString name = m_name->text().trimmed();
    const QString e = m_store->setUrl(name, QUrl(m_url->text().trimmed()));
    if (!e.isEmpty()) {
        setStatus(e, true);
        return;
    }
    setStatus(tr("%1 saved").arg(name));
    if (!m_token->text().isEmpty())
        m_tokens->write(TokenStore::tokenKey(name), m_token->text());
    reload(name);
    Q_EMIT environmentChanged(name);
}

void EnvironmentsDialog::removeCurrent()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || name == EnvironmentStore::localName())
        return;
    m_store->remove(name);
    m_tokens->remove(TokenStore::tokenKey(name));
    reload();
    Q_EMIT environmentChanged(name);
}

void EnvironmentsDialog::useCurrent()
{
    const QString name = m_name->text().trimmed();
    if (!m_store->contains(name))
        return;
    m_store->setCurrent(name);
    reload(name);
    setStatus(tr("Submit now uses %1").arg(name));
}

} // namespace uis
