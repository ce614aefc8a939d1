// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertsender.h"

namespace uis {
class TokenStore;
}

namespace uis::dcplocal {

/**
 * E-mail over SMTP: EHLO, STARTTLS (when the channel says so; the server's certificate is
 * verified, against `ca_file` too when given), EHLO again, AUTH PLAIN with the channel's user
 * and the password from the variable `password_env` names or from the OS keychain entry
 * `password_keychain` names (read at each send, asynchronously, never stored), then one message
 * to every recipient. Each message gets its own connection (SmtpSession); the whole exchange
 * has a timeout.
 */
class SmtpSender : public AlertSender
{
    Q_OBJECT
public:
    explicit SmtpSender(QObject *parent = nullptr);
    void send(const AlertChannel &channel, const AlertNotification &n, Done done) override;
    /// The message (headers and body, CRLF line ends, dot-stuffed), for the DATA command.
    static QByteArray message(const AlertChannel &channel, const AlertNotification &n);

private:
    void start(const AlertChannel &channel, const QByteArray &password, const QByteArray &data,
               Done done);

    TokenStore *m_keychain;
};

} // namespace uis::dcplocal
