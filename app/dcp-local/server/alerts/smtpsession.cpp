// SPDX-License-Identifier: Apache-2.0
#include "smtpsession.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace uis::dcplocal {

namespace {

constexpr int TimeoutMs = 20'000;

QByteArray address(const QString &a)
{
    return '<' + a.trimmed().toUtf8() + '>';
}

} // namespace

SmtpSession::SmtpSession(AlertChannel channel, QByteArray password, QByteArray message,
                         AlertSender::Done done, QObject *parent)
    : QObject(parent), m_channel(std::move(channel)), m_password(std::move(password)),
      m_message(std::move(message)), m_done(std::move(done)), m_socket(new QSslSocket(this)),
      m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        finish(QStringLiteral("no answer from %1:%2 within %3 s")
                   .arg(m_channel.smtpHost)
                   .arg(m_channel.smtpPort)
                   .arg(TimeoutMs / 1000));
    });
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpSession::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this] {
        finish(QStringLiteral("%1:%2: %3")
                   .arg(m_channel.smtpHost)
                   .arg(m_channel.smtpPort)
                   .arg(m_socket->errorString()));
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList why;
        for (const QSslError &e : errors)
            why << e.errorString();
        finish(QStringLiteral("TLS with %1: %2")
                   .arg(m_channel.smtpHost, why.join(QStringLiteral("; "))));
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_tls = true;
        command("EHLO dcp-local", Step::EhloTls);
    });
    if (!m_channel.caFile.isEmpty()) {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.addCaCertificates(m_channel.caFile);
        m_socket->setSslConfiguration(conf);
    }
}

void SmtpSession::start()
{
    m_timeout->start(TimeoutMs);
    m_socket->connectToHost(m_channel.smtpHost, m_channel.smtpPort);
}

void SmtpSession::onReadyRead()
{
    m_buffer += m_socket->readAll();
    qsizetype nl;
    while ((nl = m_buffer.indexOf("\r\n")) >= 0) {
        const QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 2);
        m_replyText += line.mid(4) + ' ';
        // `250-…` continues a reply, `250 …` ends it.
        if (line.size() >= 4 && line[3] == '-')
            continue;
        const QByteArray text = std::exchange(m_replyText, {});
        onReply(line.left(3).toInt(), text.trimmed());
        if (m_finished)
            return;
    }
}

void SmtpSession::command(const QByteArray &line, Step next)
{
    m_step = next;
    m_socket->write(line + "\r\n");
}

void SmtpSession::afterEhlo()
{
    if (m_channel.username.isEmpty()) {
        command("MAIL FROM:" + address(m_channel.from), Step::MailFrom);
        return;
    }
    if (m_channel.starttls && !m_tls)
        return finish(QStringLiteral("refusing to log in without TLS"));
    const QByteArray plain = '\0' + m_channel.username.toUtf8() + '\0' + m_password;
    command("AUTH PLAIN " + plain.toBase64(), Step::Auth);
}

void SmtpSession::onReply(int code, const QByteArray &text)
{
    const auto expect = [&](int want) {
        if (code == want)
            return true;
        finish(QStringLiteral("SMTP %1 %2").arg(code).arg(QString::fromUtf8(text)));
        return false;
    };
    switch (m_step) {
    case Step::Greeting:
        if (expect(220))
            command("EHLO dcp-local", Step::Ehlo);
        break;
    case Step::Ehlo:
        if (!expect(250))
            break;
        if (m_channel.starttls)
            command("STARTTLS", Step::StartTls);
        else
            afterEhlo();
        break;
    case Step::StartTls:
        if (expect(220))
            m_socket->startClientEncryption(); // then `encrypted` sends EHLO again
        break;
    case Step::EhloTls:
        if (expect(250))
            afterEhlo();
        break;
    case Step::Auth:
        if (expect(235))
            command("MAIL FROM:" + address(m_channel.from), Step::MailFrom);
        break;
    case Step::MailFrom:
        if (expect(250)) {
            m_rcpt = 0;
            command("RCPT TO:" + address(m_channel.to.value(0)), Step::RcptTo);
        }
        break;
    case Step::RcptTo:
        if (code != 250 && code != 251) {
            expect(250);
            break;
        }
        if (++m_rcpt < m_channel.to.size())
            command("RCPT TO:" + address(m_channel.to.value(m_rcpt)), Step::RcptTo);
        else
            command("DATA", Step::Data);
        break;
    case Step::Data:
        if (expect(354))
            command(m_message + "\r\n.", Step::Body);
        break;
    case Step::Body:
        if (expect(250)) {
            command("QUIT", Step::Quit);
            finish(QString()); // delivered; the QUIT answer does not matter
        }
        break;
    case Step::Quit:
        break;
    }
}

void SmtpSession::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout->stop();
    if (!error.isEmpty())
        m_socket->abort();
    else
        m_socket->disconnectFromHost();
    const AlertSender::Done done = std::move(m_done);
    deleteLater();
    done(error);
}

} // namespace uis::dcplocal
