// SPDX-License-Identifier: Apache-2.0
#include "loghighlighter.h"

#include "loganalyzer.h"

#include <QTextCharFormat>

namespace uis {

LogHighlighter::LogHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

void LogHighlighter::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    rehighlight();
}

void LogHighlighter::highlightBlock(const QString &text)
{
    QTextCharFormat f;
    switch (LogAnalyzer::classify(text)) {
    case LogAnalyzer::LineKind::Error:
        f.setForeground(QColor(0xc6, 0x28, 0x28));
        f.setFontWeight(QFont::Bold);
        break;
    case LogAnalyzer::LineKind::Exception:
        f.setForeground(QColor(0xc6, 0x28, 0x28));
        f.setBackground(QColor(0xc6, 0x28, 0x28, 24));
        break;
    case LogAnalyzer::LineKind::Warning:
        f.setForeground(QColor(0xb0, 0x6d, 0x00));
        break;
    case LogAnalyzer::LineKind::Normal:
        break;
    }
    if (f.hasProperty(QTextFormat::ForegroundBrush))
        setFormat(0, int(text.size()), f);
    if (m_search.isEmpty())
        return;
    QTextCharFormat match;
    match.setBackground(QColor(0xff, 0xd5, 0x4f));
    match.setForeground(Qt::black);
    for (qsizetype at = text.indexOf(m_search, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(m_search, at + m_search.size(), Qt::CaseInsensitive))
        setFormat(int(at), int(m_search.size()), match);
}

} // namespace uis
