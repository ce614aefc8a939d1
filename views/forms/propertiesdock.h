// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pipelinedocument.h"

#include <QDockWidget>

namespace uis {

class FormEditor;

/// The right-hand dock holding the form of the selected node.
class PropertiesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit PropertiesDock(PipelineDocument *document, QWidget *parent = nullptr);
    FormEditor *form() const { return m_form; }

private:
    FormEditor *m_form;
};

} // namespace uis
