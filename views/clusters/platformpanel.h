// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace uis {

class PlatformManager;

/**
 * Start / Stop Local Platform: a Flink session cluster, Spark standalone, Kafka, an S3 store and
 * the dcp-local that serves them as targets (core/platform's PlatformManager). One row per
 * service with its state and address, and a progress bar while starting or stopping. Everything
 * is asynchronous: the buttons return at once and the rows follow the manager's signals.
 */
class PlatformPanel : public QWidget
{
    Q_OBJECT
public:
    /// `dir` "" is the default platform directory (UIS_PLATFORM_DIR overrides it).
    explicit PlatformPanel(const QString &dir = {}, QWidget *parent = nullptr);
    ~PlatformPanel() override;

    PlatformManager *manager() const { return m_manager; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QTreeWidget *services() const { return m_services; }
    /// The row of a service ("flink-jobmanager", "dcp-local", …), or null.
    QTreeWidgetItem *row(const QString &service) const;

    void start();
    void stop();
    /// Re-reads what runs (platform.json and /proc).
    void refreshStatus();

Q_SIGNALS:
    /// The platform (and with it the `local` server) started or stopped: the targets changed.
    void platformChanged(bool running);
    void message(const QString &text);

private:
    void setRow(const QString &service, const QString &state, const QString &detail = {});
    void setBusy(bool busy, const QString &what = {});
    void updateButtons();

    PlatformManager *m_manager;
    QPushButton *m_start;
    QPushButton *m_stop;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_last;
    QTreeWidget *m_services;
    int m_done = 0;
};

} // namespace uis
