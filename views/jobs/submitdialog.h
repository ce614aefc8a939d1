// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "submitrequestbuilder.h"

#include <QDialog>
#include <QHash>
#include <QJsonArray>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace uis {

/**
 * Step 3 of Submit: the placeholders the job needs (with a field for each value that was not
 * found in the environment or the keychain), the request with every value masked, the target
 * environment and its execution target (filled from `GET /api/v1/targets` once the server
 * answers; "(server picks)" until then), and a Submit button that stays disabled until every
 * value is there.
 */
class SubmitDialog : public QDialog
{
    Q_OBJECT
public:
    /// `sources` says where each already known value came from (variable →
    /// "environment"/"keychain").
    SubmitDialog(const SubmitRequest &request, const QHash<QString, QString> &sources,
                 const QStringList &environments, const QString &environment,
                 QWidget *parent = nullptr);

    /// The request with the values typed in added.
    SubmitRequest request() const;
    QString environment() const;
    /// The chosen execution target; "" lets the server pick.
    QString target() const;
    /**
     * Offers the targets of the environment's server (the `targets` array of the answer) that
     * run the job's engine; unreachable ones are listed but cannot be chosen. `error` (the
     * server could not be asked) leaves only "(server picks)" and says why.
     */
    void setTargets(const QString &environment, const QJsonArray &targets,
                    const QString &error = {});
    /// Values typed into the dialog that should go to the keychain (placeholder id → value).
    QHash<QString, QString> valuesToRemember() const;

    QPlainTextEdit *preview() const { return m_preview; }
    QPushButton *submitButton() const { return m_submit; }
    /// The value field of a placeholder (by environment variable), or null when it was known.
    QLineEdit *valueField(const QString &variable) const { return m_fields.value(variable); }
    QComboBox *environmentCombo() const { return m_environments; }
    QComboBox *targetCombo() const { return m_targets; }

Q_SIGNALS:
    /// Another environment was chosen: its targets are wanted (answer with setTargets()).
    void targetsWanted(const QString &environment);

private:
    void updateState();

    SubmitRequest m_request;
    QComboBox *m_environments;
    QComboBox *m_targets;
    QLabel *m_targetNote;
    QTableWidget *m_table;
    QPlainTextEdit *m_preview;
    QCheckBox *m_remember;
    QLabel *m_missing;
    QPushButton *m_submit;
    QHash<QString, QLineEdit *> m_fields;
};

} // namespace uis
