// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace uis {

class EnginesInstaller;

/**
 * Installs the engines an installed designer runs on (`uisctl engines install`): what it
 * downloads and where, its progress as it goes, Stop (resumable) and the reason when it fails.
 */
class EnginesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EnginesDialog(QWidget *parent = nullptr);

    /// Whether the engines previews and local runs need are there (EnginePaths).
    static bool enginesPresent();

protected:
    void reject() override;

private:
    void showLine(const QString &text);
    void finish(bool ok, const QString &error);

    EnginesInstaller *m_installer;
    QLabel *m_intro;
    QLabel *m_stage;
    QProgressBar *m_progress;
    QPlainTextEdit *m_log;
    QPushButton *m_install;
    QPushButton *m_stop;
    QPushButton *m_close;
    int m_steps = 0;
};

} // namespace uis
