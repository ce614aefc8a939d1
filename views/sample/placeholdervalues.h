// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "placeholder.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace uis {

class TokenStore;

/**
 * Finds placeholder values the way Submit does (SubmitFlow): the environment first, then the
 * OS keychain (asynchronously), then a dialog asks for the rest (window-modal, no nested event
 * loop). Values stay in memory. Reports resolved() with variable → value
 * (PlaceholderResolver::variableFor), or cancelled().
 */
class PlaceholderValues : public QObject
{
    Q_OBJECT
public:
    PlaceholderValues(TokenStore *tokens, QWidget *dialogParent);

    void start(const QList<Placeholder> &placeholders);
    /// The prompt while it is open (for tests and automation).
    QDialog *prompt() const { return m_prompt; }
    /// A lookup over `values`, for RestSampler::requestFor.
    static PlaceholderResolver::Lookup lookup(const QHash<QString, QString> &values);

Q_SIGNALS:
    void resolved(const QHash<QString, QString> &values);
    void cancelled();

private:
    void ask();

    TokenStore *m_tokens;
    QWidget *m_parent;
    QList<Placeholder> m_placeholders;
    QHash<QString, QString> m_values;
    QStringList m_pending;
    QPointer<QDialog> m_prompt;
    quint64 m_run = 0;
};

} // namespace uis
