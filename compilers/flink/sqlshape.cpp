// SPDX-License-Identifier: Apache-2.0
#include "sqlshape.h"

#include <QRegularExpression>

#include <algorithm>

namespace uis {

QString SqlShape::skeleton(const QString &sql)
{
    QString out;
    out.reserve(sql.size());
    QChar quote;
    for (QChar c : sql) {
        if (!quote.isNull()) {
            out += QLatin1Char(' ');
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('`') || c == QLatin1Char('"')) {
            quote = c;
            out += QLatin1Char(' ');
            continue;
        }
        out += c.toUpper();
    }
    return out;
}

QStringList SqlShape::splitTopLevel(const QString &text, QChar separator)
{
    QStringList parts;
    QString cur;
    int depth = 0;
    QChar quote;
    for (QChar c : text) {
        if (!quote.isNull()) {
            cur += c;
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('`') || c == QLatin1Char('"'))
            quote = c;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        else if (c == separator && depth == 0) {
            parts.append(cur.trimmed());
            cur.clear();
            continue;
        }
        cur += c;
    }
    if (!cur.trimmed().isEmpty())
        parts.append(cur.trimmed());
    return parts;
}

QString SqlShape::unquoteIdentifier(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('`')) && s.endsWith(QLatin1Char('`')))
        return s.mid(1, s.size() - 2).replace(QLatin1String("``"), QLatin1String("`"));
    return s;
}

bool SqlShape::isPlainIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)$"));
    return re.match(s.trimmed()).hasMatch();
}
/// The type of an aggregate or simple expression over `in`; empty when it cannot be told.
std::pair<QString, bool> SqlShape::expressionType(const QString &expr, const FlinkRelation &in)
{
    static const QRegularExpression call(
        QStringLiteral("^\\s*([A-Za-z_]+)\\s*\\(\\s*(?:DISTINCT\\s+)?(\\*|`[^`]+`|[A-Za-z_][A-"
                       "Za-z0-9_]*)\\s*\\)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression cast(
        QStringLiteral("^\\s*(?:TRY_)?CAST\\s*\\((.*)\\s+AS\\s+([A-Za-z]+(?:\\s*\\(\\s*[0-9]+(?"
                       ":\\s*,\\s*[0-9]+)?\\s*\\))?)\\s*\\)\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = cast.match(expr); m.hasMatch()) {
        QString t = m.captured(2).toUpper().simplified();
        if (t == QLatin1String("TIMESTAMP"))
            t = QStringLiteral("TIMESTAMP(3)");
        return {t, false};
    }
    if (isPlainIdentifier(expr)) {
        if (const FlinkColumn *c = in.column(unquoteIdentifier(expr)))
            return {c->type, c->notNull};
        return {QString(), false};
    }
    const auto m = call.match(expr);
    if (!m.hasMatch())
        return {QString(), false};
    const QString fn = m.captured(1).toLower();
    const QString arg = unquoteIdentifier(m.captured(2));
    if (fn == QLatin1String("count"))
        return {QStringLiteral("BIGINT"), true};
    const FlinkColumn *c = arg == QLatin1String("*") ? nullptr : in.column(arg);
    if (!c || c->type.isEmpty())
        return {QString(), false};
    const QString t = c->type;
    static const QRegularExpression dec(QStringLiteral("^DECIMAL\\((\\d+), (\\d+)\\)$"));
    if (fn == QLatin1String("min") || fn == QLatin1String("max") ||
        fn == QLatin1String("first_value") || fn == QLatin1String("last_value"))
        return {t, false};
    // The compiler casts an average of integers to DOUBLE (FlinkSemantics::avgAsDouble).
    if (fn == QLatin1String("avg") &&
        (t == QLatin1String("INT") || t == QLatin1String("BIGINT") ||
         t == QLatin1String("SMALLINT") || t == QLatin1String("TINYINT")))
        return {QStringLiteral("DOUBLE"), false};
    if (fn == QLatin1String("sum") || fn == QLatin1String("avg")) {
        if (t == QLatin1String("INT") || t == QLatin1String("BIGINT") ||
            t == QLatin1String("DOUBLE"))
            return {t, false};
        if (const auto d = dec.match(t); d.hasMatch())
            return {fn == QLatin1String("sum")
                        ? QStringLiteral("DECIMAL(38, %1)").arg(d.captured(2))
                        : QStringLiteral("DECIMAL(38, %1)").arg(std::max(6, d.captured(2).toInt())),
                    false};
        return {QString(), false};
    }
    if (fn.startsWith(QLatin1String("stddev")) || fn.startsWith(QLatin1String("var")))
        return {t == QLatin1String("DOUBLE") ? t : QString(), false};
    return {QString(), false};
}

FlinkRelation SqlShape::analyse(const QString &query, const FlinkRelation &merged, int inputCount)
{
    FlinkRelation out;
    out.known = false;
    const QString skel = skeleton(query);
    static const QRegularExpression select(QStringLiteral("^\\s*SELECT\\s+(DISTINCT\\s+)?"));
    const auto sm = select.match(skel);
    // The FROM that ends the select list is the first one at parenthesis depth 0.
    qsizetype from = -1;
    int depth = 0;
    for (qsizetype k = 0; k < skel.size(); ++k) {
        const QChar c = skel.at(k);
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        else if (depth == 0 && skel.mid(k, 4) == QLatin1String("FROM") &&
                 (k == 0 || !skel.at(k - 1).isLetterOrNumber()) &&
                 (k + 4 >= skel.size() || !skel.at(k + 4).isLetterOrNumber())) {
            from = k;
            break;
        }
    }
    // Built once: compiling a pattern costs more than matching it on every query of a spec.
    static const QRegularExpression windowTvf(
        QStringLiteral("TABLE\\s*\\(\\s*(TUMBLE|HOP|CUMULATE|SESSION)"));
    static const QRegularExpression groupByWord(QStringLiteral("\\bGROUP\\s+BY\\b"));
    static const QRegularExpression outerJoin(
        QStringLiteral("\\b(LEFT|RIGHT|FULL)\\s+(OUTER\\s+)?JOIN\\b"));
    const bool windowed = skel.contains(windowTvf);
    const bool grouped = skel.contains(groupByWord);
    out.updating = merged.updating || (sm.hasMatch() && !sm.captured(1).isEmpty()) ||
                   (grouped && !windowed) || skel.contains(outerJoin);
    if (grouped && !windowed) {
        static const QRegularExpression groupBy(
            QStringLiteral("\\bGROUP\\s+BY\\s+(.*?)(\\bHAVING\\b|\\bORDER\\b|\\bLIMIT\\b|$)"),
            QRegularExpression::DotMatchesEverythingOption);
        const auto g = groupBy.match(skel);
        if (g.hasMatch()) {
            const qsizetype at = g.capturedStart(1);
            const QString original = query.mid(at, g.capturedLength(1));
            QStringList key;
            for (const QString &item : splitTopLevel(original)) {
                QString name = item.trimmed();
                if (name.contains(QLatin1Char('.')) && !name.startsWith(QLatin1Char('`')))
                    name = name.section(QLatin1Char('.'), -1);
                if (!isPlainIdentifier(name)) {
                    key.clear();
                    break;
                }
                key.append(unquoteIdentifier(name));
            }
            out.key = key;
        }
    }
    if (!sm.hasMatch() || from < 0)
        return out;
    const QString list = query.mid(sm.capturedEnd(0), from - sm.capturedEnd(0));
    static const QRegularExpression alias(
        QStringLiteral("^(.*?)\\s+(?:AS\\s+)?(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    out.known = true;
    QString passedRowtime;
    for (const QString &item : splitTopLevel(list)) {
        if (item == QLatin1String("*")) {
            if (!merged.known || inputCount != 1) {
                out.known = false;
                break;
            }
            for (const FlinkColumn &c : merged.columns) {
                out.columns.append(c);
                if (c.name == merged.rowtime)
                    passedRowtime = c.name;
            }
            continue;
        }
        QString expr = item, name;
        const auto am = alias.match(item);
        if (am.hasMatch() && !skeleton(am.captured(1)).trimmed().endsWith(QLatin1Char('.')) &&
            !isPlainIdentifier(item)) {
            expr = am.captured(1).trimmed();
            name = unquoteIdentifier(am.captured(2));
        } else {
            QString ref = item;
            if (ref.contains(QLatin1Char('.')) && !ref.startsWith(QLatin1Char('`')))
                ref = ref.section(QLatin1Char('.'), -1);
            if (!isPlainIdentifier(ref)) {
                out.known = false;
                break;
            }
            name = unquoteIdentifier(ref);
            expr = ref;
        }
        QString e = expr;
        if (e.contains(QLatin1Char('.')) && !e.startsWith(QLatin1Char('`')) &&
            isPlainIdentifier(e.section(QLatin1Char('.'), -1)) && !e.contains(QLatin1Char('(')))
            e = e.section(QLatin1Char('.'), -1);
        if (isPlainIdentifier(e) && merged.column(unquoteIdentifier(e))) {
            // A column passed through keeps its origin (and so can carry event time).
            FlinkColumn c = *merged.column(unquoteIdentifier(e));
            if (c.name == merged.rowtime)
                passedRowtime = name;
            c.name = name;
            out.columns.append(c);
            continue;
        }
        const auto [type, notNull] = expressionType(e, merged);
        out.columns.append(FlinkColumn{name, type, notNull, {}});
    }
    if (!out.known)
        out.columns.clear();
    // A plain projection or filter of one input keeps its event-time attribute; grouping,
    // DISTINCT and joins turn it into a regular timestamp.
    static const QRegularExpression joinWord(QStringLiteral("\\bJOIN\\b"));
    const bool joined = skel.contains(joinWord);
    if (out.known && !grouped && !joined && !(sm.hasMatch() && !sm.captured(1).isEmpty()) &&
        inputCount == 1)
        out.rowtime = passedRowtime;
    return out;
}

} // namespace uis
