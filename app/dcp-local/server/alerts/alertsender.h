// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace uis::dcplocal {

struct AlertChannel;
struct AlertNotification;

/**
 * Sends one message to one channel, asynchronously, bounded in time: `done(error)` is called
 * exactly once, with "" when the receiver took the message. Implementations never block the
 * event loop (sockets and replies are asynchronous; every exchange has a timeout).
 */
class AlertSender : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>;
    using QObject::QObject;

    virtual void send(const AlertChannel &channel, const AlertNotification &n, Done done) = 0;
};

} // namespace uis::dcplocal
