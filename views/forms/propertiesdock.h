// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pipelinedocument.h"

#include <QDockWidget>

class QAction;
class QToolBar;

namespace uis {

class FormEditor;

/// The right-hand dock holding the form of the selected node.
class PropertiesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit PropertiesDock(PipelineDocument *document, QWidget *parent = nullptr);
    FormEditor *form() const { return m_form; }
    /// Adds a button for `action` above the form (features acting on the selected node).
    void addNodeAction(QAction *action);

private:
    FormEditor *m_form;
    QToolBar *m_actions;
};

} // namespace uis
