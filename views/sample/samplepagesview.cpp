// SPDX-License-Identifier: Apache-2.0
#include "samplepagesview.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>

namespace uis {

namespace {
// The details pane shows a body's beginning; the whole body stays in the sample.
constexpr qsizetype kShownBodyChars = 200 * 1024;
} // namespace

SamplePagesView::SamplePagesView(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_details(new QPlainTextEdit(this))
{
    m_list->setObjectName(QStringLiteral("samplePages"));
    m_details->setObjectName(QStringLiteral("samplePageDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Each response of the sample: request, status, headers, "
                                     "timing and body"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(1, 3);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(m_list, &QListWidget::currentRowChanged, this, &SamplePagesView::showPage);
}

void SamplePagesView::clear()
{
    m_list->clear();
    m_texts.clear();
    m_details->clear();
}

void SamplePagesView::addPage(const SamplePage &page, const Mask &mask)
{
    const QString purpose =
        page.purpose.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(page.purpose);
    m_list->addItem(QStringLiteral("#%1  %2  %3 ms%4")
                        .arg(page.number)
                        .arg(page.status ? QString::number(page.status) : tr("no answer"))
                        .arg(page.elapsedMs)
                        .arg(purpose));
    QString t;
    t += tr("Request:  %1\n").arg(page.displayUrl);
    t += tr("Status:   %1\n").arg(page.status ? QString::number(page.status) : tr("no answer"));
    t += tr("Time:     %1 ms\n").arg(page.elapsedMs);
    t += tr("Records:  %1\n").arg(page.records.size());
    if (!page.error.isEmpty())
        t += tr("Error:    %1\n").arg(mask(page.error));
    t += tr("\nHeaders:\n");
    for (const auto &h : page.headers)
        t += QStringLiteral("  %1: %2\n")
                 .arg(QString::fromLatin1(h.first), mask(QString::fromUtf8(h.second)));
    t += tr("\nBody (%n byte(s)%1):\n", nullptr, int(page.body.size()))
             .arg(page.truncated ? tr(", cut at the sample's byte bound") : QString());
    QString body =
        page.json.isUndefined()
            ? QString::fromUtf8(page.body)
            : QString::fromUtf8(QJsonDocument::fromJson(page.body).toJson(QJsonDocument::Indented));
    if (body.isEmpty())
        body = QString::fromUtf8(page.body);
    if (body.size() > kShownBodyChars)
        body = body.left(kShownBodyChars) +
               tr("\n… (%1 more characters)").arg(body.size() - kShownBodyChars);
    t += mask(body);
    m_texts << t;
    if (m_list->currentRow() < 0)
        m_list->setCurrentRow(0);
}

void SamplePagesView::showPage(int row)
{
    m_details->setPlainText(row >= 0 && row < m_texts.size() ? m_texts.at(row) : QString());
}

} // namespace uis
