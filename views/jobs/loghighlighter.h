// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace uis {

/// Colours error, exception and warning lines of an engine log, and marks search matches.
class LogHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit LogHighlighter(QTextDocument *document);

    /// Highlights every match of `text` (case-insensitive); "" clears.
    void setSearch(const QString &text);

protected:
    void highlightBlock(const QString &text) override;

private:
    QString m_search;
};

} // namespace uis
