// SPDX-License-Identifier: Apache-2.0
#include "platformpanel.h"

#include "elidedlabel.h"

#include "jobsmodel.h"
#include "platformdcp.h"
#include "platformmanager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace uis {

namespace {

enum { NameCol, StateCol, AddressCol };

QStringList allServices()
{
    return PlatformRecipe::serviceNames() << PlatformDcp::serviceName();
}

} // namespace

PlatformPanel::PlatformPanel(const QString &dir, QWidget *parent)
    : QWidget(parent),
      m_manager(new PlatformManager(PlatformLayout(PlatformLayout::resolveDir(dir)), this)),
      m_start(new QPushButton(tr("Start Local Platform"))), m_stop(new QPushButton(tr("Stop"))),
      m_progress(new QProgressBar), m_summary(new ElidedLabel), m_last(new QLabel),
      m_services(new QTreeWidget)
{
    setObjectName(QStringLiteral("platformPanel"));
    m_start->setObjectName(QStringLiteral("startPlatform"));
    m_stop->setObjectName(QStringLiteral("stopPlatform"));
    m_start->setToolTip(
        tr("Start a Flink session cluster, Spark master and worker, Kafka, an S3 store and "
           "dcp-local with them as targets, on 127.0.0.1 (in %1)")
            .arg(m_manager->layout().dir()));
    m_stop->setToolTip(tr("Stop every process the local platform started; jobs running on it end"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Local platform</b>"));
    bar->addWidget(title);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_start);
    bar->addWidget(m_stop);
    layout->addLayout(bar);
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, int(allServices().size()));
    m_progress->setFormat(tr("%v/%m"));
    m_progress->hide();
    m_services->setColumnCount(3);
    m_services->setHeaderLabels({tr("Service"), tr("State"), tr("Address")});
    m_services->setRootIsDecorated(false);
    m_services->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_services->header()->setStretchLastSection(true);
    for (const QString &name : allServices())
        new QTreeWidgetItem(m_services, {name, QString(), QString()});
    layout->addWidget(m_services, 1);
    m_last->setWordWrap(true);
    m_last->setEnabled(false);
    layout->addWidget(m_last);

    connect(m_start, &QPushButton::clicked, this, &PlatformPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &PlatformPanel::stop);
    connect(m_manager, &PlatformManager::serviceStarting, this,
            [this](const QString &name) { setRow(name, tr("starting…")); });
    connect(m_manager, &PlatformManager::serviceReady, this,
            [this](const QString &name, const QString &url) {
                setRow(name, tr("ready"), url);
                m_progress->setValue(++m_done);
            });
    connect(m_manager, &PlatformManager::serviceFailed, this,
            [this](const QString &name, const QString &error) {
                setRow(name, tr("failed"), error);
                m_progress->setValue(++m_done);
            });
    connect(m_manager, &PlatformManager::progress, this, [this](const QString &text) {
        m_last->setText(text.section(QLatin1Char('\n'), 0, 0));
        // "kafka: stopped", "flink-jobmanager: stopping (pid 12)": the row follows.
        const QString service = text.section(QLatin1String(": "), 0, 0);
        const QString what = text.section(QLatin1String(": "), 1);
        if (row(service) && what.startsWith(QLatin1String("stop"))) {
            setRow(service, what.section(QLatin1Char(' '), 0, 0));
            if (what == QLatin1String("stopped"))
                m_progress->setValue(++m_done);
        }
    });
    connect(m_manager, &PlatformManager::started, this, [this](bool ok, const QString &error) {
        setBusy(false);
        refreshStatus();
        m_last->setText(ok ? tr("The local platform runs; its targets are in the list above")
                           : error);
        Q_EMIT message(ok ? tr("Local platform started")
                          : tr("Local platform: %1").arg(error.section(QLatin1Char('\n'), 0, 0)));
        Q_EMIT platformChanged(ok);
    });
    connect(m_manager, &PlatformManager::stopped, this, [this](bool ok, const QString &error) {
        setBusy(false);
        refreshStatus();
        m_last->setText(ok ? tr("The local platform is stopped") : error);
        Q_EMIT message(ok ? tr("Local platform stopped") : tr("Local platform: %1").arg(error));
        Q_EMIT platformChanged(false);
    });
    refreshStatus();
}

PlatformPanel::~PlatformPanel() = default;

QTreeWidgetItem *PlatformPanel::row(const QString &service) const
{
    const QList<QTreeWidgetItem *> found =
        m_services->findItems(service, Qt::MatchExactly, NameCol);
    return found.isEmpty() ? nullptr : found.first();
}

void PlatformPanel::setRow(const QString &service, const QString &state, const QString &detail)
{
    QTreeWidgetItem *item = row(service);
    if (!item)
        return;
    item->setText(StateCol, state);
    JobState look = JobState::Pending;
    if (state == tr("ready") || state == QLatin1String("running"))
        look = JobState::Running;
    else if (state == tr("failed") || state == QLatin1String("dead"))
        look = JobState::Failed;
    else if (state == QLatin1String("stopped"))
        look = JobState::Cancelled;
    item->setIcon(StateCol, JobsModel::stateIcon(look));
    item->setForeground(StateCol, JobsModel::stateColor(look));
    if (look == JobState::Failed) {
        item->setToolTip(StateCol, detail);
        item->setToolTip(NameCol, detail);
    } else if (!detail.isEmpty()) {
        item->setText(AddressCol, detail);
    }
}

void PlatformPanel::refreshStatus()
{
    QList<ServiceStatus> all = m_manager->status();
    all << m_manager->dcpStatus();
    int running = 0;
    for (const ServiceStatus &s : std::as_const(all)) {
        setRow(s.name, s.state);
        if (QTreeWidgetItem *item = row(s.name))
            item->setText(AddressCol, s.ui.isEmpty() || s.ui == s.url
                                          ? s.url
                                          : tr("%1  (UI %2)").arg(s.url, s.ui));
        running += s.state == QLatin1String("running") ? 1 : 0;
    }
    m_summary->setText(running == 0 ? tr("stopped")
                                    : tr("%1 of %2 services running").arg(running).arg(all.size()));
    updateButtons();
}

void PlatformPanel::setBusy(bool busy, const QString &what)
{
    m_done = 0;
    m_progress->setValue(0);
    m_progress->setVisible(busy);
    if (busy)
        m_summary->setText(what);
    updateButtons();
}

void PlatformPanel::updateButtons()
{
    const bool busy = m_manager->isBusy();
    int running = 0;
    for (int i = 0; i < m_services->topLevelItemCount(); ++i)
        running += m_services->topLevelItem(i)->text(StateCol) == QLatin1String("running") ? 1 : 0;
    // Start also completes a platform of which some service ended.
    m_start->setEnabled(!busy && running < m_services->topLevelItemCount());
    m_stop->setEnabled(!busy && running > 0);
}

void PlatformPanel::start()
{
    if (m_manager->isBusy())
        return;
    m_manager->start();
    setBusy(m_manager->isBusy(), tr("starting…"));
}

void PlatformPanel::stop()
{
    if (m_manager->isBusy())
        return;
    m_manager->stop();
    setBusy(m_manager->isBusy(), tr("stopping…"));
}

} // namespace uis
