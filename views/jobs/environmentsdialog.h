// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace uis {

class EnvironmentStore;
class TokenStore;

/**
 * Manages the named DCP environments: URLs (settings) and tokens (the OS keychain only; when
 * no keychain is available the dialog says so and points to DCP_TOKEN).
 */
class EnvironmentsDialog : public QDialog
{
    Q_OBJECT
public:
    EnvironmentsDialog(EnvironmentStore *store, TokenStore *tokens, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const { return m_url; }
    QLineEdit *tokenField() const { return m_token; }
    QString statusText() const;

    /// Saves the URL (and the token, when one was typed) of the environment being edited.
    void saveCurrent();
    void removeCurrent();
    void useCurrent();

Q_SIGNALS:
    /// An environment's URL or token changed (connections to it must be remade).
    void environmentChanged(const QString &name);

private:
    void reload(const QString &select = {});
    void showEnvironment(const QString &name);
    void setStatus(const QString &text, bool error = false);

    EnvironmentStore *m_store;
    TokenStore *m_tokens;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QPushButton *m_save;
    QPushButton *m_remove;
    QPushButton *m_use;
    QPushButton *m_forget;
    QLabel *m_status;
};

} // namespace uis
