// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "pipelinedocument.h"

#include <QWidget>

class QLabel;

namespace uis {

class CodeEditor;
class FindBar;

/// The Source tab: the document's text in a CodeEditor, kept in two-way sync with the
/// document, with a find bar and a banner while the text does not parse.
class SourceView : public QWidget
{
    Q_OBJECT
public:
    explicit SourceView(PipelineDocument *document, QWidget *parent = nullptr);

    CodeEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_findBar; }
    void setDiagnostics(const DiagnosticList &diagnostics);

private:
    void onDocumentChanged(DocumentChange change);
    void syncLanguage();
    void updateBanner();

    PipelineDocument *m_document;
    CodeEditor *m_editor;
    FindBar *m_findBar;
    QLabel *m_banner;
    bool m_applying = false;
    bool m_typing = false; ///< the document is taking the editor's own text
};

} // namespace uis
