// SPDX-License-Identifier: Apache-2.0
#include "validator.h"

#include "placeholder.h"
#include "specschema.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace uis {

namespace {

using K = FieldDef::Kind;
using F = FieldDef::Format;

QString quoted(const QString &s)
{
    return QLatin1Char('`') + s + QLatin1Char('`');
}

QString listOf(const QStringList &values)
{
    QStringList q;
    for (const QString &v : values)
        q.append(quoted(v));
    return q.join(QStringLiteral(", "));
}

QString didYouMean(const QString &word, const QStringList &candidates)
{
    const QString best = closestMatch(word, candidates);
    return best.isEmpty() ? QString() : QStringLiteral("; did you mean %1?").arg(quoted(best));
}

bool isIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return re.match(s).hasMatch();
}

bool isKebabName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9-]{1,62}$"));
    return re.match(s).hasMatch();
}

/// `<number> <unit>` as Flink writes durations.
bool isDuration(const QString &s)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\s*[0-9]+(\\.[0-9]+)?\\s*(ms|s|min|h|d|milliseconds?|millis|seconds?|sec|minutes?|"
        "mins?|hours?|days?)\\s*$"));
    return re.match(s).hasMatch();
}

bool isInterval(const QString &s)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*[0-9]+\\s+(seconds?|minutes?|hours?)\\s*$"));
    return re.match(s).hasMatch();
}

bool isMemory(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+[kmgt]b?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(s).hasMatch();
}

bool isEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(s).hasMatch();
}

bool isSchemaType(const QString &s)
{
    static const QRegularExpression decimal(
        QStringLiteral("^decimal\\(\\s*[0-9]+\\s*,\\s*[0-9]+\\s*\\)$"));
    return SpecSchema::schemaTypes().contains(s) || decimal.match(s).hasMatch();
}

/// One cron field: `*`, `*/n`, `a`, `a-b`, `a-b/n`, comma lists; names for months and days.
bool cronFieldOk(const QString &field, int lo, int hi, const QStringList &names)
{
    if (field.isEmpty())
        return false;
    auto value = [&](const QString &t, int *out) {
        bool ok = false;
        const int v = t.toInt(&ok);
        if (ok) {
            *out = v;
            return v >= lo && v <= hi;
        }
        const int idx = names.indexOf(t.toUpper());
        if (idx >= 0) {
            *out = idx + lo;
            return true;
        }
        return false;
    };
    const QStringList parts = field.split(QLatin1Char(','));
    for (const QString &part : parts) {
        QString range = part;
        const qsizetype slash = part.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            bool ok = false;
            const int step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return false;
            range = part.left(slash);
        }
        if (range == QLatin1String("*"))
            continue;
        const qsizetype dash = range.indexOf(QLatin1Char('-'));
        int a = 0, b = 0;
        if (dash > 0) {
            if (!value(range.left(dash), &a) || !value(range.mid(dash + 1), &b) || a > b)
                return false;
        } else if (!value(range, &a)) {
            return false;
        }
    }
    return true;
}

/// An error message for a bad 5-field cron, or "" when it is fine.
QString cronProblem(const QString &cron)
{
    const QStringList f = cron.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (f.size() != 5)
        return QStringLiteral("cron needs 5 fields (minute hour day-of-month month day-of-week), "
                              "got %1")
            .arg(f.size());
    static const QStringList months{QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"),
                                    QStringLiteral("APR"), QStringLiteral("MAY"), QStringLiteral("JUN"),
                                    QStringLiteral("JUL"), QStringLiteral("AUG"), QStringLiteral("SEP"),
                                    QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC")};
    static const QStringList days{QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"),
                                  QStringLiteral("WED"), QStringLiteral("THU"), QStringLiteral("FRI"),
                                  QStringLiteral("SAT")};
    const struct
    {
        const char *name;
        int lo, hi;
        const QStringList *names;
    } spec[5] = {{"minute", 0, 59, nullptr},
                 {"hour", 0, 23, nullptr},
                 {"day-of-month", 1, 31, nullptr},
                 {"month", 1, 12, &months},
                 {"day-of-week", 0, 7, &days}};
    for (int i = 0; i < 5; ++i) {
        if (!cronFieldOk(f[i], spec[i].lo, spec[i].hi, spec[i].names ? *spec[i].names : QStringList()))
            return QStringLiteral("cron field %1 (%2) `%3` is not valid; it takes %4-%5, `*`, "
                                  "ranges, lists and steps")
                .arg(i + 1)
                .arg(QString::fromLatin1(spec[i].name), f[i])
                .arg(spec[i].lo)
                .arg(spec[i].hi);
    }
    return QString();
}

/// Problem with a JSONPath (`$`, `.name`, `..name`, `['name']`, `[n]`, `[*]`, `.*`), or "".
QString jsonPathProblem(const QString &p)
{
    if (!p.startsWith(QLatin1Char('$')))
        return QStringLiteral("JSONPath must start with `$`, e.g. `$.results`");
    qsizetype i = 1;
    auto ident = [&](qsizetype &j) {
        const qsizetype start = j;
        while (j < p.size() && (p[j].isLetterOrNumber() || p[j] == u'_' || p[j] == u'-' || p[j] == u'$'))
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
            if (!ok.match(inner).hasMatch())
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

QStringList urlSchemesFor(const QString &providerType)
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

bool isSecretKey(const QString &key)
{
    QString k = key.toLower();
    k.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (k == QLatin1String("secret_header"))
        return false; // its value names a header, it is not a secret
    return k == QLatin1String("authorization") || k.contains(QLatin1String("password")) ||
           k.contains(QLatin1String("secret")) || k.contains(QLatin1String("token")) ||
           k.contains(QLatin1String("api_key")) || k.contains(QLatin1String("apikey"));
}

class Run
{
public:
    explicit Run(const SourceNode &root) : m_root(root), m_schema(SpecSchema::instance()) {}

    DiagnosticList run()
    {
        if (!m_root.isMap()) {
            add(Severity::Error, QStringLiteral("UIS-E-TYPE"),
                QStringLiteral("a spec is a mapping with `version`, `name` and `provider`; this "
                               "document is %1")
                    .arg(article(m_root.typeName())),
                QString(), m_root.pos());
            return m_out;
        }
        m_providerType = textAt(u"/provider/provider_type");
        checkObject(m_root, *m_schema.object(u"spec"), QString());
        checkProvider();
        checkNames();
        checkGraph();
        checkSecretsAndPlaceholders();
        sortDiagnostics(m_out);
        return m_out;
    }

private:
    static QString article(const QString &type)
    {
        if (type == QLatin1String("null"))
            return QStringLiteral("empty");
        const bool vowel = type.startsWith(QLatin1Char('a')) || type.startsWith(QLatin1Char('i')) ||
                           type.startsWith(QLatin1Char('o'));
        return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + type;
    }

    void add(Severity s, const QString &code, const QString &msg, const QString &ptr, SourcePos p)
    {
        m_out.append(Diagnostic{s, code, msg, ptr, p.line, p.column});
    }
    void error(const QString &code, const QString &msg, const QString &ptr, SourcePos p)
    {
        add(Severity::Error, code, msg, ptr, p);
    }
    void warning(const QString &code, const QString &msg, const QString &ptr, SourcePos p)
    {
        add(Severity::Warning, code, msg, ptr, p);
    }
    /// Position of the node at `ptr`, or of its nearest existing ancestor.
    SourcePos posOf(QString ptr) const
    {
        while (true) {
            if (const SourceNode *n = m_root.at(ptr))
                return n->pos();
            const qsizetype slash = ptr.lastIndexOf(QLatin1Char('/'));
            if (slash < 0)
                return m_root.pos();
            ptr = ptr.left(slash);
        }
    }
    QString textAt(QStringView ptr) const
    {
        const SourceNode *n = m_root.at(ptr);
        return (n && n->isScalar()) ? n->text() : QString();
    }

    // ------------------------------------------------------------ generic, from the schema

    const ObjectDef *resolveObject(const QString &type, const SourceNode &n)
    {
        if (type == QLatin1String("endpoint")) {
            return m_schema.object(SpecSchema::endpointObject(m_providerType));
        }
        if (type == QLatin1String("transform") || type == QLatin1String("sink")) {
            const SourceNode *t = n.find(u"type");
            if (!t || !t->isString())
                return nullptr;
            return m_schema.object(type + QLatin1Char('.') + t->text());
        }
        return m_schema.object(type);
    }

    void checkObjectOfType(const SourceNode &n, const QString &type, const QString &ptr)
    {
        if (const ObjectDef *def = resolveObject(type, n)) {
            checkObject(n, *def, ptr, type);
            return;
        }
        // Unknown provider/transform/sink type: check what every variant shares, and say
        // nothing about the other keys, since we cannot know which apply.
        if (type == QLatin1String("endpoint")) {
            if (const SourceNode *name = n.find(u"name"))
                checkField(*name, *m_schema.object(u"endpoint.rest_api")->field(u"name"),
                           pointerAppend(ptr, u"name"));
            else
                error(QStringLiteral("UIS-E-REQUIRED"), QStringLiteral("endpoint needs a `name`"),
                      ptr, n.pos());
            return;
        }
        const ObjectDef *any = m_schema.object(type + QLatin1String(type == QLatin1String("sink")
                                                                         ? ".console"
                                                                         : ".filter"));
        for (const QString &f : {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("inputs")}) {
            const FieldDef *fd = any->field(f);
            if (const SourceNode *c = n.find(f))
                checkField(*c, *fd, pointerAppend(ptr, f));
            else if (fd->required)
                missing(n, ptr, *fd, type);
        }
    }

    void missing(const SourceNode &parent, const QString &ptr, const FieldDef &f, const QString &what)
    {
        QString msg = QStringLiteral("%1 is missing required `%2`").arg(what, f.name);
        if (f.kind == K::Enum)
            msg += QStringLiteral(" (one of %1)").arg(listOf(f.enumValues));
        error(QStringLiteral("UIS-E-REQUIRED"), msg, pointerAppend(ptr, f.name), parent.pos());
    }

    void checkObject(const SourceNode &n, const ObjectDef &def, const QString &ptr,
                     const QString &kind = QString())
    {
        const QString what = ptr.isEmpty() ? QStringLiteral("the spec") : quoted(ptr);
        for (const SourceNode &c : n.children()) {
            const QString cptr = pointerAppend(ptr, c.key());
            if (const FieldDef *f = def.field(c.key())) {
                checkField(c, *f, cptr);
                continue;
            }
            unknownKey(c, def, cptr, kind);
        }
        for (const FieldDef &f : def.fields) {
            const SourceNode *c = n.find(f.name);
            if (f.required && (!c || c->isNull())) {
                if (c && c->isNull())
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral("`%1` is empty; it needs a value").arg(f.name),
                          pointerAppend(ptr, f.name), c->pos());
                else
                    missing(n, ptr, f, what);
            }
        }
    }

    void unknownKey(const SourceNode &c, const ObjectDef &def, const QString &ptr,
                    const QString &kind)
    {
        const QString key = c.key();
        if (kind == QLatin1String("endpoint")) {
            const QStringList types = m_schema.providerTypesWithEndpointField(key);
            if (!types.isEmpty()) {
                warning(QStringLiteral("UIS-W-FIELD-NOT-APPLICABLE"),
                        QStringLiteral("`%1` is a field of %2 endpoints; %3 endpoints ignore it")
                            .arg(key, types.join(QStringLiteral("/")), m_providerType),
                        ptr, c.keyPos());
                return;
            }
        }
        if (kind == QLatin1String("transform") || kind == QLatin1String("sink")) {
            QStringList owners;
            for (const ObjectDef &o : m_schema.objects()) {
                if (o.name.startsWith(kind + QLatin1Char('.')) && o.field(key))
                    owners.append(o.name.mid(kind.size() + 1));
            }
            if (!owners.isEmpty()) {
                warning(QStringLiteral("UIS-W-FIELD-NOT-APPLICABLE"),
                        QStringLiteral("`%1` belongs to %2 %3s; this %3 ignores it")
                            .arg(key, owners.join(QStringLiteral("/")), kind),
                        ptr, c.keyPos());
                return;
            }
        }
        warning(QStringLiteral("UIS-W-UNKNOWN-KEY"),
                QStringLiteral("unknown key `%1` in %2%3")
                    .arg(key, def.title, didYouMean(key, def.fieldNames())),
                ptr, c.keyPos());
    }

    bool expectType(const SourceNode &n, bool ok, const QString &expected, const QString &ptr,
                    const QString &hint = QString())
    {
        if (ok)
            return true;
        QString msg = QStringLiteral("`%1` must be %2, not %3")
                          .arg(lastToken(ptr), expected, article(n.typeName()));
        if (!hint.isEmpty())
            msg += QStringLiteral("; ") + hint;
        error(QStringLiteral("UIS-E-TYPE"), msg, ptr, n.pos());
        return false;
    }

    static QString lastToken(const QString &ptr)
    {
        const QStringList t = splitPointer(ptr);
        return t.isEmpty() ? QString() : t.last();
    }

    void checkRange(const SourceNode &n, const FieldDef &f, const QString &ptr)
    {
        const std::optional<double> v = n.toDouble();
        if (!v)
            return;
        const bool below = f.minimum && (f.exclusiveMinimum ? *v <= *f.minimum : *v < *f.minimum);
        const bool above = f.maximum && *v > *f.maximum;
        if (!below && !above)
            return;
        QString range;
        if (f.minimum && f.maximum)
            range = QStringLiteral("between %1 and %2").arg(*f.minimum).arg(*f.maximum);
        else if (f.minimum)
            range = f.exclusiveMinimum ? QStringLiteral("greater than %1").arg(*f.minimum)
                                       : QStringLiteral("at least %1").arg(*f.minimum);
        else
            range = QStringLiteral("at most %1").arg(*f.maximum);
        error(QStringLiteral("UIS-E-RANGE"),
              QStringLiteral("`%1` is %2; it must be %3").arg(f.name, n.text(), range), ptr,
              n.pos());
    }

    void checkField(const SourceNode &n, const FieldDef &f, const QString &ptr)
    {
        if (n.isNull() && !f.required)
            return; // `key:` with no value counts as absent
        switch (f.kind) {
        case K::String:
            if (expectType(n, n.isString(), QStringLiteral("a string"), ptr,
                           n.isScalar() ? QStringLiteral("put it in quotes: \"%1\"").arg(n.text())
                                        : QString()))
                checkFormat(n, f, ptr);
            break;
        case K::Integer:
            if (expectType(n, n.isScalar() && n.scalarType() == SourceNode::ScalarType::Int,
                           QStringLiteral("a whole number"), ptr))
                checkRange(n, f, ptr);
            break;
        case K::Number:
            if (expectType(n, n.toDouble().has_value(), QStringLiteral("a number"), ptr))
                checkRange(n, f, ptr);
            break;
        case K::Boolean:
            expectType(n, n.toBool().has_value(), QStringLiteral("true or false"), ptr);
            break;
        case K::Enum:
            if (expectType(n, n.isString(), QStringLiteral("a string"), ptr,
                           n.isScalar() ? QStringLiteral("put it in quotes: \"%1\"").arg(n.text())
                                        : QString()))
                checkEnum(n, f, ptr);
            break;
        case K::StringList:
            if (expectType(n, n.isList(), QStringLiteral("a list"), ptr,
                           n.isScalar() ? QStringLiteral("write [%1]").arg(n.text()) : QString())) {
                int i = 0;
                for (const SourceNode &c : n.children()) {
                    expectType(c, c.isString(), QStringLiteral("a string"), pointerAppend(ptr, i));
                    ++i;
                }
            }
            break;
        case K::TextMap:
        case K::ScalarMap:
            if (expectType(n, n.isMap(), QStringLiteral("a mapping"), ptr)) {
                for (const SourceNode &c : n.children())
                    expectType(c, c.isScalar(), QStringLiteral("a single value"),
                               pointerAppend(ptr, c.key()));
            }
            break;
        case K::FreeMap:
            expectType(n, n.isMap(), QStringLiteral("a mapping"), ptr);
            break;
        case K::Object:
            if (expectType(n, n.isMap(), QStringLiteral("a mapping"), ptr))
                checkObjectOfType(n, f.objectType, ptr);
            break;
        case K::ObjectList:
            if (expectType(n, n.isList(), QStringLiteral("a list"), ptr)) {
                if (f.required && n.size() == 0)
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral("`%1` needs at least one entry").arg(f.name), ptr, n.pos());
                int i = 0;
                for (const SourceNode &c : n.children()) {
                    const QString cptr = pointerAppend(ptr, i++);
                    if (expectType(c, c.isMap(), QStringLiteral("a mapping"), cptr))
                        checkObjectOfType(c, f.objectType, cptr);
                }
            }
            break;
        case K::Any:
            break;
        }
    }

    void checkEnum(const SourceNode &n, const FieldDef &f, const QString &ptr)
    {
        if (f.enumValues.contains(n.text()))
            return;
        if (f.name == QLatin1String("version") && ptr == QLatin1String("/version")) {
            error(QStringLiteral("UIS-E-VERSION"),
                  QStringLiteral("unsupported version `%1`; this designer reads versions %2")
                      .arg(n.text(), listOf(f.enumValues)),
                  ptr, n.pos());
            return;
        }
        QString hint = didYouMean(n.text(), f.enumValues);
        if (hint.isEmpty())
            hint = QStringLiteral("; expected one of %1").arg(listOf(f.enumValues));
        error(QStringLiteral("UIS-E-ENUM"),
              QStringLiteral("`%1` is not a valid %2%3").arg(n.text(), f.name, hint), ptr, n.pos());
    }

    void checkFormat(const SourceNode &n, const FieldDef &f, const QString &ptr)
    {
        const QString &v = n.text();
        const bool hasPlaceholder = PlaceholderScanner::contains(v);
        switch (f.format) {
        case F::None:
            break;
        case F::KebabName:
            if (!isKebabName(v))
                error(QStringLiteral("UIS-E-NAME-FORMAT"),
                      QStringLiteral("name `%1` must be kebab-case: a lowercase letter, then 2-63 "
                                     "lowercase letters, digits or `-` (e.g. `%2`)")
                          .arg(v, suggestKebab(v)),
                      ptr, n.pos());
            break;
        case F::Identifier:
            if (!isIdentifier(v))
                error(QStringLiteral("UIS-E-NAME-FORMAT"),
                      QStringLiteral("`%1` must be snake_case: a lowercase letter, then lowercase "
                                     "letters, digits or `_` (e.g. `%2`)")
                          .arg(v, suggestSnake(v)),
                      ptr, n.pos());
            break;
        case F::Url:
            if (!hasPlaceholder)
                checkUrl(n, ptr);
            break;
        case F::Duration:
            if (!isDuration(v))
                error(QStringLiteral("UIS-E-DURATION"),
                      QStringLiteral("`%1` is not a duration; write `<number> <unit>` with ms, s, "
                                     "min, h or d, e.g. `30 s` or `5 minutes`")
                          .arg(v),
                      ptr, n.pos());
            break;
        case F::Interval:
            if (!isInterval(v))
                error(QStringLiteral("UIS-E-DURATION"),
                      QStringLiteral("trigger interval `%1` must be `<n> seconds`, `<n> minutes` "
                                     "or `<n> hours`, e.g. `5 minutes`")
                          .arg(v),
                      ptr, n.pos());
            break;
        case F::Cron:
            if (const QString p = cronProblem(v); !p.isEmpty())
                error(QStringLiteral("UIS-E-CRON"), p, ptr, n.pos());
            break;
        case F::Memory:
            if (!isMemory(v))
                error(QStringLiteral("UIS-E-MEMORY"),
                      QStringLiteral("`%1` is not a memory size; write a number and k, m, g or t, "
                                     "e.g. `512m` or `8g`")
                          .arg(v),
                      ptr, n.pos());
            break;
        case F::Email:
            if (!hasPlaceholder && !isEmail(v))
                error(QStringLiteral("UIS-E-EMAIL"),
                      QStringLiteral("owner `%1` is not an e-mail address").arg(v), ptr, n.pos());
            break;
        case F::JsonPath:
            if (const QString p = jsonPathProblem(v); !p.isEmpty())
                error(QStringLiteral("UIS-E-JSONPATH"), p, ptr, n.pos());
            break;
        case F::AbsPath:
            if (!v.startsWith(QLatin1Char('/')) && !hasPlaceholder)
                error(QStringLiteral("UIS-E-PATH"),
                      QStringLiteral("path `%1` must start with `/` (it is appended to base_url)")
                          .arg(v),
                      ptr, n.pos());
            break;
        case F::TableName: {
            static const QRegularExpression re(QStringLiteral("^[^.\\s]+\\.[^.\\s]+$"));
            if (!re.match(v).hasMatch())
                error(QStringLiteral("UIS-E-TABLE-NAME"),
                      QStringLiteral("table `%1` must be `namespace.table`, e.g. `market_data.ticks`")
                          .arg(v),
                      ptr, n.pos());
            break;
        }
        case F::SchemaType:
            if (!isSchemaType(v)) {
                QString hint = didYouMean(v, SpecSchema::schemaTypes() << QStringLiteral("decimal(p,s)"));
                if (hint.isEmpty())
                    hint = QStringLiteral("; use string, int, long, double, decimal(p,s), boolean, "
                                          "date, timestamp or json");
                error(QStringLiteral("UIS-E-ENUM"),
                      QStringLiteral("`%1` is not a schema type%2").arg(v, hint), ptr, n.pos());
            }
            break;
        }
    }

    static QString suggestKebab(const QString &v)
    {
        QString s = v.toLower();
        s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        s.remove(QRegularExpression(QStringLiteral("^[^a-z]+|-+$")));
        return s.isEmpty() ? QStringLiteral("my-pipeline") : s.left(63);
    }
    static QString suggestSnake(const QString &v)
    {
        QString s = v;
        s.replace(QRegularExpression(QStringLiteral("([a-z0-9])([A-Z])")), QStringLiteral("\\1_\\2"));
        s = s.toLower();
        s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
        s.remove(QRegularExpression(QStringLiteral("^[^a-z]+|_+$")));
        return s.isEmpty() ? QStringLiteral("my_name") : s;
    }

    void checkUrl(const SourceNode &n, const QString &ptr, const QStringList &schemesOverride = {})
    {
        const QUrl url(n.text(), QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() ||
            (url.host().isEmpty() && url.scheme() != QLatin1String("file"))) {
            error(QStringLiteral("UIS-E-URL"),
                  QStringLiteral("`%1` is not an absolute URL (scheme://host/…)").arg(n.text()), ptr,
                  n.pos());
            return;
        }
        const QStringList schemes =
            schemesOverride.isEmpty() ? urlSchemesFor(m_providerType) : schemesOverride;
        if (!schemes.isEmpty() && !schemes.contains(url.scheme().toLower())) {
            error(QStringLiteral("UIS-E-URL-SCHEME"),
                  QStringLiteral("scheme `%1` does not fit %2; use %3")
                      .arg(url.scheme(),
                           schemesOverride.isEmpty() ? QStringLiteral("provider_type `%1`").arg(m_providerType)
                                                     : QStringLiteral("this setting"),
                           listOf(schemes)),
                  ptr, n.pos());
        }
    }

    // ------------------------------------------------------------ semantic rules

    void checkProvider()
    {
        const SourceNode *p = m_root.find(u"provider");
        if (!p || !p->isMap())
            return;
        const QString ptr = QStringLiteral("/provider");
        // mode ↔ provider_type
        const SourceNode *mode = p->find(u"mode");
        if (mode && mode->isString() && SpecSchema::modes().contains(mode->text()) &&
            SpecSchema::providerTypes().contains(m_providerType)) {
            const QStringList allowed = SpecSchema::modesFor(m_providerType);
            if (!allowed.contains(mode->text()))
                error(QStringLiteral("UIS-E-MODE-PROVIDER"),
                      QStringLiteral("mode `%1` does not fit provider_type `%2`; use %3")
                          .arg(mode->text(), m_providerType, listOf(allowed)),
                      ptr + QStringLiteral("/mode"), mode->pos());
        }
        // base_url where the type needs one
        if ((m_providerType == QLatin1String("rest_api") ||
             m_providerType == QLatin1String("websocket") ||
             m_providerType == QLatin1String("file_ftp")) &&
            !p->find(u"base_url"))
            error(QStringLiteral("UIS-E-REQUIRED"),
                  QStringLiteral("provider_type `%1` needs a `base_url`").arg(m_providerType),
                  ptr + QStringLiteral("/base_url"), p->pos());
        // schedule: exactly one
        if (const SourceNode *s = p->find(u"schedule"); s && s->isMap()) {
            const bool ti = s->find(u"trigger_interval"), cron = s->find(u"cron");
            if (ti == cron)
                error(QStringLiteral("UIS-E-SCHEDULE"),
                      ti ? QStringLiteral("schedule has both `trigger_interval` and `cron`; keep one")
                         : QStringLiteral("schedule needs `trigger_interval` or `cron`"),
                      ptr + QStringLiteral("/schedule"), s->pos());
        }
        checkConfig(*p);
        checkEndpoints(*p);
        checkTransforms(*p);
        checkSinks(*p);
    }

    void checkConfig(const SourceNode &p)
    {
        const SourceNode *cfg = p.find(u"config");
        if (!cfg || !cfg->isMap())
            return;
        const auto known = SpecSchema::configKeys();
        QStringList names;
        for (const auto &k : known)
            names.append(k.first);
        for (const SourceNode &c : cfg->children()) {
            const QString ptr = pointerAppend(QStringLiteral("/provider/config"), c.key());
            const QString &k = c.key();
            if (!names.contains(k)) {
                if (!k.contains(QLatin1Char('.')))
                    warning(QStringLiteral("UIS-W-UNKNOWN-KEY"),
                            QStringLiteral("unknown config key `%1`%2; keys with a dot "
                                           "(`spark.…`, `taskmanager.…`) pass through as engine conf")
                                .arg(k, didYouMean(k, names)),
                            ptr, c.keyPos());
                continue;
            }
            if (!c.isScalar())
                continue; // type error already reported
            const QString v = c.text();
            if (k.endsWith(QLatin1String("_memory"))) {
                if (!isMemory(v))
                    error(QStringLiteral("UIS-E-MEMORY"),
                          QStringLiteral("`%1` = `%2` is not a memory size; write a number and k, "
                                         "m, g or t, e.g. `512m` or `8g`")
                              .arg(k, v),
                          ptr, c.pos());
            } else if (k == QLatin1String("executor_cores") || k == QLatin1String("executor_instances") ||
                       k == QLatin1String("driver_cores") || k == QLatin1String("task_slots")) {
                bool ok = false;
                const int n = v.toInt(&ok);
                if (!ok || n < 1)
                    error(QStringLiteral("UIS-E-RANGE"),
                          QStringLiteral("`%1` = `%2` must be a whole number of at least 1").arg(k, v),
                          ptr, c.pos());
            } else if (k == QLatin1String("checkpoint_interval")) {
                if (!isDuration(v))
                    error(QStringLiteral("UIS-E-DURATION"),
                          QStringLiteral("`checkpoint_interval` = `%1` is not a duration; e.g. "
                                         "`60 s`")
                              .arg(v),
                          ptr, c.pos());
            } else if (k == QLatin1String("state_backend")) {
                const QStringList backends{QStringLiteral("rocksdb"), QStringLiteral("hashmap")};
                if (!backends.contains(v))
                    error(QStringLiteral("UIS-E-ENUM"),
                          QStringLiteral("`%1` is not a valid state_backend%2")
                              .arg(v, didYouMean(v, backends).isEmpty()
                                          ? QStringLiteral("; expected `rocksdb` or `hashmap`")
                                          : didYouMean(v, backends)),
                          ptr, c.pos());
            } else if (k == QLatin1String("s3_endpoint")) {
                if (!PlaceholderScanner::contains(v))
                    checkUrl(c, ptr, {QStringLiteral("http"), QStringLiteral("https")});
            } else if (k == QLatin1String("spark_version")) {
                static const QRegularExpression re(QStringLiteral("^(3\\.5|4\\.[0-9]+)(\\.[0-9]+)?$"));
                if (!re.match(v).hasMatch())
                    error(QStringLiteral("UIS-E-ENUM"),
                          QStringLiteral("spark_version `%1` is not supported; use 3.5 or 4.x").arg(v),
                          ptr, c.pos());
            } else if (k == QLatin1String("flink_version")) {
                static const QRegularExpression re(QStringLiteral("^(1\\.(1[89]|20)|2\\.[0-9]+)(\\.[0-9]+)?$"));
                if (!re.match(v).hasMatch())
                    error(QStringLiteral("UIS-E-ENUM"),
                          QStringLiteral("flink_version `%1` is not supported; use 1.20 or 2.x").arg(v),
                          ptr, c.pos());
            }
        }
    }

    void checkEndpoints(const SourceNode &p)
    {
        const SourceNode *eps = p.find(u"endpoints");
        if (!eps || !eps->isList())
            return;
        int i = 0;
        for (const SourceNode &e : eps->children()) {
            const QString ptr = pointerAppend(QStringLiteral("/provider/endpoints"), i++);
            if (!e.isMap())
                continue;
            checkMappingTargets(e, u"field_mapping", ptr);
            checkSchemaNames(e, ptr);
            if (m_providerType == QLatin1String("rest_api")) {
                const SourceNode *body = e.find(u"body");
                const SourceNode *method = e.find(u"method");
                if (body && !body->isNull() &&
                    !(method && method->text() == QLatin1String("POST")))
                    error(QStringLiteral("UIS-E-BODY-METHOD"),
                          QStringLiteral("a `body` is sent only with `method: POST`"),
                          ptr + QStringLiteral("/body"), body->pos());
            }
            if (m_providerType == QLatin1String("database")) {
                const SourceNode *conn = e.find(u"connector");
                if (conn && conn->text() == QLatin1String("postgres-cdc") && !e.find(u"slot_name"))
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral("postgres-cdc needs a `slot_name` (the replication slot)"),
                          ptr + QStringLiteral("/slot_name"), e.pos());
            }
        }
        if (m_providerType == QLatin1String("kafka") &&
            textAt(u"/provider/config/kafka_bootstrap_servers").isEmpty())
            error(QStringLiteral("UIS-E-REQUIRED"),
                  QStringLiteral("kafka providers need `config.kafka_bootstrap_servers` "
                                 "(host:port,…)"),
                  QStringLiteral("/provider/config/kafka_bootstrap_servers"),
                  posOf(QStringLiteral("/provider/config")));
    }

    void checkMappingTargets(const SourceNode &obj, QStringView key, const QString &ptr)
    {
        const SourceNode *m = obj.find(key);
        if (!m || !m->isMap())
            return;
        QHash<QString, QString> seen;
        for (const SourceNode &c : m->children()) {
            if (!c.isScalar())
                continue;
            if (seen.contains(c.text())) {
                error(QStringLiteral("UIS-E-MAPPING-CONFLICT"),
                      QStringLiteral("`%1` and `%2` both map to `%3`; a target can have one source")
                          .arg(seen.value(c.text()), c.key(), c.text()),
                      pointerAppend(pointerAppend(ptr, key), c.key()), c.pos());
            } else {
                seen.insert(c.text(), c.key());
            }
        }
    }

    void checkSchemaNames(const SourceNode &obj, const QString &ptr)
    {
        const SourceNode *s = obj.find(u"schema");
        if (!s || !s->isList())
            return;
        QSet<QString> seen;
        int i = 0;
        for (const SourceNode &f : s->children()) {
            const SourceNode *n = f.find(u"name");
            const QString fptr = pointerAppend(ptr + QStringLiteral("/schema"), i++);
            if (!n || !n->isString())
                continue;
            if (seen.contains(n->text()))
                error(QStringLiteral("UIS-E-DUPLICATE-NAME"),
                      QStringLiteral("column `%1` is declared twice in the schema").arg(n->text()),
                      fptr + QStringLiteral("/name"), n->pos());
            seen.insert(n->text());
        }
    }

    void checkTransforms(const SourceNode &p)
    {
        const SourceNode *ts = p.find(u"transforms");
        if (!ts || !ts->isList())
            return;
        int i = 0;
        for (const SourceNode &t : ts->children()) {
            const QString ptr = pointerAppend(QStringLiteral("/provider/transforms"), i++);
            if (!t.isMap())
                continue;
            const QString type = t.find(u"type") ? t.find(u"type")->text() : QString();
            if (type == QLatin1String("field_mapping"))
                checkMappingTargets(t, u"mapping", ptr);
            if (type == QLatin1String("schema_validation"))
                checkSchemaNames(t, ptr);
            if (type == QLatin1String("window_aggregate")) {
                const SourceNode *w = t.find(u"window");
                const SourceNode *s = t.find(u"slide");
                if (w && s && isDuration(w->text()) && isDuration(s->text()) &&
                    durationMs(s->text()) > durationMs(w->text()))
                    error(QStringLiteral("UIS-E-WINDOW"),
                          QStringLiteral("slide `%1` is longer than window `%2`; rows would fall "
                                         "between windows")
                              .arg(s->text(), w->text()),
                          ptr + QStringLiteral("/slide"), s->pos());
                if (const SourceNode *a = t.find(u"aggregates"); a && a->isMap() && a->size() == 0)
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral("`aggregates` needs at least one `output: expression`"),
                          ptr + QStringLiteral("/aggregates"), a->pos());
            }
            if (type == QLatin1String("dedupe")) {
                if (const SourceNode *k = t.find(u"keys"); k && k->isList() && k->size() == 0)
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral("`keys` needs at least one column"),
                          ptr + QStringLiteral("/keys"), k->pos());
            }
        }
    }

    static double durationMs(const QString &d)
    {
        static const QRegularExpression re(QStringLiteral("^\\s*([0-9.]+)\\s*([a-z]+)\\s*$"));
        const auto m = re.match(d);
        if (!m.hasMatch())
            return 0;
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
        if (u.startsWith(QLatin1Char('d')))
            return v * 86400000;
        return 0;
    }

    void needConfig(const SourceNode &sink, const QString &ptr, const QString &key,
                    const QString &why)
    {
        const SourceNode *cfg = sink.find(u"config");
        const SourceNode *v = cfg && cfg->isMap() ? cfg->find(key) : nullptr;
        if (!v || v->isNull())
            error(QStringLiteral("UIS-E-REQUIRED"), why,
                  ptr + QStringLiteral("/config/") + key,
                  cfg && cfg->isMap() ? cfg->pos() : sink.pos());
    }

    void checkSinks(const SourceNode &p)
    {
        const SourceNode *ss = p.find(u"sinks");
        if (!ss || !ss->isList())
            return;
        int i = 0;
        for (const SourceNode &s : ss->children()) {
            const QString ptr = pointerAppend(QStringLiteral("/provider/sinks"), i++);
            if (!s.isMap())
                continue;
            const QString type = s.find(u"type") ? s.find(u"type")->text() : QString();
            const SourceNode *cfg = s.find(u"config");
            auto cfgText = [&](QStringView key) {
                const SourceNode *v = cfg && cfg->isMap() ? cfg->find(key) : nullptr;
                return v && v->isScalar() ? v->text() : QString();
            };
            auto cfgNode = [&](QStringView key) -> const SourceNode * {
                return cfg && cfg->isMap() ? cfg->find(key) : nullptr;
            };
            if (type == QLatin1String("parquet")) {
                if (!cfgNode(u"bucket") && !cfgNode(u"path"))
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral("parquet sink needs `config.bucket` or `config.path`"),
                          ptr + QStringLiteral("/config/bucket"), cfg ? cfg->pos() : s.pos());
                if (const SourceNode *c = cfgNode(u"compression")) {
                    const QStringList codecs{QStringLiteral("snappy"), QStringLiteral("zstd"),
                                             QStringLiteral("gzip"), QStringLiteral("none")};
                    if (!codecs.contains(c->text()))
                        error(QStringLiteral("UIS-E-ENUM"),
                              QStringLiteral("`%1` is not a valid compression%2")
                                  .arg(c->text(), didYouMean(c->text(), codecs).isEmpty()
                                                      ? QStringLiteral("; expected ") + listOf(codecs)
                                                      : didYouMean(c->text(), codecs)),
                              ptr + QStringLiteral("/config/compression"), c->pos());
                }
            } else if (type == QLatin1String("iceberg")) {
                if (const SourceNode *c = cfgNode(u"catalog_type")) {
                    const QStringList types{QStringLiteral("hive"), QStringLiteral("hadoop"),
                                            QStringLiteral("rest")};
                    if (!types.contains(c->text()))
                        error(QStringLiteral("UIS-E-ENUM"),
                              QStringLiteral("`%1` is not a valid catalog_type%2")
                                  .arg(c->text(), didYouMean(c->text(), types).isEmpty()
                                                      ? QStringLiteral("; expected ") + listOf(types)
                                                      : didYouMean(c->text(), types)),
                              ptr + QStringLiteral("/config/catalog_type"), c->pos());
                    if (c->text() == QLatin1String("rest") && !cfgNode(u"uri"))
                        error(QStringLiteral("UIS-E-REQUIRED"),
                              QStringLiteral("a rest catalog needs `config.uri`"),
                              ptr + QStringLiteral("/config/uri"), cfg->pos());
                }
            } else if (type == QLatin1String("clickhouse")) {
                needConfig(s, ptr, QStringLiteral("url"),
                           QStringLiteral("clickhouse sink needs `config.url` "
                                          "(jdbc:clickhouse://host:8123/db)"));
                const QString url = cfgText(u"url");
                if (!url.isEmpty() && !url.startsWith(QLatin1String("jdbc:clickhouse://")) &&
                    !url.startsWith(QLatin1String("jdbc:ch://")) && !PlaceholderScanner::contains(url))
                    error(QStringLiteral("UIS-E-URL-SCHEME"),
                          QStringLiteral("clickhouse `config.url` must be a JDBC URL "
                                         "`jdbc:clickhouse://host:port/db`, not `%1`")
                              .arg(url),
                          ptr + QStringLiteral("/config/url"), cfgNode(u"url")->pos());
            } else if (type == QLatin1String("kafka")) {
                if (!cfgNode(u"bootstrap_servers") &&
                    textAt(u"/provider/config/kafka_bootstrap_servers").isEmpty())
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral("kafka sink needs `config.bootstrap_servers` (or provider "
                                         "`config.kafka_bootstrap_servers`)"),
                          ptr + QStringLiteral("/config/bootstrap_servers"),
                          cfg ? cfg->pos() : s.pos());
                if (const SourceNode *t = cfgNode(u"transactional"); t && !t->toBool())
                    error(QStringLiteral("UIS-E-TYPE"),
                          QStringLiteral("`transactional` must be true or false"),
                          ptr + QStringLiteral("/config/transactional"), t->pos());
            } else if (type == QLatin1String("rest_api")) {
                checkRestSink(s, ptr);
            }
        }
    }

    void checkRestSink(const SourceNode &s, const QString &ptr)
    {
        needConfig(s, ptr, QStringLiteral("url"),
                   QStringLiteral("rest_api sink needs `config.url`, the endpoint rows are sent to"));
        const SourceNode *cfg = s.find(u"config");
        if (!cfg || !cfg->isMap())
            return;
        const QString cptr = ptr + QStringLiteral("/config");
        if (const SourceNode *u = cfg->find(u"url"); u && u->isString() && !PlaceholderScanner::contains(u->text()))
            checkUrl(*u, cptr + QStringLiteral("/url"), {QStringLiteral("http"), QStringLiteral("https")});
        if (const SourceNode *m = cfg->find(u"method"); m) {
            const QStringList methods{QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH")};
            if (!methods.contains(m->text()))
                error(QStringLiteral("UIS-E-ENUM"),
                      QStringLiteral("`%1` is not a delivery method; use %2").arg(m->text(), listOf(methods)),
                      cptr + QStringLiteral("/method"), m->pos());
        }
        if (const SourceNode *h = cfg->find(u"headers"); h && !h->isMap())
            expectType(*h, false, QStringLiteral("a mapping"), cptr + QStringLiteral("/headers"));
        if (const SourceNode *r = cfg->find(u"max_requests_per_second"); r) {
            const auto v = r->toDouble();
            if (!v || *v <= 0)
                error(QStringLiteral("UIS-E-RANGE"),
                      QStringLiteral("`max_requests_per_second` must be a number greater than 0"),
                      cptr + QStringLiteral("/max_requests_per_second"), r->pos());
        }
        const SourceNode *retry = cfg->find(u"retry");
        if (!retry)
            return;
        const QString rptr = cptr + QStringLiteral("/retry");
        if (!expectType(*retry, retry->isMap(), QStringLiteral("a mapping"), rptr))
            return;
        for (const SourceNode &c : retry->children()) {
            const QString k = c.key();
            const QString kp = pointerAppend(rptr, k);
            if (k == QLatin1String("max_attempts")) {
                if (expectType(c, c.toInt().has_value(), QStringLiteral("a whole number"), kp) && *c.toInt() < 1)
                    error(QStringLiteral("UIS-E-RANGE"), QStringLiteral("`max_attempts` must be at least 1"), kp, c.pos());
            } else if (k == QLatin1String("retry_status_codes")) {
                if (expectType(c, c.isList(), QStringLiteral("a list of HTTP status codes"), kp)) {
                    int j = 0;
                    for (const SourceNode &code : c.children()) {
                        const auto v = code.toInt();
                        if (!v || *v < 100 || *v > 599)
                            error(QStringLiteral("UIS-E-RANGE"),
                                  QStringLiteral("`%1` is not an HTTP status code (100-599)").arg(code.text()),
                                  pointerAppend(kp, j), code.pos());
                        ++j;
                    }
                }
            } else if (k == QLatin1String("base_delay") || k == QLatin1String("max_delay")) {
                if (!(c.isString() && isDuration(c.text())) && !c.toDouble())
                    error(QStringLiteral("UIS-E-DURATION"),
                          QStringLiteral("`%1` must be a duration such as `500 ms` or `30 s`").arg(k), kp, c.pos());
            } else {
                const QStringList known{QStringLiteral("max_attempts"), QStringLiteral("retry_status_codes"),
                                        QStringLiteral("base_delay"), QStringLiteral("max_delay")};
                warning(QStringLiteral("UIS-W-UNKNOWN-KEY"),
                        QStringLiteral("unknown key `%1` in retry%2").arg(k, didYouMean(k, known)), kp, c.keyPos());
            }
        }
    }

    // ------------------------------------------------------------ names and graph

    struct NodeRef
    {
        QString name;
        QString kind; // endpoint, transform, sink
        QString ptr;  // pointer to the node
        SourcePos namePos;
    };

    QList<NodeRef> nodes(QStringView listKey, const QString &kind) const
    {
        QList<NodeRef> out;
        const SourceNode *l = m_root.at(QStringLiteral("/provider/") + listKey.toString());
        if (!l || !l->isList())
            return out;
        QHash<QString, int> perType;
        int i = 0;
        for (const SourceNode &n : l->children()) {
            const QString ptr = pointerAppend(QStringLiteral("/provider/") + listKey.toString(), i++);
            if (!n.isMap())
                continue;
            const SourceNode *name = n.find(u"name");
            QString nm = name && name->isString() ? name->text() : QString();
            if (kind == QLatin1String("sink")) {
                const SourceNode *t = n.find(u"type");
                const QString type = t ? t->text() : QString();
                const int k = ++perType[type];
                if (nm.isEmpty() && !type.isEmpty())
                    nm = QStringLiteral("%1_%2").arg(type).arg(k);
            }
            if (nm.isEmpty())
                continue;
            out.append(NodeRef{nm, kind, ptr, name ? name->pos() : n.pos()});
        }
        return out;
    }

    void checkNames()
    {
        m_endpoints = nodes(u"endpoints", QStringLiteral("endpoint"));
        m_transforms = nodes(u"transforms", QStringLiteral("transform"));
        m_sinks = nodes(u"sinks", QStringLiteral("sink"));
        QHash<QString, NodeRef> seen;
        for (const QList<NodeRef> *list : {&m_endpoints, &m_transforms, &m_sinks}) {
            for (const NodeRef &r : *list) {
                if (seen.contains(r.name)) {
                    const NodeRef &first = seen.value(r.name);
                    error(QStringLiteral("UIS-E-DUPLICATE-NAME"),
                          QStringLiteral("name `%1` is already used by the %2 on line %3; names "
                                         "must be unique across endpoints, transforms and sinks")
                              .arg(r.name, first.kind)
                              .arg(first.namePos.line),
                          r.ptr + QStringLiteral("/name"), r.namePos);
                } else {
                    seen.insert(r.name, r);
                }
            }
        }
    }

    void checkInputs(const QString &ptr, const QSet<QString> &allowed, const QString &kind,
                     QStringList *explicitInputs)
    {
        const SourceNode *in = m_root.at(ptr + QStringLiteral("/inputs"));
        if (!in || !in->isList())
            return;
        QStringList candidates(allowed.begin(), allowed.end());
        candidates.sort();
        int i = 0;
        for (const SourceNode &c : in->children()) {
            const QString cptr = pointerAppend(ptr + QStringLiteral("/inputs"), i++);
            if (!c.isString())
                continue;
            if (!allowed.contains(c.text())) {
                QString hint = didYouMean(c.text(), candidates);
                if (hint.isEmpty() && !candidates.isEmpty())
                    hint = QStringLiteral("; known nodes: ") + listOf(candidates);
                error(QStringLiteral("UIS-E-INPUT-UNKNOWN"),
                      QStringLiteral("%1 input `%2` names no endpoint or transform%3")
                          .arg(kind, c.text(), hint),
                      cptr, c.pos());
            } else if (explicitInputs) {
                explicitInputs->append(c.text());
            }
        }
    }

    void checkGraph()
    {
        QSet<QString> all;
        for (const NodeRef &r : m_endpoints)
            all.insert(r.name);
        for (const NodeRef &r : m_transforms)
            all.insert(r.name);
        QHash<QString, QStringList> edges; // transform → its inputs
        for (const NodeRef &t : m_transforms) {
            QStringList ins;
            checkInputs(t.ptr, all, QStringLiteral("transform"), &ins);
            edges.insert(t.name, ins);
        }
        for (const NodeRef &s : m_sinks)
            checkInputs(s.ptr, all, QStringLiteral("sink"), nullptr);

        // Default inputs (the previous transform) point backwards, so only explicit ones can
        // close a cycle; a depth-first search over them finds it.
        QHash<QString, int> state; // 0 new, 1 on stack, 2 done
        QSet<QString> reported;
        std::function<bool(const QString &, QStringList &)> dfs = [&](const QString &n,
                                                                       QStringList &path) {
            state[n] = 1;
            path.append(n);
            for (const QString &in : edges.value(n)) {
                if (!edges.contains(in))
                    continue; // endpoints have no inputs
                if (state.value(in) == 1) {
                    const qsizetype start = path.indexOf(in);
                    QStringList cycle = path.mid(start);
                    cycle.append(in);
                    if (!reported.contains(in)) {
                        for (const QString &c : cycle)
                            reported.insert(c);
                        // Report at the cycle's first transform in document order.
                        const NodeRef *ref = nullptr;
                        for (const NodeRef &t : m_transforms) {
                            if (cycle.contains(t.name)) {
                                ref = &t;
                                break;
                            }
                        }
                        error(QStringLiteral("UIS-E-INPUT-CYCLE"),
                              QStringLiteral("inputs form a cycle: %1; a transform cannot read "
                                             "its own output")
                                  .arg(cycle.join(QStringLiteral(" → "))),
                              ref->ptr + QStringLiteral("/inputs"), posOf(ref->ptr + QStringLiteral("/inputs")));
                    }
                    continue;
                }
                if (state.value(in) == 0 && dfs(in, path))
                    return true;
            }
            path.removeLast();
            state[n] = 2;
            return false;
        };
        for (const NodeRef &t : m_transforms) {
            if (state.value(t.name) == 0) {
                QStringList path;
                dfs(t.name, path);
            }
        }
    }

    void checkSecretsAndPlaceholders()
    {
        QList<PlaceholderError> errors;
        PlaceholderScanner::scanTree(m_root, &errors);
        for (const PlaceholderError &e : errors)
            error(QStringLiteral("UIS-E-PLACEHOLDER"), e.message, e.pointer, posOf(e.pointer));
        scanSecrets(m_root, QString());
    }

    void scanSecrets(const SourceNode &n, const QString &ptr)
    {
        if (n.isMap()) {
            for (const SourceNode &c : n.children()) {
                const QString cptr = pointerAppend(ptr, c.key());
                if (c.isString() && !c.text().isEmpty() && isSecretKey(c.key()) &&
                    !PlaceholderScanner::contains(c.text()))
                    warning(QStringLiteral("UIS-W-LITERAL-SECRET"),
                            QStringLiteral("`%1` holds a literal credential; use a placeholder such "
                                           "as `{{secret.scope:%1}}` or `{{env.NAME}}` so it is "
                                           "never stored in the spec")
                                .arg(c.key()),
                            cptr, c.pos());
                else
                    scanSecrets(c, cptr);
            }
        } else if (n.isList()) {
            int i = 0;
            for (const SourceNode &c : n.children())
                scanSecrets(c, pointerAppend(ptr, i++));
        }
    }

    const SourceNode &m_root;
    const SpecSchema &m_schema;
    QString m_providerType;
    DiagnosticList m_out;
    QList<NodeRef> m_endpoints, m_transforms, m_sinks;
};

} // namespace

DiagnosticList Validator::validate(const SourceNode &root)
{
    return Run(root).run();
}

} // namespace uis
