// SPDX-License-Identifier: Apache-2.0
#include "flinksqlwriter.h"

namespace uis {

namespace {

/// Appends `text` between two `q`s, a `q` inside doubled. The script quotes every name and
/// option of a large spec: appending in place saves a string per quote.
void appendQuoted(QString &out, const QString &text, QChar q)
{
    out += q;
    if (text.contains(q)) {
        for (const QChar c : text) {
            if (c == q)
                out += q;
            out += c;
        }
    } else {
        out += text;
    }
    out += q;
}

QString quoted(const QString &text, QChar q)
{
    QString out;
    out.reserve(text.size() + 2);
    appendQuoted(out, text, q);
    return out;
}

} // namespace

QString FlinkSqlWriter::identifier(const QString &name)
{
    return quoted(name, u'`');
}

QString FlinkSqlWriter::path(const QStringList &parts)
{
    QStringList q;
    for (const QString &p : parts)
        q.append(identifier(p));
    return q.join(QLatin1Char('.'));
}

QString FlinkSqlWriter::literal(const QString &text)
{
    return quoted(text, u'\'');
}

QString FlinkSqlWriter::interval(qint64 ms)
{
    if (ms != 0 && ms % 86400000 == 0)
        return QStringLiteral("INTERVAL '%1' DAY").arg(ms / 86400000);
    if (ms != 0 && ms % 3600000 == 0)
        return QStringLiteral("INTERVAL '%1' HOUR").arg(ms / 3600000);
    if (ms != 0 && ms % 60000 == 0)
        return QStringLiteral("INTERVAL '%1' MINUTE").arg(ms / 60000);
    if (ms % 1000 == 0)
        return QStringLiteral("INTERVAL '%1' SECOND").arg(ms / 1000);
    return QStringLiteral("INTERVAL '%1.%2' SECOND")
        .arg(ms / 1000)
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString FlinkSqlWriter::option(const QString &key, const QString &value)
{
    QString out = literal(key);
    out += QLatin1String(" = ");
    out += literal(value);
    return out;
}

void FlinkSqlWriter::comment(const QString &text)
{
    if (!m_keepText)
        return;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString l = line;
        l.remove(QLatin1Char('\r'));
        m_lines.append(l.isEmpty() ? QStringLiteral("--") : QStringLiteral("-- ") + l);
    }
}

void FlinkSqlWriter::blank()
{
    if (!m_keepText)
        return;
    m_lines.append(QString());
}

void FlinkSqlWriter::set(const QString &key, const QString &value)
{
    if (!m_keepText)
        return;
    m_lines.append(QStringLiteral("SET ") + option(key, value) + QLatin1Char(';'));
}

void FlinkSqlWriter::statement(const QString &sql)
{
    if (!m_keepText)
        return;
    m_lines.append(sql + QLatin1Char(';'));
}

QString FlinkSqlWriter::withClause(const QList<QPair<QString, QString>> &options)
{
    qsizetype size = 10;
    for (const auto &[key, value] : options)
        size += key.size() + value.size() + 12;
    QString out;
    out.reserve(size);
    out += QLatin1String("WITH (\n");
    for (qsizetype i = 0; i < options.size(); ++i) {
        out += QLatin1String(i == 0 ? "  " : ",\n  ");
        appendQuoted(out, options.at(i).first, u'\'');
        out += QLatin1String(" = ");
        appendQuoted(out, options.at(i).second, u'\'');
    }
    out += QLatin1String("\n)");
    return out;
}

QString FlinkSqlWriter::text() const
{
    QStringList lines = m_lines;
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace uis
