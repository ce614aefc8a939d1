// SPDX-License-Identifier: Apache-2.0
#include "codeeditor.h"

#include "diagnosticmarks.h"
#include "qsciincludes.h"


#include <QFontDatabase>
#include <QKeyEvent>
#include <QRegularExpression>

namespace uis {

namespace {
using M = DiagnosticMarks;
constexpr auto ErrorIndicator = M::ErrorIndicator;
constexpr auto WarningIndicator = M::WarningIndicator;
constexpr auto InfoIndicator = M::InfoIndicator;
constexpr auto ErrorMarker = M::ErrorMarker;
constexpr auto WarningMarker = M::WarningMarker;
constexpr auto InfoMarker = M::InfoMarker;
const QColor &ErrorColor = M::ErrorColor;
const QColor &WarningColor = M::WarningColor;
const QColor &InfoColor = M::InfoColor;
} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent), m_marks(std::make_unique<DiagnosticMarks>(this))
{
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setUtf8(true);
    setEolMode(EolUnix);
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setAutoIndent(true);
    setIndentationGuides(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setFolding(BoxedTreeFoldStyle, 2);
    setMarginType(0, NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginType(1, SymbolMargin);
    setMarginWidth(1, 16);
    setMarginSensitivity(1, false);
    setScrollWidth(1);
    setScrollWidthTracking(true);
    setAnnotationDisplay(AnnotationBoxed);
    setWrapMode(WrapNone);

    indicatorDefine(SquiggleLowIndicator, ErrorIndicator);
    indicatorDefine(SquiggleLowIndicator, WarningIndicator);
    indicatorDefine(DotsIndicator, InfoIndicator);
    setIndicatorForegroundColor(ErrorColor, ErrorIndicator);
    setIndicatorForegroundColor(WarningColor, WarningIndicator);
    setIndicatorForegroundColor(InfoColor, InfoIndicator);
    markerDefine(Circle, ErrorMarker);
    markerDefine(Circle, WarningMarker);
    markerDefine(Circle, InfoMarker);
    setMarkerBackgroundColor(ErrorColor, ErrorMarker);
    setMarkerForegroundColor(ErrorColor.darker(130), ErrorMarker);
    setMarkerBackgroundColor(WarningColor, WarningMarker);
    setMarkerForegroundColor(WarningColor.darker(130), WarningMarker);
    setMarkerBackgroundColor(InfoColor, InfoMarker);
    setMarkerForegroundColor(InfoColor.darker(130), InfoMarker);

    // Undo belongs to the document's QUndoStack; free the keys for its actions.
    SendScintilla(SCI_SETUNDOCOLLECTION, 0L);
    for (QsciCommand *c : standardCommands()->commands()) {
        if (c->command() == QsciCommand::Undo || c->command() == QsciCommand::Redo) {
            c->setKey(0);
            c->setAlternateKey(0);
        }
    }
    // QScintilla matches the brace at the caret on every UI update (a paint, a scroll) by
    // scanning to its partner: with the caret on the `{` of a 1.5 MB compiled job config that is
    // the whole document, 13 ms each time. Large documents go without.
    connect(this, &QsciScintilla::textChanged, this, &CodeEditor::updateBraceMatching);
    applyColors();
}

void CodeEditor::updateBraceMatching()
{
    constexpr long kMaxBytes = 256 * 1024;
    const BraceMatch wanted =
        SendScintilla(SCI_GETLENGTH) > kMaxBytes ? NoBraceMatch : SloppyBraceMatch;
    if (braceMatching() != wanted)
        setBraceMatching(wanted);
}

CodeEditor::~CodeEditor() = default;

CodeEditor::Language CodeEditor::languageFor(const QString &name)
{
    if (name == QLatin1String("json"))
        return Language::Json;
    if (name == QLatin1String("yaml"))
        return Language::Yaml;
    if (name == QLatin1String("sql"))
        return Language::Sql;
    if (name == QLatin1String("shell"))
        return Language::Shell;
    return Language::Plain;
}

void CodeEditor::setLanguage(Language language)
{
    m_language = language;
    QsciLexer *old = lexer();
    QsciLexer *lx = nullptr;
    switch (language) {
    case Language::Yaml:
        lx = new QsciLexerYAML(this);
        break;
    case Language::Json:
        lx = new QsciLexerJSON(this);
        break;
    case Language::Sql:
        lx = new QsciLexerSQL(this);
        break;
    case Language::Shell:
        lx = new QsciLexerBash(this);
        break;
    case Language::Plain:
        break;
    }
    setLexer(lx);
    delete old;
    applyColors();
}

void CodeEditor::setDark(bool dark)
{
    m_dark = dark;
    applyColors();
}

void CodeEditor::setEditorFont(const QFont &font)
{
    m_font = font;
    applyColors();
}

void CodeEditor::applyColors()
{
    const QColor paper = m_dark ? QColor(0x1e, 0x1f, 0x22) : QColor(Qt::white);
    const QColor text = m_dark ? QColor(0xd4, 0xd4, 0xd4) : QColor(0x1f, 0x23, 0x28);
    const QColor margin = m_dark ? QColor(0x2b, 0x2d, 0x30) : QColor(0xf3, 0xf4, 0xf6);
    const QColor marginText = m_dark ? QColor(0x85, 0x8a, 0x92) : QColor(0x8a, 0x8f, 0x98);
    if (QsciLexer *lx = lexer()) {
        lx->setDefaultPaper(paper);
        lx->setDefaultColor(text);
        lx->setFont(m_font);
        for (int style = 0; style < 128; ++style) {
            if (lx->description(style).isEmpty())
                continue;
            lx->setPaper(paper, style);
            lx->setFont(m_font, style);
            QColor c = lx->defaultColor(style);
            if (m_dark) {
                float h, s, l, a;
                c.getHslF(&h, &s, &l, &a);
                c = QColor::fromHslF(h < 0 ? 0 : h, s, std::max(l, 0.68f), a);
            }
            lx->setColor(c, style);
        }
    } else {
        setFont(m_font);
        setPaper(paper);
        setColor(text);
    }
    setMarginsFont(m_font);
    setMarginsBackgroundColor(margin);
    setMarginsForegroundColor(marginText);
    setFoldMarginColors(margin, margin);
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(m_dark ? QColor(0x26, 0x28, 0x2c) : QColor(0xf5, 0xf8, 0xff));
    setSelectionBackgroundColor(m_dark ? QColor(0x21, 0x42, 0x83) : QColor(0xc8, 0xdc, 0xf8));
    setIndentationGuidesForegroundColor(m_dark ? QColor(0x3a, 0x3c, 0x40) : QColor(0xe1, 0xe4, 0xe8));
    setMatchedBraceBackgroundColor(m_dark ? QColor(0x3b, 0x51, 0x4d) : QColor(0xd7, 0xf0, 0xe0));
    setMarginWidth(0, QStringLiteral("00000"));
    // Setting a lexer resets every style, the annotations' too.
    m_marks->defineStyles(m_font, m_dark);
    setDiagnostics(m_diagnostics);
}

void CodeEditor::setDiagnostics(const DiagnosticList &diagnostics)
{
    planDiagnostics(diagnostics);
    applyPlannedDiagnostics();
}

void CodeEditor::planDiagnostics(const DiagnosticList &diagnostics)
{
    m_diagnostics = diagnostics;
    m_marks->plan(m_diagnostics, m_annotationsVisible);
}

bool CodeEditor::applyPlannedDiagnostics(const QDeadlineTimer &deadline)
{
    return m_marks->apply(deadline);
}

void CodeEditor::setAnnotationsVisible(bool visible)
{
    m_annotationsVisible = visible;
    setDiagnostics(m_diagnostics);
}

int CodeEditor::indicatorLength(Severity severity) const
{
    auto *self = const_cast<CodeEditor *>(this);
    const int ind = DiagnosticMarks::indicatorFor(severity);
    const long len = long(self->SendScintilla(SCI_GETLENGTH));
    int total = 0;
    long pos = 0;
    while (pos < len) {
        const long end = long(self->SendScintilla(SCI_INDICATOREND, ind, pos));
        if (self->SendScintilla(SCI_INDICATORVALUEAT, ind, pos))
            total += int(end - pos);
        if (end <= pos)
            break;
        pos = end;
    }
    return total;
}

void CodeEditor::goToLine(int line, int column)
{
    const int l = std::clamp(line - 1, 0, std::max(0, lines() - 1));
    const long lineStart = long(SendScintilla(SCI_POSITIONFROMLINE, l));
    const long pos = column > 1 ? long(SendScintilla(SCI_POSITIONRELATIVE, lineStart, long(column - 1))) : lineStart;
    SendScintilla(SCI_GOTOPOS, pos > 0 || column <= 1 ? pos : lineStart);
    SendScintilla(SCI_ENSUREVISIBLEENFORCEPOLICY, l);
    SendScintilla(SCI_SCROLLCARET);
    const int visible = int(SendScintilla(SCI_LINESONSCREEN));
    const int first = std::max(0, l - visible / 2);
    SendScintilla(SCI_SETFIRSTVISIBLELINE, first);
}

int CodeEditor::currentLine() const
{
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

void CodeEditor::setTextMinimal(const QString &newText)
{
    const QString old = text();
    if (old == newText)
        return;
    qsizetype prefix = 0;
    const qsizetype maxPrefix = std::min(old.size(), newText.size());
    while (prefix < maxPrefix && old.at(prefix) == newText.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < maxPrefix - prefix && old.at(old.size() - 1 - suffix) == newText.at(newText.size() - 1 - suffix))
        ++suffix;
    const long start = long(QStringView(old).left(prefix).toUtf8().size());
    const long end = long(old.size() - suffix == prefix ? start
                                                        : start + QStringView(old).mid(prefix, old.size() - suffix - prefix).toUtf8().size());
    const QByteArray replacement = QStringView(newText).mid(prefix, newText.size() - suffix - prefix).toUtf8();
    const bool ro = isReadOnly();
    setReadOnly(false);
    SendScintilla(SCI_SETTARGETSTART, start);
    SendScintilla(SCI_SETTARGETEND, end);
    SendScintilla(SCI_REPLACETARGET, long(replacement.size()), replacement.constData());
    setReadOnly(ro);
}

void CodeEditor::replaceUtf8Minimal(const QByteArray &shown, const QByteArray &wanted)
{
    if (shown == wanted)
        return;
    const long length = long(SendScintilla(SCI_GETLENGTH));
    if (length != shown.size()) {
        setTextMinimal(QString::fromUtf8(wanted)); // not what the caller thinks is shown
        return;
    }
    // The differing middle, in bytes (Scintilla positions are UTF-8 bytes), without a
    // conversion of the whole text; its ends are moved off continuation bytes.
    const qsizetype common = std::min(shown.size(), wanted.size());
    qsizetype prefix = 0;
    while (prefix < common && shown[prefix] == wanted[prefix])
        ++prefix;
    while (prefix > 0 && prefix < wanted.size() && (uchar(wanted[prefix]) & 0xC0) == 0x80)
        --prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix &&
           shown[shown.size() - 1 - suffix] == wanted[wanted.size() - 1 - suffix])
        ++suffix;
    while (suffix > 0 && (uchar(wanted[wanted.size() - suffix]) & 0xC0) == 0x80)
        --suffix;
    const QByteArray replacement = wanted.mid(prefix, wanted.size() - suffix - prefix);
    const bool ro = isReadOnly();
    setReadOnly(false);
    SendScintilla(SCI_SETTARGETSTART, long(prefix));
    SendScintilla(SCI_SETTARGETEND, long(shown.size() - suffix));
    SendScintilla(SCI_REPLACETARGET, long(replacement.size()), replacement.constData());
    setReadOnly(ro);
}

bool CodeEditor::find(const QString &text, bool caseSensitive, bool wholeWord, bool regex, bool forward)
{
    if (text.isEmpty())
        return false;
    int line = 0, index = 0;
    if (!forward && hasSelectedText()) {
        int l2, i2;
        getSelection(&line, &index, &l2, &i2);
    } else {
        getCursorPosition(&line, &index);
    }
    return findFirst(text, regex, caseSensitive, wholeWord, true, forward, line, index, true, false, regex);
}

bool CodeEditor::replaceCurrent(const QString &text, const QString &replacement, bool caseSensitive,
                                bool wholeWord, bool regex)
{
    if (hasSelectedText() && (caseSensitive ? selectedText() == text : selectedText().compare(text, Qt::CaseInsensitive) == 0 || regex)) {
        replace(replacement);
    }
    return find(text, caseSensitive, wholeWord, regex, true);
}

int CodeEditor::replaceAll(const QString &text, const QString &replacement, bool caseSensitive, bool wholeWord,
                           bool regex)
{
    if (text.isEmpty())
        return 0;
    QString pattern = regex ? text : QRegularExpression::escape(text);
    if (wholeWord)
        pattern = QStringLiteral("\\b(?:%1)\\b").arg(pattern);
    const QRegularExpression re(pattern, caseSensitive ? QRegularExpression::NoPatternOption
                                                       : QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid())
        return 0;
    QString all = this->text();
    int count = 0;
    for (auto it = re.globalMatch(all); it.hasNext(); it.next())
        ++count;
    if (count == 0)
        return 0;
    all.replace(re, regex ? replacement : QString(replacement).replace(QLatin1Char('\\'), QStringLiteral("\\\\")));
    // One replacement of the changed span: one edit for the document's undo stack.
    setTextMinimal(all);
    return count;
}

void CodeEditor::keyPressEvent(QKeyEvent *e)
{
    if (e->matches(QKeySequence::Find)) {
        Q_EMIT findRequested(false);
        return;
    }
    if (e->matches(QKeySequence::Replace) ||
        (e->modifiers() == Qt::ControlModifier && e->key() == Qt::Key_H)) {
        Q_EMIT findRequested(true);
        return;
    }
    QsciScintilla::keyPressEvent(e);
}

} // namespace uis
