// SPDX-License-Identifier: Apache-2.0
#include "palettedock.h"

#include "palettemodel.h"

#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

namespace uis {

PaletteDock::PaletteDock(QWidget *parent)
    : QDockWidget(tr("Palette"), parent)
    , m_model(new PaletteModel(this))
    , m_view(new QTreeView)
{
    setObjectName(QStringLiteral("PaletteDock"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setIndentation(10);
    m_view->expandAll();
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    // A rebuild inserts row by row: expand once afterwards, not once per row (each expandAll
    // lays out the whole tree again).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_expandQueued)
            return;
        m_expandQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_expandQueued = false;
            m_view->expandAll();
        });
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &i) {
        if (i.data(PaletteModel::TypeRole).isValid())
            Q_EMIT addRequested(NodeKind(i.data(PaletteModel::KindRole).toInt()), i.data(PaletteModel::TypeRole).toString());
    });
    setWidget(m_view);
}

} // namespace uis
