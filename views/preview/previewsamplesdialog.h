// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonArray>
#include <QStringList>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace uis {

/**
 * Sample records per endpoint for the Data Preview of WebSocket, webhook and CDC sources: a JSON
 * lines or JSON array text per endpoint, typed, pasted or loaded from a file. Accepting checks
 * every text (PreviewSamples::parse); rows() then holds the endpoints' rows.
 */
class PreviewSamplesDialog : public QDialog
{
    Q_OBJECT
public:
    PreviewSamplesDialog(const QStringList &endpoints, const QHash<QString, QJsonArray> &current,
                         QWidget *parent = nullptr);

    QHash<QString, QJsonArray> rows() const { return m_rows; }
    QPlainTextEdit *editor() const { return m_text; }
    QComboBox *endpointSelector() const { return m_endpoints; }
    void accept() override;

private:
    void load();
    void keepText();

    QComboBox *m_endpoints;
    QPlainTextEdit *m_text;
    QLabel *m_error;
    QString m_shown;
    QHash<QString, QString> m_texts;
    QHash<QString, QJsonArray> m_rows;
};

} // namespace uis
