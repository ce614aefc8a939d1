// SPDX-License-Identifier: Apache-2.0
#include "alertconfig.h"

#include "formatrules.h"
#include "specreader.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace uis::dcplocal {

namespace {

struct Kw
{
    const char *name;
    AlertRule::When when;
};

constexpr Kw Whens[] = {{"job_failed", AlertRule::When::JobFailed},
                        {"restarts", AlertRule::When::Restarts},
                        {"kafka_lag", AlertRule::When::KafkaLag},
                        {"no_rows", AlertRule::When::NoRows},
                        {"schedule_late", AlertRule::When::ScheduleLate},
                        {"checkpoint_failures", AlertRule::When::CheckpointFailures}};

/// The parse of one file: every problem names its line and column.
class Parser
{
public:
    explicit Parser(QString fileName) : m_file(std::move(fileName)) {}

    bool fail(const SourcePos &pos, const QString &message)
    {
        m_error = QStringLiteral("%1:%2:%3: %4")
                      .arg(m_file)
                      .arg(qMax(1, pos.line))
                      .arg(qMax(1, pos.column))
                      .arg(message);
        return false;
    }
    QString error() const { return m_error; }

    bool string(const SourceNode &n, QString *out)
    {
        if (!n.isScalar())
            return fail(n.pos(),
                        QStringLiteral("`%1` must be text, not %2").arg(n.key(), n.typeName()));
        *out = n.text();
        return true;
    }
    bool strings(const SourceNode &n, QStringList *out)
    {
        if (n.isScalar()) {
            *out = {n.text()};
            return true;
        }
        if (!n.isList())
            return fail(n.pos(), QStringLiteral("`%1` must be a list").arg(n.key()));
        for (const SourceNode &c : n.children()) {
            if (!c.isScalar())
                return fail(c.pos(), QStringLiteral("`%1` holds text only").arg(n.key()));
            *out << c.text();
        }
        return true;
    }
    bool duration(const SourceNode &n, qint64 *out)
    {
        const std::optional<double> ms =
            n.isScalar() ? FormatRules::durationMs(n.text()) : std::nullopt;
        if (!ms)
            return fail(
                n.pos(),
                QStringLiteral("`%1` must be a duration such as `10 minutes`").arg(n.key()));
        *out = qint64(*ms);
        return true;
    }

    bool channel(const SourceNode &n, AlertChannel *c)
    {
        if (!n.isMap())
            return fail(n.pos(), QStringLiteral("a channel is a map {name, kind, …}"));
        QString kind;
        for (const SourceNode &f : n.children()) {
            const QString k = f.key();
            bool ok = true;
            if (k == QLatin1String("name"))
                ok = string(f, &c->name);
            else if (k == QLatin1String("kind"))
                ok = string(f, &kind);
            else if (k == QLatin1String("url"))
                ok = string(f, &c->url);
            else if (k == QLatin1String("smtp")) {
                QString hp;
                ok = string(f, &hp);
                static const QRegularExpression re(QStringLiteral(R"(^([^:\s]+):(\d{1,5})$)"));
                const QRegularExpressionMatch m = re.match(hp);
                if (ok && !m.hasMatch())
                    return fail(f.pos(),
                                QStringLiteral("`smtp` is HOST:PORT, e.g. smtp.example.com:587"));
                if (ok) {
                    c->smtpHost = m.captured(1);
                    c->smtpPort = quint16(m.captured(2).toUInt());
                }
            } else if (k == QLatin1String("starttls")) {
                const std::optional<bool> b = f.toBool();
                if (!b)
                    return fail(f.pos(), QStringLiteral("`starttls` is true or false"));
                c->starttls = *b;
            } else if (k == QLatin1String("ca_file"))
                ok = string(f, &c->caFile);
            else if (k == QLatin1String("from"))
                ok = string(f, &c->from);
            else if (k == QLatin1String("to"))
                ok = strings(f, &c->to);
            else if (k == QLatin1String("username"))
                ok = string(f, &c->username);
            else if (k == QLatin1String("password_env"))
                ok = string(f, &c->passwordEnv);
            else if (k == QLatin1String("password_keychain"))
                ok = string(f, &c->passwordKeychain);
            else if (k == QLatin1String("password"))
                return fail(f.keyPos(),
                            QStringLiteral("a password never goes into the alerts file: "
                                           "name the variable that holds it with "
                                           "`password_env`, or its OS keychain entry with "
                                           "`password_keychain`"));
            else
                return fail(f.keyPos(), QStringLiteral("unknown channel key `%1`").arg(k));
            if (!ok)
                return false;
        }
        if (c->name.isEmpty())
            return fail(n.pos(), QStringLiteral("a channel needs a `name`"));
        if (kind == QLatin1String("webhook")) {
            c->kind = AlertChannel::Kind::Webhook;
            if (!c->url.startsWith(QLatin1String("http://")) &&
                !c->url.startsWith(QLatin1String("https://")))
                return fail(n.pos(),
                            QStringLiteral("webhook `%1` needs an http(s) `url`").arg(c->name));
        } else if (kind == QLatin1String("email")) {
            c->kind = AlertChannel::Kind::Email;
            if (c->smtpHost.isEmpty() || c->from.isEmpty() || c->to.isEmpty())
                return fail(n.pos(),
                            QStringLiteral("email channel `%1` needs `smtp`, `from` and `to`")
                                .arg(c->name));
            if (!c->passwordEnv.isEmpty() && !c->passwordKeychain.isEmpty())
                return fail(n.pos(), QStringLiteral("email channel `%1`: name the password's "
                                                    "`password_env` or its "
                                                    "`password_keychain`, not both")
                                         .arg(c->name));
        } else if (kind == QLatin1String("desktop")) {
            c->kind = AlertChannel::Kind::Desktop;
        } else {
            return fail(
                n.pos(),
                QStringLiteral("channel `%1`: `kind` is webhook, email or desktop").arg(c->name));
        }
        return true;
    }

    bool rule(const SourceNode &n, AlertRule *r, const QSet<QString> &channels)
    {
        if (!n.isMap())
            return fail(n.pos(), QStringLiteral("a rule is a map {name, when, …, channels}"));
        QString when;
        bool hasFor = false, hasWithin = false, hasThreshold = false;
        for (const SourceNode &f : n.children()) {
            const QString k = f.key();
            bool ok = true;
            if (k == QLatin1String("name"))
                ok = string(f, &r->name);
            else if (k == QLatin1String("when"))
                ok = string(f, &when);
            else if (k == QLatin1String("threshold")) {
                const std::optional<double> v = f.toDouble();
                if (!v || *v < 0)
                    return fail(f.pos(), QStringLiteral("`threshold` is a number, at least 0"));
                r->threshold = *v;
                hasThreshold = true;
            } else if (k == QLatin1String("within")) {
                ok = duration(f, &r->withinMs);
                hasWithin = true;
            } else if (k == QLatin1String("for")) {
                ok = duration(f, &r->forMs);
                hasFor = true;
            } else if (k == QLatin1String("resolve_after"))
                ok = duration(f, &r->resolveAfterMs);
            else if (k == QLatin1String("channels"))
                ok = strings(f, &r->channels);
            else if (k == QLatin1String("jobs"))
                ok = strings(f, &r->jobs);
            else if (k == QLatin1String("teams"))
                ok = strings(f, &r->teams);
            else
                return fail(f.keyPos(), QStringLiteral("unknown rule key `%1`").arg(k));
            if (!ok)
                return false;
        }
        if (r->name.isEmpty())
            return fail(n.pos(), QStringLiteral("a rule needs a `name`"));
        bool known = false;
        for (const Kw &w : Whens) {
            if (when == QLatin1String(w.name)) {
                r->when = w.when;
                known = true;
            }
        }
        if (!known)
            return fail(n.pos(), QStringLiteral("rule `%1`: `when` is one of job_failed, restarts, "
                                                "kafka_lag, no_rows, schedule_late, "
                                                "checkpoint_failures")
                                     .arg(r->name));
        using W = AlertRule::When;
        if ((r->when == W::Restarts || r->when == W::KafkaLag ||
             r->when == W::CheckpointFailures) &&
            !hasThreshold)
            return fail(n.pos(), QStringLiteral("rule `%1` needs a `threshold`").arg(r->name));
        if (r->when == W::Restarts && !hasWithin)
            return fail(n.pos(), QStringLiteral("rule `%1` needs `within`").arg(r->name));
        if ((r->when == W::NoRows || r->when == W::ScheduleLate) && !hasFor)
            return fail(n.pos(), QStringLiteral("rule `%1` needs `for`").arg(r->name));
        if (r->channels.isEmpty())
            return fail(n.pos(), QStringLiteral("rule `%1` names no `channels`").arg(r->name));
        for (const QString &c : std::as_const(r->channels))
            if (!channels.contains(c))
                return fail(n.pos(), QStringLiteral("rule `%1`: no channel `%2`").arg(r->name, c));
        return true;
    }

private:
    QString m_file;
    QString m_error;
};

} // namespace

QString AlertRule::whenName(When w)
{
    for (const Kw &k : Whens)
        if (k.when == w)
            return QString::fromLatin1(k.name);
    return QString();
}

bool AlertRule::covers(const QString &jobName, const QString &team) const
{
    if (!teams.isEmpty() && !teams.contains(team))
        return false;
    if (jobs.isEmpty())
        return true;
    for (const QString &glob : jobs) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
            glob, QRegularExpression::UnanchoredWildcardConversion));
        if (QRegularExpression(QRegularExpression::anchoredPattern(re.pattern()))
                .match(jobName)
                .hasMatch())
            return true;
    }
    return false;
}

const AlertChannel *AlertConfig::channel(const QString &name) const
{
    for (const AlertChannel &c : channels)
        if (c.name == name)
            return &c;
    return nullptr;
}

const AlertRule *AlertConfig::rule(const QString &name) const
{
    for (const AlertRule &r : rules)
        if (r.name == name)
            return &r;
    return nullptr;
}

bool AlertConfig::parse(const QByteArray &data, const QString &fileName, AlertConfig *out,
                        QString *error)
{
    Parser p(fileName);
    const ReadResult read = SpecReader::readSettingsFile(data, fileName);
    const auto failed = [&] {
        *error = p.error();
        return false;
    };
    for (const Diagnostic &d : read.diagnostics)
        if (d.severity == Severity::Error)
            return p.fail({d.line, d.column}, d.message), failed();
    if (!read.root || !read.root->isMap())
        return p.fail(read.root ? read.root->pos() : SourcePos{},
                      QStringLiteral("an alerts file is a map with `channels:` and `rules:`")),
               failed();
    AlertConfig config;
    QSet<QString> names;
    const SourceNode &root = *read.root;
    for (const SourceNode &c : root.children())
        if (c.key() != QLatin1String("channels") && c.key() != QLatin1String("rules"))
            return p.fail(c.keyPos(), QStringLiteral("unknown key `%1` (the file has `channels` "
                                                     "and `rules`)")
                                          .arg(c.key())),
                   failed();
    if (const SourceNode *list = root.find(u"channels")) {
        if (!list->isList())
            return p.fail(list->pos(), QStringLiteral("`channels` must be a list")), failed();
        for (const SourceNode &item : list->children()) {
            AlertChannel ch;
            if (!p.channel(item, &ch))
                return failed();
            if (names.contains(ch.name))
                return p.fail(item.pos(), QStringLiteral("two channels named `%1`").arg(ch.name)),
                       failed();
            names.insert(ch.name);
            config.channels.append(ch);
        }
    }
    const SourceNode *rules = root.find(u"rules");
    if (!rules || !rules->isList())
        return p.fail(root.pos(), QStringLiteral("the file needs a `rules:` list")), failed();
    QSet<QString> ruleNames;
    for (const SourceNode &item : rules->children()) {
        AlertRule r;
        if (!p.rule(item, &r, names))
            return failed();
        if (ruleNames.contains(r.name))
            return p.fail(item.pos(), QStringLiteral("two rules named `%1`").arg(r.name)), failed();
        ruleNames.insert(r.name);
        config.rules.append(r);
    }
    *out = config;
    return true;
}

QString AlertConfig::readFile(const QString &path, AlertConfig *out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the alerts file %1: %2").arg(path, f.errorString());
    QString error;
    if (!parse(f.readAll(), path, out, &error))
        return error;
    return QString();
}

} // namespace uis::dcplocal
