// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertsender.h"

namespace uis::dcplocal {

/**
 * E-mail over SMTP: EHLO, STARTTLS (when the channel says so; the server's certificate is
 * verified, against `ca_file` too when given), EHLO again, AUTH PLAIN with the channel's user
 * and the password from the variable `password_env` names (read at send time, never stored),
 * then one message to every recipient. Each message gets its own connection (SmtpSession);
 * the whole exchange has a timeout.
 */
class SmtpSender : public AlertSender
{
    Q_OBJECT
public:
    using AlertSender::AlertSender;
    void send(const AlertChannel &channel, const AlertNotification &n, Done done) override;
    /// The message (headers and body, CRLF line ends, dot-stuffed), for the DATA command.
    static QByteArray message(const AlertChannel &channel, const AlertNotification &n);
};

} // namespace uis::dcplocal
