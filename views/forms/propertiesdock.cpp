// SPDX-License-Identifier: Apache-2.0
#include "propertiesdock.h"

#include "formeditor.h"

#include <QScrollArea>

namespace uis {

PropertiesDock::PropertiesDock(PipelineDocument *document, QWidget *parent)
    : QDockWidget(tr("Properties"), parent)
    , m_form(new FormEditor(document))
{
    setObjectName(QStringLiteral("PropertiesDock"));
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    setWidget(scroll);
}

} // namespace uis
