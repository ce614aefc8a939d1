// SPDX-License-Identifier: Apache-2.0
#include "previewsamplesdialog.h"

#include "previewsamples.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace uis {

PreviewSamplesDialog::PreviewSamplesDialog(const QStringList &endpoints,
                                           const QHash<QString, QJsonArray> &current,
                                           QWidget *parent)
    : QDialog(parent), m_endpoints(new QComboBox(this)), m_text(new QPlainTextEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("previewSamplesDialog"));
    setWindowTitle(tr("Sample Records"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("These sources only receive data while a job runs. Preview them from sample "
           "records: JSON lines or a JSON array of objects, with the endpoint's fields."),
        this));
    m_endpoints->addItems(endpoints);
    layout->addWidget(m_endpoints);
    for (const QString &e : endpoints) {
        QStringList lines;
        for (const QJsonValue &v : current.value(e))
            lines << QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        m_texts.insert(e, lines.join(QLatin1Char('\n')));
    }
    m_text->setPlaceholderText(
        QStringLiteral("{\"id\": 1, \"event_time\": \"2024-01-15T10:00:00Z\"}"));
    layout->addWidget(m_text, 1);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *loadButton = buttons->addButton(tr("Load…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreviewSamplesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(loadButton, &QPushButton::clicked, this, &PreviewSamplesDialog::load);
    connect(m_endpoints, &QComboBox::currentTextChanged, this, [this](const QString &e) {
        keepText();
        m_shown = e;
        m_text->setPlainText(m_texts.value(e));
    });
    m_shown = m_endpoints->currentText();
    m_text->setPlainText(m_texts.value(m_shown));
    resize(560, 380);
}

void PreviewSamplesDialog::keepText()
{
    if (!m_shown.isEmpty())
        m_texts.insert(m_shown, m_text->toPlainText());
}

void PreviewSamplesDialog::load()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load Sample Records"), QString(),
                                     tr("JSON (*.json *.jsonl *.ndjson);;All files (*)"));
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return;
    m_text->setPlainText(QString::fromUtf8(f.readAll()));
}

void PreviewSamplesDialog::accept()
{
    keepText();
    QHash<QString, QJsonArray> rows;
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it) {
        QString error;
        const QJsonArray parsed = PreviewSamples::parse(it.value().toUtf8(), &error);
        if (!error.isEmpty()) {
            m_error->setText(tr("%1: %2").arg(it.key(), error));
            return;
        }
        rows.insert(it.key(), parsed);
    }
    m_rows = rows;
    QDialog::accept();
}

} // namespace uis
