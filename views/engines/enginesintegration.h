// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QMainWindow;
class QMenu;
class QPushButton;

namespace uis {

/**
 * The designer's offer to install the engines: Tools → Install Engines…, and, when an installed
 * designer finds none, a button in the status bar that opens the same dialog.
 */
class EnginesIntegration : public QObject
{
    Q_OBJECT
public:
    static EnginesIntegration *install(QMainWindow *window, QMenu *menu);

private:
    explicit EnginesIntegration(QMainWindow *window);
    void openDialog();

    QMainWindow *m_window;
    QPushButton *m_offer = nullptr;
};

} // namespace uis
