// SPDX-License-Identifier: Apache-2.0
#include "diagnosticmarks.h"

#include "qsciincludes.h"

#include <QHash>
#include <QSet>

namespace uis {

namespace {
// Annotation styles, one per severity: fixed numbers above the lexers' own (YAML, JSON, SQL
// and Bash stay below 40) so that a diagnostic never allocates a style.
constexpr int ErrorStyle = 61;
constexpr int WarningStyle = 62;
constexpr int InfoStyle = 63;
constexpr int OurMarkers = (1 << DiagnosticMarks::ErrorMarker) |
                           (1 << DiagnosticMarks::WarningMarker) |
                           (1 << DiagnosticMarks::InfoMarker);

int markerFor(Severity s)
{
    return s == Severity::Error     ? DiagnosticMarks::ErrorMarker
           : s == Severity::Warning ? DiagnosticMarks::WarningMarker
                                    : DiagnosticMarks::InfoMarker;
}
int styleFor(Severity s)
{
    return s == Severity::Error ? ErrorStyle : s == Severity::Warning ? WarningStyle : InfoStyle;
}
} // namespace

const QColor DiagnosticMarks::ErrorColor(0xe0, 0x36, 0x2f);
const QColor DiagnosticMarks::WarningColor(0xd9, 0x8e, 0x04);
const QColor DiagnosticMarks::InfoColor(0x2f, 0x7d, 0xd1);

int DiagnosticMarks::indicatorFor(Severity s)
{
    return s == Severity::Error     ? ErrorIndicator
           : s == Severity::Warning ? WarningIndicator
                                    : InfoIndicator;
}

DiagnosticMarks::DiagnosticMarks(QsciScintilla *editor) : m_editor(editor) {}

void DiagnosticMarks::defineStyles(const QFont &font, bool dark)
{
    QFont f = font;
    f.setPointSizeF(std::max(7.0, font.pointSizeF() - 1));
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
        const QColor fg = s == Severity::Error     ? ErrorColor
                          : s == Severity::Warning ? WarningColor
                                                   : InfoColor;
        const QColor bg = dark                     ? QColor(0x2a, 0x2b, 0x2f)
                          : s == Severity::Error   ? QColor(0xfd, 0xec, 0xec)
                          : s == Severity::Warning ? QColor(0xfd, 0xf5, 0xe3)
                                                   : QColor(0xea, 0xf2, 0xfc);
        QsciStyle(styleFor(s), QStringLiteral("diag"), dark ? fg.lighter(130) : fg.darker(115), bg,
                  f)
            .apply(m_editor);
    }
}

long DiagnosticMarks::lineEnd(int line) const
{
    const int lines = int(m_editor->SendScintilla(QsciScintilla::SCI_GETLINECOUNT));
    if (line + 1 >= lines)
        return long(m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    return long(m_editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line + 1));
}

DiagnosticMarks::LineMarks DiagnosticMarks::shown(int line) const
{
    LineMarks m;
    m.markerMask = int(m_editor->SendScintilla(QsciScintilla::SCI_MARKERGET, line)) & OurMarkers;
    const long n = long(m_editor->SendScintilla(QsciScintilla::SCI_ANNOTATIONGETTEXT, line,
                                                static_cast<const char *>(nullptr)));
    if (n > 0) {
        m.annotation.resize(n + 1);
        m_editor->SendScintilla(QsciScintilla::SCI_ANNOTATIONGETTEXT, line, m.annotation.data());
        m.annotation.resize(n);
        m.style = int(m_editor->SendScintilla(QsciScintilla::SCI_ANNOTATIONGETSTYLE, line));
    }
    const long start = long(m_editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line));
    const long end = lineEnd(line);
    for (int ind : {ErrorIndicator, WarningIndicator, InfoIndicator}) {
        long pos = start;
        while (pos < end) {
            const long runEnd = std::min(
                end, long(m_editor->SendScintilla(QsciScintilla::SCI_INDICATOREND, ind, pos)));
            if (m_editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ind, pos))
                m.spans.append({pos, runEnd - pos, ind});
            if (runEnd <= pos)
                break;
            pos = runEnd;
        }
    }
    std::sort(m.spans.begin(), m.spans.end(), [](const Span &a, const Span &b) {
        return a.start != b.start ? a.start < b.start : a.indicator < b.indicator;
    });
    return m;
}

void DiagnosticMarks::plan(const DiagnosticList &diagnostics, bool annotations)
{
    m_todo.clear();
    m_next = 0;
    QsciScintilla *e = m_editor;
    const int lineCount = e->lines();
    // What the diagnostics want, per line (same drawing rules as ever: the squiggle runs from
    // the column, past indentation, to the end of the line's content).
    QMap<int, QList<const Diagnostic *>> byLine;
    for (const Diagnostic &d : diagnostics) {
        if (d.line >= 1 && d.line <= lineCount)
            byLine[d.line - 1].append(&d);
    }
    QHash<int, LineMarks> wanted;
    for (auto it = byLine.cbegin(); it != byLine.cend(); ++it) {
        const int line = it.key();
        LineMarks m;
        Severity worst = Severity::Info;
        QString all;
        const long lineStart = long(e->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line));
        const long end0 = long(e->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION, line));
        const QString lineText = e->text(line);
        qsizetype trimmed = lineText.size();
        while (trimmed > 0 && lineText.at(trimmed - 1).isSpace())
            --trimmed;
        const long contentEnd = std::min(
            end0,
            long(e->SendScintilla(QsciScintilla::SCI_POSITIONRELATIVE, lineStart, long(trimmed))));
        for (const Diagnostic *d : it.value()) {
            long start = lineStart;
            if (d->column > 1)
                start = long(e->SendScintilla(QsciScintilla::SCI_POSITIONRELATIVE, lineStart,
                                              long(d->column - 1)));
            if (start <= 0 && d->column > 1)
                start = lineStart;
            start = std::min(start, end0); // a column past the line's end stays on the line
            long end = contentEnd;
            if (end <= start)
                end = std::min(end0, start + 1);
            if (start == lineStart)
                start = long(e->SendScintilla(QsciScintilla::SCI_GETLINEINDENTPOSITION, line));
            m.spans.append({start, std::max(1L, end - start), indicatorFor(d->severity)});
            if (int(d->severity) < int(worst))
                worst = d->severity;
            if (!all.isEmpty())
                all += QLatin1Char('\n');
            all += QStringLiteral("%1: %2").arg(d->code, d->message);
        }
        m.markerMask = 1 << markerFor(worst);
        if (annotations) {
            m.annotation = all.toUtf8();
            m.style = styleFor(worst);
        }
        // Overlapping fills of one indicator read back as one run: merge them the same way.
        std::sort(m.spans.begin(), m.spans.end(), [](const Span &a, const Span &b) {
            return a.indicator != b.indicator ? a.indicator < b.indicator : a.start < b.start;
        });
        QList<Span> merged;
        for (const Span &s : std::as_const(m.spans)) {
            if (!merged.isEmpty() && merged.last().indicator == s.indicator &&
                s.start <= merged.last().start + merged.last().length)
                merged.last().length =
                    std::max(merged.last().start + merged.last().length, s.start + s.length) -
                    merged.last().start;
            else
                merged.append(s);
        }
        std::sort(merged.begin(), merged.end(), [](const Span &a, const Span &b) {
            return a.start != b.start ? a.start < b.start : a.indicator < b.indicator;
        });
        m.spans = merged;
        wanted.insert(line, m);
    }
    // What is drawn now: lines with one of our markers, or with one of our squiggles.
    QSet<int> lines(byLine.keyBegin(), byLine.keyEnd());
    for (int line = int(e->SendScintilla(QsciScintilla::SCI_MARKERNEXT, 0L, long(OurMarkers)));
         line >= 0; line = int(e->SendScintilla(QsciScintilla::SCI_MARKERNEXT, long(line + 1),
                                                long(OurMarkers))))
        lines.insert(line);
    const long length = long(e->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    for (int ind : {ErrorIndicator, WarningIndicator, InfoIndicator}) {
        long pos = 0;
        while (pos < length) {
            const long runEnd = long(e->SendScintilla(QsciScintilla::SCI_INDICATOREND, ind, pos));
            if (e->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, ind, pos)) {
                const int first = int(e->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, pos));
                const int last = int(e->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION,
                                                      std::max(pos, runEnd - 1)));
                for (int l = first; l <= last; ++l)
                    lines.insert(l);
            }
            if (runEnd <= pos)
                break;
            pos = runEnd;
        }
    }
    QList<int> sorted(lines.begin(), lines.end());
    std::sort(sorted.begin(), sorted.end());
    for (int line : std::as_const(sorted)) {
        const LineMarks want = wanted.value(line);
        if (!(shown(line) == want))
            m_todo.append({line, want});
    }
}

void DiagnosticMarks::draw(int line, const LineMarks &m)
{
    QsciScintilla *e = m_editor;
    const long start = long(e->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line));
    const long end = lineEnd(line);
    for (int ind : {ErrorIndicator, WarningIndicator, InfoIndicator}) {
        e->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, ind);
        e->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, start, end - start);
    }
    for (int marker : {ErrorMarker, WarningMarker, InfoMarker})
        e->SendScintilla(QsciScintilla::SCI_MARKERDELETE, line, marker);
    for (const Span &s : m.spans) {
        e->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, s.indicator);
        e->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, s.start, s.length);
    }
    for (int marker : {ErrorMarker, WarningMarker, InfoMarker}) {
        if (m.markerMask & (1 << marker))
            e->SendScintilla(QsciScintilla::SCI_MARKERADD, line, marker);
    }
    if (m.annotation.isEmpty()) {
        e->SendScintilla(QsciScintilla::SCI_ANNOTATIONSETTEXT, line,
                         static_cast<const char *>(nullptr));
    } else {
        e->SendScintilla(QsciScintilla::SCI_ANNOTATIONSETTEXT, line, m.annotation.constData());
        e->SendScintilla(QsciScintilla::SCI_ANNOTATIONSETSTYLE, line, m.style);
    }
}

bool DiagnosticMarks::apply(const QDeadlineTimer &deadline)
{
    // At least one line per call, so that a slice always makes progress.
    while (m_next < m_todo.size()) {
        draw(m_todo[m_next].first, m_todo[m_next].second);
        ++m_next;
        if (deadline.hasExpired())
            break;
    }
    if (m_next >= m_todo.size()) {
        m_todo.clear();
        m_next = 0;
        return true;
    }
    return false;
}

} // namespace uis
