// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

class QUndoStack;
class QUndoView;

namespace uis {

/// The visible undo history; clicking an entry goes back (or forward) to it.
class UndoHistoryDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit UndoHistoryDock(QUndoStack *stack, QWidget *parent = nullptr);
    QUndoView *view() const { return m_view; }

private:
    QUndoView *m_view;
};

} // namespace uis
