// SPDX-License-Identifier: Apache-2.0
#include "smtpsender.h"

#include "alertconfig.h"
#include "alertevaluator.h"
#include "smtpsession.h"

#include "tokenstore.h"

#include <QDateTime>
#include <QUuid>

namespace uis::dcplocal {

SmtpSender::SmtpSender(QObject *parent) : AlertSender(parent), m_keychain(new TokenStore(this))
{
    m_keychain->setFallbackHint(QStringLiteral("name a variable holding the password with "
                                               "`password_env` instead"));
}

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
    const QByteArray data = message(channel, n);
    if (channel.username.isEmpty()) {
        start(channel, {}, data, std::move(done));
        return;
    }
    if (!channel.passwordKeychain.isEmpty()) {
        m_keychain->read(
            channel.passwordKeychain, this,
            [this, channel, data, done](const QString &value, const QString &error) {
                if (!error.isEmpty() || value.isEmpty()) {
                    done(QStringLiteral("channel %1: no SMTP password from the OS "
                                        "keychain entry `%2` (service %3): %4")
                             .arg(channel.name, channel.passwordKeychain, TokenStore::serviceName(),
                                  error.isEmpty() ? QStringLiteral("there is no such entry; "
                                                                   "store it there, or ") +
                                                        m_keychain->fallbackHint()
                                                  : error));
                    return;
                }
                start(channel, value.toUtf8(), data, done);
            });
        return;
    }
    if (channel.passwordEnv.isEmpty() ||
        !qEnvironmentVariableIsSet(qPrintable(channel.passwordEnv))) {
        done(QStringLiteral("channel %1: the password variable %2 is not set")
                 .arg(channel.name, channel.passwordEnv.isEmpty()
                                        ? QStringLiteral("(password_env or password_keychain)")
                                        : channel.passwordEnv));
        return;
    }
    start(channel, qgetenv(qPrintable(channel.passwordEnv)), data, std::move(done));
}

void SmtpSender::start(const AlertChannel &channel, const QByteArray &password,
                       const QByteArray &data, Done done)
{
    auto *session = new SmtpSession(channel, password, data, std::move(done), this);
    session->start();
}

} // namespace uis::dcplocal
