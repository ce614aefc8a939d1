// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QSocketNotifier;

namespace uis::dcplocal {

/// Turns SIGTERM and SIGINT into a Qt signal (self-pipe), so that shutdown runs in the event loop.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    static void handler(int sig);
    static int s_fds[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace uis::dcplocal
