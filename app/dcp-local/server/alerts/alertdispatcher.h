// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertconfig.h"
#include "alertevaluator.h"

#include <QList>
#include <QObject>

namespace uis::dcplocal {

class AlertSender;

/// One message to one channel and how its delivery went.
struct AlertDelivery
{
    QString channel;
    QString status; ///< the message's: firing, resolved or test
    bool ok = false;
    bool done = false; ///< delivered, or given up after the last attempt
    int attempts = 0;
    QString error; ///< the last attempt's
};

/**
 * Delivers messages on the event loop, never waiting for a receiver: each delivery is tried,
 * and a failed one again after 1, 2, 4, 8 … s (up to `maxAttempts`), so a dead webhook or
 * SMTP server costs nothing but its own retries. Progress is reported by deliveryChanged().
 */
class AlertDispatcher : public QObject
{
    Q_OBJECT
public:
    explicit AlertDispatcher(QObject *parent = nullptr);

    /// Queues `n` for `channel`; returns the delivery's id.
    int deliver(const AlertChannel &channel, const AlertNotification &n);
    const AlertDelivery &delivery(int id) const { return m_deliveries[id]; }
    int count() const { return int(m_deliveries.size()); }
    /// The deliveries of an earlier server, by id (before any new one).
    void restore(const QList<AlertDelivery> &deliveries) { m_deliveries = deliveries; }
    /// Tries a restored delivery that was not done when that server stopped once more.
    void resume(int id, const AlertChannel &channel, const AlertNotification &n);
    void setBackoff(int firstMs, int maxAttempts);

Q_SIGNALS:
    void deliveryChanged(int id);
    /// A desktop channel's message: for the designer, which asks GET /api/v1/alerts.
    void desktopMessage(const uis::dcplocal::AlertNotification &n);

private:
    void attempt(int id, const AlertChannel &channel, const AlertNotification &n);

    AlertSender *m_webhook;
    AlertSender *m_smtp;
    QList<AlertDelivery> m_deliveries;
    int m_firstBackoffMs = 1000;
    int m_maxAttempts = 6;
};

} // namespace uis::dcplocal
