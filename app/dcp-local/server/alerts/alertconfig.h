// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace uis::dcplocal {

/// Where an alert goes (DCP-API.md, Alerts): a webhook, e-mail over SMTP, or the designer.
struct AlertChannel
{
    enum class Kind { Webhook, Email, Desktop };
    QString name;
    Kind kind = Kind::Webhook;
    QString url;      ///< webhook
    QString smtpHost; ///< email
    quint16 smtpPort = 587;
    bool starttls = true;
    QString caFile; ///< email: a CA to trust besides the system's (a private relay)
    QString from;
    QStringList to;
    QString username;
    QString passwordEnv;      ///< the variable holding the password (never the file)
    QString passwordKeychain; ///< or the OS keychain entry holding it (service `uis-studio`)
};

/// One rule of the alerts file.
struct AlertRule
{
    enum class When { JobFailed, Restarts, KafkaLag, NoRows, ScheduleLate, CheckpointFailures };
    QString name;
    When when = When::JobFailed;
    double threshold = 0;
    qint64 withinMs = 0;            ///< restarts: the window
    qint64 forMs = 0;               ///< kafka_lag, no_rows, schedule_late: how long it must hold
    qint64 resolveAfterMs = 60'000; ///< how long it must stay fine before it resolves (flapping)
    QStringList channels;
    QStringList jobs; ///< name globs (empty: every job)
    QStringList teams;

    static QString whenName(When w);
    /// Whether the rule applies to a job of this name and team.
    bool covers(const QString &jobName, const QString &team) const;
};

/// The alerts file of `dcp-local --alerts FILE` (YAML or JSON).
struct AlertConfig
{
    QList<AlertChannel> channels;
    QList<AlertRule> rules;

    const AlertChannel *channel(const QString &name) const;
    const AlertRule *rule(const QString &name) const;
    /// Parses the file's text; false with `*error` = `FILE:LINE:COLUMN: message`.
    static bool parse(const QByteArray &data, const QString &fileName, AlertConfig *out,
                      QString *error);
    static QString readFile(const QString &path, AlertConfig *out);
};

} // namespace uis::dcplocal
