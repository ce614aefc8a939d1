// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"

#include <QDockWidget>

class QTreeView;

namespace uis {

class PaletteModel;

/// The node palette: drag an entry onto the canvas, or double-click it to add it.
class PaletteDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit PaletteDock(QWidget *parent = nullptr);
    PaletteModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void addRequested(uis::NodeKind kind, const QString &type);

private:
    PaletteModel *m_model;
    QTreeView *m_view;
    bool m_expandQueued = false;
};

} // namespace uis
