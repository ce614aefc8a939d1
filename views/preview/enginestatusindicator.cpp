// SPDX-License-Identifier: Apache-2.0
#include "enginestatusindicator.h"

#include "enginesessionsmonitor.h"

#include <QAction>
#include <QDir>
#include <QMenu>

namespace uis {

namespace {

QString serverLine(const QString &name, const SessionServer &s)
{
    switch (s.state) {
    case SessionServer::State::Warm:
        return EngineStatusIndicator::tr("%1: warm at %2").arg(name, s.url);
    case SessionServer::State::Dead:
        return EngineStatusIndicator::tr("%1: not answering (restarted by the next preview)")
            .arg(name);
    case SessionServer::State::Stopped:
        break;
    }
    return EngineStatusIndicator::tr("%1: stopped").arg(name);
}

} // namespace

EngineStatusIndicator::EngineStatusIndicator(EngineSessionsMonitor *monitor, QWidget *parent)
    : QToolButton(parent), m_monitor(monitor)
{
    setObjectName(QStringLiteral("engineStatus"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(this);
    m_start = menu->addAction(tr("Start Engines"));
    m_start->setObjectName(QStringLiteral("startEngines"));
    connect(m_start, &QAction::triggered, monitor, &EngineSessionsMonitor::startEngines);
    m_stop = menu->addAction(tr("Stop Engines"));
    m_stop->setObjectName(QStringLiteral("stopEngines"));
    connect(m_stop, &QAction::triggered, monitor, &EngineSessionsMonitor::stopEngines);
    setMenu(menu);
    connect(monitor, &EngineSessionsMonitor::changed, this, &EngineStatusIndicator::refreshText);
    monitor->watch();
    refreshText();
}

void EngineStatusIndicator::refreshText()
{
    const EngineSessionsMonitor::State state = m_monitor->state();
    const SessionsStatus &s = m_monitor->status();
    QString text;
    switch (state) {
    case EngineSessionsMonitor::State::Unknown:
        text = m_monitor->errorString().isEmpty() ? tr("Engines: …") : tr("Engines: unavailable");
        break;
    case EngineSessionsMonitor::State::Stopped:
        text = tr("Engines: stopped");
        break;
    case EngineSessionsMonitor::State::Starting:
        text = tr("Engines: starting…");
        break;
    case EngineSessionsMonitor::State::Warm:
        text = tr("Engines: warm");
        break;
    case EngineSessionsMonitor::State::Stopping:
        text = tr("Engines: stopping…");
        break;
    }
    setText(text);
    QStringList tip{tr("The warm engines Data Preview and `uisctl preview` share (Preferences: "
                       "Preview engines)")};
    if (s.valid) {
        tip << serverLine(tr("Spark Connect"), s.spark)
            << serverLine(tr("Flink SQL Gateway"), s.flink);
        if (s.idleSecondsLeft >= 0 && s.anyWarm())
            tip << tr("Stops when idle for %1 more min").arg((s.idleSecondsLeft + 59) / 60);
        tip << tr("State: %1").arg(QDir::toNativeSeparators(s.folder));
    }
    if (!m_monitor->errorString().isEmpty())
        tip << m_monitor->errorString();
    setToolTip(tip.join(QLatin1Char('\n')));
    const bool idle = state != EngineSessionsMonitor::State::Starting &&
                      state != EngineSessionsMonitor::State::Stopping;
    m_start->setEnabled(idle && !(s.spark.state == SessionServer::State::Warm &&
                                  s.flink.state == SessionServer::State::Warm));
    m_stop->setEnabled(idle && s.valid &&
                       (s.spark.state != SessionServer::State::Stopped ||
                        s.flink.state != SessionServer::State::Stopped));
}

} // namespace uis
