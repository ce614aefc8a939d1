// SPDX-License-Identifier: Apache-2.0
#include "smtpsender.h"

#include "alertconfig.h"
#include "alertevaluator.h"
#include "smtpsession.h"

#include <QDateTime>
#include <QUuid>

namespace uis::dcplocal {

QByteArray SmtpSender::message(const AlertChannel &channel, const AlertNotification &n)
{
    const QString subject = n.text.left(180);
    QByteArray m;
    m += "From: " + channel.from.toUtf8() + "\r\n";
    m += "To: " + channel.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    m += "Subject: =?UTF-8?B?" + subject.toUtf8().toBase64() + "?=\r\n";
    m += "Date: " +
         QDateTime::fromMSecsSinceEpoch(n.atMs, Qt::UTC).toString(Qt::RFC2822Date).toUtf8() +
         "\r\n";
    m += "Message-ID: <" + QUuid::createUuid().toString(QUuid::Id128).toUtf8() + "@dcp-local>\r\n";
    m += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n";
    QStringList body{n.text, QString(), QStringLiteral("alert: %1").arg(n.rule),
                     QStringLiteral("status: %1").arg(n.status),
                     QStringLiteral("job: %1 (%2), target %3, status %4")
                         .arg(n.job.name, n.job.id, n.job.target, n.job.status)};
    for (const QString &line : body) {
        QByteArray l = line.toUtf8();
        if (l.startsWith('.'))
            l.prepend('.'); // dot-stuffing: a line of "." would end the message
        m += l + "\r\n";
    }
    m.chop(2);
    return m;
}

void SmtpSender::send(const AlertChannel &channel, const AlertNotification &n, Done done)
{
    QByteArray password;
    if (!channel.username.isEmpty()) {
        if (channel.passwordEnv.isEmpty() ||
            !qEnvironmentVariableIsSet(qPrintable(channel.passwordEnv))) {
            done(QStringLiteral("channel %1: the password variable %2 is not set")
                     .arg(channel.name, channel.passwordEnv.isEmpty()
                                            ? QStringLiteral("(password_env)")
                                            : channel.passwordEnv));
            return;
        }
        password = qgetenv(qPrintable(channel.passwordEnv));
    }
    auto *session = new SmtpSession(channel, password, message(channel, n), std::move(done), this);
    session->start();
}

} // namespace uis::dcplocal
