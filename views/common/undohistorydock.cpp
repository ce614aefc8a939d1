// SPDX-License-Identifier: Apache-2.0
#include "undohistorydock.h"

#include "studioicons.h"

#include <QUndoView>

namespace uis {

UndoHistoryDock::UndoHistoryDock(QUndoStack *stack, QWidget *parent)
    : QDockWidget(tr("History"), parent)
    , m_view(new QUndoView(stack))
{
    setObjectName(QStringLiteral("UndoHistoryDock"));
    m_view->setEmptyLabel(tr("<opened>"));
    m_view->setCleanIcon(StudioIcons::icon(QStringLiteral("save")));
    m_view->setFrameShape(QFrame::NoFrame);
    setWidget(m_view);
}

} // namespace uis
