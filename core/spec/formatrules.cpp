// SPDX-License-Identifier: Apache-2.0
#include "formatrules.h"

#include "cronexpression.h"

#include "messagetext.h"
#include "placeholder.h"

#include <QRegularExpression>
#include <QUrl>

namespace uis {

namespace {

using K = FieldDef::Kind;
using F = FieldDef::Format;
using M = MessageText;

bool matches(const QRegularExpression &re, const QString &text)
{
    return re.match(text).hasMatch();
}

FormatProblem problem(const char *code, const QString &message)
{
    return FormatProblem{QString::fromLatin1(code), message};
}

} // namespace

QString FormatRules::pattern(FieldDef::Format format)
{
    switch (format) {
    case F::KebabName:
        return QStringLiteral("^[a-z][a-z0-9-]{1,62}$");
    case F::Identifier:
        return QStringLiteral("^[a-z][a-z0-9_]*$");
    case F::Duration:
        return QStringLiteral("^\\s*[0-9]+(\\.[0-9]+)?\\s*(ms|s|min|h|d|milliseconds?|millis|"
                              "seconds?|sec|minutes?|mins?|hours?|days?)\\s*$");
    case F::Interval:
        return QStringLiteral("^\\s*[0-9]+\\s+(seconds?|minutes?|hours?)\\s*$");
    case F::TableName:
        return QStringLiteral("^[^.\\s]+\\.[^.\\s]+$");
    default:
        return QString();
    }
}

QString FormatRules::decimalTypePattern()
{
    return QStringLiteral("^decimal\\(\\s*[0-9]+\\s*,\\s*[0-9]+\\s*\\)$");
}

bool FormatRules::isKebabName(const QString &s)
{
    static const QRegularExpression re(pattern(F::KebabName));
    return matches(re, s);
}

bool FormatRules::isIdentifier(const QString &s)
{
    static const QRegularExpression re(pattern(F::Identifier));
    return matches(re, s);
}

bool FormatRules::isDuration(const QString &s)
{
    static const QRegularExpression re(pattern(F::Duration));
    return matches(re, s);
}

bool FormatRules::isInterval(const QString &s)
{
    static const QRegularExpression re(pattern(F::Interval));
    return matches(re, s);
}

bool FormatRules::isMemory(const QString &s)
{
    // Case-insensitive, which a JSON Schema pattern cannot say.
    static const QRegularExpression re(QStringLiteral("^[0-9]+[kmgt]b?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return matches(re, s);
}

bool FormatRules::isEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return matches(re, s);
}

bool FormatRules::isSchemaType(const QString &s)
{
    static const QRegularExpression decimal(decimalTypePattern());
    return SpecSchema::schemaTypes().contains(s) || matches(decimal, s);
}

bool FormatRules::isTableName(const QString &s)
{
    static const QRegularExpression re(pattern(F::TableName));
    return matches(re, s);
}

std::optional<double> FormatRules::durationMs(const QString &d)
{
    if (!isDuration(d))
        return std::nullopt;
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9.]+)\\s*([a-z]+)\\s*$"));
    const auto m = re.match(d);
    const double v = m.captured(1).toDouble();
    const QString u = m.captured(2);
    if (u.startsWith(QLatin1String("ms")) || u.startsWith(QLatin1String("milli")))
        return v;
    if (u.startsWith(QLatin1Char('s')))
        return v * 1000;
    if (u.startsWith(QLatin1Char('m')))
        return v * 60000;
    if (u.startsWith(QLatin1Char('h')))
        return v * 3600000;
    return v * 86400000; // d, day, days
}

QString FormatRules::cronProblem(const QString &cron)
{
    QString problem;
    CronExpression::parse(cron, &problem);
    return problem;
}

QString FormatRules::jsonPathProblem(const QString &p)
{
    if (!p.startsWith(QLatin1Char('$')))
        return QStringLiteral("JSONPath must start with `$`, e.g. `$.results`");
    qsizetype i = 1;
    auto ident = [&](qsizetype &j) {
        const qsizetype start = j;
        while (j < p.size() &&
               (p[j].isLetterOrNumber() || p[j] == u'_' || p[j] == u'-' || p[j] == u'$'))
            ++j;
        return j > start;
    };
    while (i < p.size()) {
        if (p[i] == u'.') {
            ++i;
            if (i < p.size() && p[i] == u'.')
                ++i;
            if (i < p.size() && p[i] == u'*') {
                ++i;
                continue;
            }
            if (!ident(i))
                return QStringLiteral("JSONPath `%1` has an empty or invalid name at character %2")
                    .arg(p)
                    .arg(i + 1);
        } else if (p[i] == u'[') {
            const qsizetype close = p.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return QStringLiteral("JSONPath `%1` has an unclosed `[`").arg(p);
            const QString inner = p.mid(i + 1, close - i - 1).trimmed();
            static const QRegularExpression ok(QStringLiteral(
                "^(\\*|-?[0-9]+|-?[0-9]*:-?[0-9]*|'[^']*'|\"[^\"]*\"|\\?\\(.*\\))$"));
            if (!matches(ok, inner))
                return QStringLiteral("JSONPath `%1` has an invalid selector `[%2]`").arg(p, inner);
            i = close + 1;
        } else {
            return QStringLiteral("JSONPath `%1` has an unexpected `%2` at character %3")
                .arg(p, p[i])
                .arg(i + 1);
        }
    }
    return QString();
}

QStringList FormatRules::urlSchemesFor(const QString &providerType)
{
    if (providerType == QLatin1String("rest_api") || providerType == QLatin1String("webhook"))
        return {QStringLiteral("http"), QStringLiteral("https")};
    if (providerType == QLatin1String("websocket"))
        return {QStringLiteral("ws"), QStringLiteral("wss")};
    if (providerType == QLatin1String("file_ftp"))
        return {QStringLiteral("file"), QStringLiteral("s3"), QStringLiteral("s3a"),
                QStringLiteral("sftp"), QStringLiteral("ftp")};
    return {};
}

FormatProblem FormatRules::urlProblem(const QString &text, const QStringList &schemes,
                                      const QString &owner)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() ||
        (url.host().isEmpty() && url.scheme() != QLatin1String("file")))
        return problem("UIS-E-URL",
                       QStringLiteral("`%1` is not an absolute URL (scheme://host/…)").arg(text));
    if (!schemes.isEmpty() && !schemes.contains(url.scheme().toLower()))
        return problem("UIS-E-URL-SCHEME", QStringLiteral("scheme `%1` does not fit %2; use %3")
                                               .arg(url.scheme(), owner, M::listOf(schemes)));
    return {};
}

FormatProblem FormatRules::formatProblem(FieldDef::Format format, const QString &v,
                                         const QString &providerType)
{
    switch (format) {
    case F::None:
        break;
    case F::KebabName:
        if (!isKebabName(v))
            return problem("UIS-E-NAME-FORMAT",
                           QStringLiteral("name `%1` must be kebab-case: a lowercase letter, then "
                                          "2-63 lowercase letters, digits or `-` (e.g. `%2`)")
                               .arg(v, suggestKebab(v)));
        break;
    case F::Identifier:
        if (!isIdentifier(v))
            return problem("UIS-E-NAME-FORMAT",
                           QStringLiteral("`%1` must be snake_case: a lowercase letter, then "
                                          "lowercase letters, digits or `_` (e.g. `%2`)")
                               .arg(v, suggestSnake(v)));
        break;
    case F::Url:
        if (!PlaceholderScanner::contains(v))
            return urlProblem(v, urlSchemesFor(providerType),
                              QStringLiteral("provider_type `%1`").arg(providerType));
        break;
    case F::Duration:
        if (!isDuration(v))
            return problem(
                "UIS-E-DURATION",
                QStringLiteral("`%1` is not a duration; write `<number> <unit>` with ms, "
                               "s, min, h or d, e.g. `30 s` or `5 minutes`")
                    .arg(v));
        break;
    case F::Interval:
        if (!isInterval(v))
            return problem("UIS-E-DURATION",
                           QStringLiteral("trigger interval `%1` must be `<n> seconds`, "
                                          "`<n> minutes` or `<n> hours`, e.g. `5 minutes`")
                               .arg(v));
        break;
    case F::Cron:
        if (const QString p = cronProblem(v); !p.isEmpty())
            return problem("UIS-E-CRON", p);
        break;
    case F::Memory:
        if (!isMemory(v))
            return problem("UIS-E-MEMORY",
                           QStringLiteral("`%1` is not a memory size; write a number and k, m, g "
                                          "or t, e.g. `512m` or `8g`")
                               .arg(v));
        break;
    case F::Email:
        if (!PlaceholderScanner::contains(v) && !isEmail(v))
            return problem("UIS-E-EMAIL",
                           QStringLiteral("owner `%1` is not an e-mail address").arg(v));
        break;
    case F::JsonPath:
        if (const QString p = jsonPathProblem(v); !p.isEmpty())
            return problem("UIS-E-JSONPATH", p);
        break;
    case F::AbsPath:
        if (!v.startsWith(QLatin1Char('/')) && !PlaceholderScanner::contains(v))
            return problem("UIS-E-PATH",
                           QStringLiteral("path `%1` must start with `/` (it is appended to "
                                          "base_url)")
                               .arg(v));
        break;
    case F::TableName:
        if (!isTableName(v))
            return problem("UIS-E-TABLE-NAME",
                           QStringLiteral("table `%1` must be `namespace.table`, e.g. "
                                          "`market_data.ticks`")
                               .arg(v));
        break;
    case F::SchemaType:
        if (!isSchemaType(v)) {
            QString hint =
                M::didYouMean(v, SpecSchema::schemaTypes() << QStringLiteral("decimal(p,s)"));
            if (hint.isEmpty())
                hint = QStringLiteral("; use string, int, long, double, decimal(p,s), boolean, "
                                      "date, timestamp or json");
            return problem("UIS-E-ENUM",
                           QStringLiteral("`%1` is not a schema type%2").arg(v, hint));
        }
        break;
    }
    return {};
}

FormatProblem FormatRules::rangeProblem(const FieldDef &f, const SourceNode &n)
{
    const std::optional<double> v = n.toDouble();
    if (!v)
        return {};
    const bool below = f.minimum && (f.exclusiveMinimum ? *v <= *f.minimum : *v < *f.minimum);
    const bool above = f.maximum && *v > *f.maximum;
    if (!below && !above)
        return {};
    QString range;
    if (f.minimum && f.maximum)
        range = QStringLiteral("between %1 and %2").arg(*f.minimum).arg(*f.maximum);
    else if (f.minimum)
        range = f.exclusiveMinimum ? QStringLiteral("greater than %1").arg(*f.minimum)
                                   : QStringLiteral("at least %1").arg(*f.minimum);
    else
        range = QStringLiteral("at most %1").arg(*f.maximum);
    return problem("UIS-E-RANGE",
                   QStringLiteral("`%1` is %2; it must be %3").arg(f.name, n.text(), range));
}

FormatProblem FormatRules::enumProblem(const FieldDef &f, const QString &text)
{
    if (f.enumValues.contains(text))
        return {};
    // `version` is the one enum whose message names what this designer reads.
    if (f.name == QLatin1String("version"))
        return problem("UIS-E-VERSION",
                       QStringLiteral("unsupported version `%1`; this designer reads versions %2")
                           .arg(text, M::listOf(f.enumValues)));
    return choiceProblem(f.name, text, f.enumValues);
}

FormatProblem FormatRules::choiceProblem(const QString &name, const QString &text,
                                         const QStringList &allowed)
{
    if (allowed.contains(text))
        return {};
    return problem("UIS-E-ENUM", QStringLiteral("`%1` is not a valid %2%3")
                                     .arg(text, name, M::suggestionOrChoices(text, allowed)));
}

FormatProblem FormatRules::typeProblem(const QString &name, const SourceNode &n,
                                       const QString &expected, const QString &hint)
{
    QString msg =
        QStringLiteral("`%1` must be %2, not %3").arg(name, expected, M::article(n.typeName()));
    if (!hint.isEmpty())
        msg += QStringLiteral("; ") + hint;
    return problem("UIS-E-TYPE", msg);
}

FormatProblem FormatRules::scalarProblem(const FieldDef &f, const SourceNode &n,
                                         const QString &providerType)
{
    // Built only for a finding: every scalar of the spec passes through here.
    const auto quoteHint = [&] {
        return n.isScalar() ? QStringLiteral("put it in quotes: \"%1\"").arg(n.text()) : QString();
    };
    switch (f.kind) {
    case K::String:
        if (!n.isString())
            return typeProblem(f.name, n, QStringLiteral("a string"), quoteHint());
        return formatProblem(f.format, n.text(), providerType);
    case K::Integer:
        if (!n.isScalar() || n.scalarType() != SourceNode::ScalarType::Int)
            return typeProblem(f.name, n, QStringLiteral("a whole number"));
        return rangeProblem(f, n);
    case K::Number:
        if (!n.toDouble())
            return typeProblem(f.name, n, QStringLiteral("a number"));
        return rangeProblem(f, n);
    case K::Boolean:
        if (!n.toBool())
            return typeProblem(f.name, n, QStringLiteral("true or false"));
        return {};
    case K::Enum:
        if (!n.isString())
            return typeProblem(f.name, n, QStringLiteral("a string"), quoteHint());
        return enumProblem(f, n.text());
    default:
        return {};
    }
}

FormatProblem FormatRules::configValueProblem(const QString &k, const QString &v)
{
    if (k.endsWith(QLatin1String("_memory"))) {
        if (!isMemory(v))
            return problem("UIS-E-MEMORY",
                           QStringLiteral("`%1` = `%2` is not a memory size; write a number and "
                                          "k, m, g or t, e.g. `512m` or `8g`")
                               .arg(k, v));
    } else if (k == QLatin1String("executor_cores") || k == QLatin1String("executor_instances") ||
               k == QLatin1String("driver_cores") || k == QLatin1String("task_slots")) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 1)
            return problem(
                "UIS-E-RANGE",
                QStringLiteral("`%1` = `%2` must be a whole number of at least 1").arg(k, v));
    } else if (k == QLatin1String("checkpoint_interval")) {
        if (!isDuration(v))
            return problem("UIS-E-DURATION",
                           QStringLiteral("`checkpoint_interval` = `%1` is not a duration; e.g. "
                                          "`60 s`")
                               .arg(v));
    } else if (k == QLatin1String("state_backend")) {
        return choiceProblem(k, v, {QStringLiteral("rocksdb"), QStringLiteral("hashmap")});
    } else if (k == QLatin1String("s3_endpoint")) {
        if (!PlaceholderScanner::contains(v))
            return urlProblem(v, {QStringLiteral("http"), QStringLiteral("https")},
                              QStringLiteral("this setting"));
    } else if (k == QLatin1String("spark_version")) {
        static const QRegularExpression re(QStringLiteral("^(3\\.5|4\\.[0-9]+)(\\.[0-9]+)?$"));
        if (!matches(re, v))
            return problem(
                "UIS-E-ENUM",
                QStringLiteral("spark_version `%1` is not supported; use 3.5 or 4.x").arg(v));
    } else if (k == QLatin1String("flink_version")) {
        static const QRegularExpression re(
            QStringLiteral("^(1\\.(1[89]|20)|2\\.[0-9]+)(\\.[0-9]+)?$"));
        if (!matches(re, v))
            return problem(
                "UIS-E-ENUM",
                QStringLiteral("flink_version `%1` is not supported; use 1.20 or 2.x").arg(v));
    }
    return {};
}

QString FormatRules::suggestKebab(const QString &v)
{
    QString s = v.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    s.remove(QRegularExpression(QStringLiteral("^[^a-z]+|-+$")));
    return s.isEmpty() ? QStringLiteral("my-pipeline") : s.left(63);
}

QString FormatRules::suggestSnake(const QString &v)
{
    QString s = v;
    s.replace(QRegularExpression(QStringLiteral("([a-z0-9])([A-Z])")), QStringLiteral("\\1_\\2"));
    s = s.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    s.remove(QRegularExpression(QStringLiteral("^[^a-z]+|_+$")));
    return s.isEmpty() ? QStringLiteral("my_name") : s;
}

QString FormatRules::joinUrl(const QString &base, const QString &path)
{
    if (path.contains(QLatin1String("://")) || base.isEmpty())
        return path;
    if (path.isEmpty())
        return base;
    QString b = base;
    while (b.endsWith(QLatin1Char('/')))
        b.chop(1);
    return path.startsWith(QLatin1Char('/')) ? b + path : b + QLatin1Char('/') + path;
}

} // namespace uis
