// SPDX-License-Identifier: Apache-2.0
#include "propertiesdock.h"

#include "formeditor.h"

#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>

namespace uis {

PropertiesDock::PropertiesDock(PipelineDocument *document, QWidget *parent)
    : QDockWidget(tr("Properties"), parent), m_form(new FormEditor(document)),
      m_actions(new QToolBar)
{
    setObjectName(QStringLiteral("PropertiesDock"));
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    m_actions->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->setVisible(false);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_actions);
    layout->addWidget(scroll, 1);
    setWidget(body);
}

void PropertiesDock::addNodeAction(QAction *action)
{
    m_actions->addAction(action);
    m_actions->setVisible(true);
}

} // namespace uis
