// SPDX-License-Identifier: Apache-2.0
#include "enginesintegration.h"

#include "enginesdialog.h"

#include "enginepaths.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>

namespace uis {

EnginesIntegration::EnginesIntegration(QMainWindow *window) : QObject(window), m_window(window) {}

EnginesIntegration *EnginesIntegration::install(QMainWindow *window, QMenu *menu)
{
    auto *self = new EnginesIntegration(window);
    QAction *action = menu->addAction(tr("Install &Engines…"));
    connect(action, &QAction::triggered, self, &EnginesIntegration::openDialog);
    action->setObjectName(QStringLiteral("actionInstallEngines"));
    action->setToolTip(
        tr("Download PySpark, PyFlink, the connector jars and Kafka for local runs"));
    // A checkout gets its engines from `make deps`; an installed designer offers them here.
    if (!EnginePaths::isCheckout(EnginePaths::runnersDir()) && !EnginesDialog::enginesPresent()) {
        auto *offer = new QPushButton(tr("Engines not installed: Install…"));
        offer->setObjectName(QStringLiteral("offerEngines"));
        offer->setFlat(true);
        offer->setToolTip(tr("Data Preview, local runs and tests need PySpark and PyFlink"));
        window->statusBar()->addPermanentWidget(offer);
        connect(offer, &QPushButton::clicked, self, &EnginesIntegration::openDialog);
        self->m_offer = offer;
    }
    return self;
}

void EnginesIntegration::openDialog()
{
    EnginesDialog dialog(m_window);
    dialog.exec();
    if (m_offer && EnginesDialog::enginesPresent())
        m_offer->hide();
}

} // namespace uis
