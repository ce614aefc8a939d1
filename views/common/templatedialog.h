// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QListWidget;

namespace uis {

class CodeEditor;

/// "New from Template": the example specs from the resources, with a preview, plus an
/// almost empty pipeline to build by hand.
class TemplateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TemplateDialog(QWidget *parent = nullptr);

    /// Resource paths of the templates (`:/templates/*.uis.yaml`).
    static QStringList templates();
    /// A minimal pipeline with a provider and no nodes.
    static QByteArray emptyPipeline();
    QByteArray selectedContent() const;
    QString selectedName() const;
    void setDark(bool dark);

private:
    QListWidget *m_list;
    CodeEditor *m_preview;
};

} // namespace uis
