// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertsender.h"

#include <QJsonObject>

class QNetworkAccessManager;

namespace uis::dcplocal {

/// A webhook: one POST of `{"alert", "status", "job": {…}, "text", "at"}` (Slack reads `text`).
class WebhookSender : public AlertSender
{
    Q_OBJECT
public:
    explicit WebhookSender(QObject *parent = nullptr);
    void send(const AlertChannel &channel, const AlertNotification &n, Done done) override;
    static QJsonObject payload(const AlertNotification &n);

private:
    QNetworkAccessManager *m_network;
};

} // namespace uis::dcplocal
