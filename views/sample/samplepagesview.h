// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "samplepage.h"

#include <QWidget>

#include <functional>

class QListWidget;
class QPlainTextEdit;

namespace uis {

/// The Pages tab of the Sample view: each REST response with its request, status, headers,
/// timing and body, every resolved secret masked.
class SamplePagesView : public QWidget
{
    Q_OBJECT
public:
    using Mask = std::function<QString(const QString &)>;
    explicit SamplePagesView(QWidget *parent = nullptr);

    void clear();
    void addPage(const SamplePage &page, const Mask &mask);
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *details() const { return m_details; }

private:
    void showPage(int row);

    QListWidget *m_list;
    QPlainTextEdit *m_details;
    QStringList m_texts;
};

} // namespace uis
