// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include "qsciincludes.h"

#include <QDeadlineTimer>

#include <memory>

namespace uis {

class DiagnosticMarks;

/**
 * The one code editor of the designer (DB Browser's ExtendedScintilla): highlighting for the
 * spec and artifact languages, line numbers, folding, find/replace and the drawing of
 * diagnostics as squiggles, margin markers and annotations. It never parses.
 */
class CodeEditor : public QsciScintilla
{
    Q_OBJECT
public:
    enum class Language { Plain, Yaml, Json, Sql, Shell };

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    void setLanguage(Language language);
    Language language() const { return m_language; }
    /// `json`, `shell`, `sql`, `yaml` (an Artifact's language) → Language.
    static Language languageFor(const QString &name);

    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    void setEditorFont(const QFont &font);

    /// Draws `diagnostics`: squiggles under the value, a marker in the margin, and the
    /// messages as annotations below their lines.
    void setDiagnostics(const DiagnosticList &diagnostics);
    /// setDiagnostics in two halves, for time-sliced updates: work out which lines change…
    void planDiagnostics(const DiagnosticList &diagnostics);
    /// …and redraw them until `deadline`; returns true when every line is done.
    bool applyPlannedDiagnostics(
        const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    const DiagnosticList &diagnostics() const { return m_diagnostics; }
    void setAnnotationsVisible(bool visible);
    /// Number of characters carrying a squiggle of `severity` (for tests).
    int indicatorLength(Severity severity) const;

    /// Moves the cursor to a 1-based line and column and centres it.
    void goToLine(int line, int column = 1);
    int currentLine() const; ///< 1-based

    /// Replaces only the part of the text that differs, keeping cursor and scroll position.
    void setTextMinimal(const QString &text);
    /// The same for an editor known to hold the UTF-8 bytes `shown` (a big artifact): no
    /// conversion of the whole text, only the differing bytes are replaced.
    void replaceUtf8Minimal(const QByteArray &shown, const QByteArray &wanted);

    bool find(const QString &text, bool caseSensitive, bool wholeWord, bool regex, bool forward);
    bool replaceCurrent(const QString &text, const QString &replacement, bool caseSensitive,
                        bool wholeWord, bool regex);
    int replaceAll(const QString &text, const QString &replacement, bool caseSensitive, bool wholeWord,
                   bool regex);

Q_SIGNALS:
    void findRequested(bool replace);

protected:
    void keyPressEvent(QKeyEvent *e) override;

private:
    void applyColors();
    void updateBraceMatching();

    Language m_language = Language::Plain;
    bool m_dark = false;
    bool m_annotationsVisible = true;
    QFont m_font;
    DiagnosticList m_diagnostics;
    std::unique_ptr<DiagnosticMarks> m_marks;
};

} // namespace uis
