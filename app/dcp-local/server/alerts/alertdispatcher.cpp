// SPDX-License-Identifier: Apache-2.0
#include "alertdispatcher.h"

#include "smtpsender.h"
#include "webhooksender.h"

#include <QPointer>
#include <QTimer>

namespace uis::dcplocal {

AlertDispatcher::AlertDispatcher(QObject *parent)
    : QObject(parent), m_webhook(new WebhookSender(this)), m_smtp(new SmtpSender(this))
{
}

void AlertDispatcher::setBackoff(int firstMs, int maxAttempts)
{
    m_firstBackoffMs = firstMs;
    m_maxAttempts = maxAttempts;
}

int AlertDispatcher::deliver(const AlertChannel &channel, const AlertNotification &n)
{
    AlertDelivery d;
    d.channel = channel.name;
    d.status = n.status;
    m_deliveries.append(d);
    const int id = int(m_deliveries.size() - 1);
    if (channel.kind == AlertChannel::Kind::Desktop) {
        // The designer shows it from GET /api/v1/alerts; being listed there is the delivery.
        m_deliveries[id].ok = m_deliveries[id].done = true;
        m_deliveries[id].attempts = 1;
        Q_EMIT desktopMessage(n);
        Q_EMIT deliveryChanged(id);
        return id;
    }
    attempt(id, channel, n);
    return id;
}

void AlertDispatcher::resume(int id, const AlertChannel &channel, const AlertNotification &n)
{
    if (id < 0 || id >= m_deliveries.size() || m_deliveries[id].done)
        return;
    if (channel.kind == AlertChannel::Kind::Desktop) {
        m_deliveries[id].ok = m_deliveries[id].done = true;
        Q_EMIT deliveryChanged(id);
        return;
    }
    attempt(id, channel, n);
}

void AlertDispatcher::attempt(int id, const AlertChannel &channel, const AlertNotification &n)
{
    AlertSender *sender = channel.kind == AlertChannel::Kind::Email ? m_smtp : m_webhook;
    ++m_deliveries[id].attempts;
    sender->send(
        channel, n,
        [this, guard = QPointer<AlertDispatcher>(this), id, channel, n](const QString &error) {
            if (!guard)
                return;
            AlertDelivery &d = m_deliveries[id];
            d.error = error;
            d.ok = error.isEmpty();
            if (d.ok || d.attempts >= m_maxAttempts) {
                d.done = true;
            } else {
                const int wait = m_firstBackoffMs << std::min(d.attempts - 1, 10);
                QTimer::singleShot(wait, this, [this, id, channel, n] { attempt(id, channel, n); });
            }
            Q_EMIT deliveryChanged(id);
        });
}

} // namespace uis::dcplocal
