// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertconfig.h"
#include "alertsender.h"

#include <QByteArrayList>
#include <QObject>

class QSslSocket;
class QTimer;

namespace uis::dcplocal {

/// One SMTP conversation (see SmtpSender): a small state machine on an asynchronous socket.
class SmtpSession : public QObject
{
    Q_OBJECT
public:
    SmtpSession(AlertChannel channel, QByteArray password, QByteArray message,
                AlertSender::Done done, QObject *parent = nullptr);
    void start();

private:
    enum class Step { Greeting, Ehlo, StartTls, EhloTls, Auth, MailFrom, RcptTo, Data, Body, Quit };

    void onReadyRead();
    void onReply(int code, const QByteArray &text);
    void command(const QByteArray &line, Step next);
    void afterEhlo();
    void finish(const QString &error);

    AlertChannel m_channel;
    QByteArray m_password;
    QByteArray m_message;
    AlertSender::Done m_done;
    QSslSocket *m_socket;
    QTimer *m_timeout;
    QByteArray m_buffer;
    QByteArray m_replyText;
    Step m_step = Step::Greeting;
    int m_rcpt = 0;
    bool m_tls = false;
    bool m_finished = false;
};

} // namespace uis::dcplocal
