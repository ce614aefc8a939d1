// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QColor>
#include <QDeadlineTimer>
#include <QFont>
#include <QList>
#include <QMap>

class QsciScintilla;

namespace uis {

/**
 * The squiggles, margin markers and annotations that diagnostics draw in a CodeEditor. A new
 * list is planned against what the editor shows now (read back from Scintilla, since its marks
 * move with the text), and only lines whose marks differ are redrawn, in slices if need be:
 * clearing and redrawing every mark of a 30,000-line document costs a notification per line.
 */
class DiagnosticMarks
{
public:
    enum Indicators { ErrorIndicator = 8, WarningIndicator = 9, InfoIndicator = 10 };
    enum Markers { ErrorMarker = 1, WarningMarker = 2, InfoMarker = 3 };
    static const QColor ErrorColor;
    static const QColor WarningColor;
    static const QColor InfoColor;
    static int indicatorFor(Severity s);

    explicit DiagnosticMarks(QsciScintilla *editor);

    /// (Re)defines the annotation styles; after a lexer, font or theme change.
    void defineStyles(const QFont &font, bool dark);
    /// Works out which lines must change to show `diagnostics`.
    void plan(const DiagnosticList &diagnostics, bool annotations);
    /// Redraws planned lines until `deadline`; returns true when none are left.
    bool apply(const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    bool isPending() const { return m_next < m_todo.size(); }

private:
    struct Span
    {
        long start = 0;
        long length = 0;
        int indicator = 0;
        bool operator==(const Span &o) const = default;
    };
    struct LineMarks
    {
        int markerMask = 0;
        QByteArray annotation;
        int style = 0;
        QList<Span> spans;
        bool operator==(const LineMarks &o) const = default;
    };

    LineMarks shown(int line) const;
    void draw(int line, const LineMarks &marks);
    long lineEnd(int line) const; ///< position after the line's end of line

    QsciScintilla *m_editor;
    QList<QPair<int, LineMarks>> m_todo;
    qsizetype m_next = 0;
};

} // namespace uis
