// SPDX-License-Identifier: Apache-2.0
#include "sourceview.h"

#include "codeeditor.h"
#include "findbar.h"

#include <QLabel>
#include <QVBoxLayout>

namespace uis {

SourceView::SourceView(PipelineDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(new CodeEditor)
    , m_findBar(new FindBar(m_editor))
    , m_banner(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecec; color: #8a1c17; border-bottom: 1px solid #f0b4b0; }"));
    m_banner->hide();
    layout->addWidget(m_banner);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_editor);

    syncLanguage();
    m_applying = true;
    m_editor->setText(document->text());
    m_applying = false;

    connect(m_editor, &CodeEditor::textChanged, this, [this] {
        if (m_applying)
            return;
        m_typing = true;
        m_document->replaceText(m_editor->text(), true);
        m_typing = false;
    });
    connect(m_editor, &CodeEditor::findRequested, m_findBar, &FindBar::open);
    connect(document, &PipelineDocument::changed, this, &SourceView::onDocumentChanged);
}

void SourceView::syncLanguage()
{
    const CodeEditor::Language lang =
        m_document->format() == SpecFormat::Json ? CodeEditor::Language::Json : CodeEditor::Language::Yaml;
    if (m_editor->language() != lang)
        m_editor->setLanguage(lang);
}

void SourceView::onDocumentChanged(DocumentChange change)
{
    if (change.what & DocumentChange::File)
        syncLanguage();
    // Typed text is in the editor already: comparing the whole text back costs per keystroke.
    if ((change.what & DocumentChange::Text) && !m_typing) {
        m_applying = true;
        if (change.what & DocumentChange::File) {
            m_editor->setText(m_document->text());
            m_editor->setCursorPosition(0, 0);
        } else {
            m_editor->setTextMinimal(m_document->text());
        }
        m_applying = false;
    }
    if (change.what & (DocumentChange::ParseState | DocumentChange::Text))
        updateBanner();
}

void SourceView::updateBanner()
{
    if (!m_document->hasParseError()) {
        m_banner->hide();
        return;
    }
    const DiagnosticList &d = m_document->parseDiagnostics();
    const QString where = d.isEmpty() || d.first().line == 0 ? QString() : tr("Line %1: ").arg(d.first().line);
    m_banner->setText(tr("<b>The source does not parse.</b> %1%2 — Design and the forms show the last version "
                         "that parsed until this is fixed.")
                          .arg(where, d.isEmpty() ? QString() : d.first().message.toHtmlEscaped()));
    m_banner->show();
}

void SourceView::setDiagnostics(const DiagnosticList &diagnostics) { m_editor->setDiagnostics(diagnostics); }

} // namespace uis
