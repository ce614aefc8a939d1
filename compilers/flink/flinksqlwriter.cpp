// SPDX-License-Identifier: Apache-2.0
#include "flinksqlwriter.h"

namespace uis {

QString FlinkSqlWriter::identifier(const QString &name)
{
    QString out = name;
    out.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + out + QLatin1Char('`');
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
    QString out = text;
    out.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
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
    return literal(key) + QStringLiteral(" = ") + literal(value);
}

void FlinkSqlWriter::comment(const QString &text)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString l = line;
        l.remove(QLatin1Char('\r'));
        m_lines.append(l.isEmpty() ? QStringLiteral("--") : QStringLiteral("-- ") + l);
    }
}

void FlinkSqlWriter::blank()
{
    m_lines.append(QString());
}

void FlinkSqlWriter::set(const QString &key, const QString &value)
{
    m_lines.append(QStringLiteral("SET ") + option(key, value) + QLatin1Char(';'));
}

void FlinkSqlWriter::statement(const QString &sql)
{
    m_lines.append(sql + QLatin1Char(';'));
}

QString FlinkSqlWriter::withClause(const QList<QPair<QString, QString>> &options)
{
    QStringList lines;
    for (const auto &kv : options)
        lines.append(QStringLiteral("  ") + option(kv.first, kv.second));
    return QStringLiteral("WITH (\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n)");
}

QString FlinkSqlWriter::text() const
{
    QStringList lines = m_lines;
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace uis
