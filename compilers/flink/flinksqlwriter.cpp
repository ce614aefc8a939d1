// SPDX-License-Identifier: Apache-2.0
#include "flinksqlwriter.h"

#include <algorithm>

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

void FlinkSqlWriter::appendIdentifier(QString &out, const QString &name)
{
    appendQuoted(out, name, u'`');
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
    if (!text.isEmpty() && !text.contains(u'\n') && !text.contains(u'\r')) {
        m_text += QLatin1String("-- ");
        line(text); // one line, the common case: no split
        return;
    }
    for (const QString &part : text.split(QLatin1Char('\n'))) {
        QString l = part;
        l.remove(QLatin1Char('\r'));
        m_text += l.isEmpty() ? QLatin1String("--") : QLatin1String("-- ");
        line(l);
    }
}

void FlinkSqlWriter::line(QStringView text)
{
    m_text += text;
    m_text += QLatin1Char('\n');
}

void FlinkSqlWriter::blank()
{
    if (!m_keepText)
        return;
    line(QStringView());
}

void FlinkSqlWriter::set(const QString &key, const QString &value)
{
    if (!m_keepText)
        return;
    m_text += QLatin1String("SET ");
    appendQuoted(m_text, key, u'\'');
    m_text += QLatin1String(" = ");
    appendQuoted(m_text, value, u'\'');
    line(u";");
}

void FlinkSqlWriter::statement(const QString &sql)
{
    if (!m_keepText)
        return;
    m_text += sql;
    line(u";");
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

qsizetype FlinkSqlWriter::textSize() const
{
    // Trailing empty lines are left out. No line but an empty one ends with a line break
    // (comments are split at them, statements end with `;`), so they are the trailing breaks.
    qsizetype n = m_text.size();
    while (n >= 2 && m_text.at(n - 1) == u'\n' && m_text.at(n - 2) == u'\n')
        --n;
    return n == 1 && m_text.at(0) == u'\n' ? 0 : n; // 0: only empty lines
}

QString FlinkSqlWriter::text() const
{
    const qsizetype n = textSize();
    return n == 0 ? QStringLiteral("\n") : m_text.left(n);
}

void FlinkSqlWriter::appendTo(QString &out) const
{
    out += textView();
}

QStringView FlinkSqlWriter::textView() const
{
    const qsizetype n = textSize();
    return n == 0 ? QStringView(u"\n") : QStringView(m_text.constData(), n);
}

bool FlinkSqlWriter::isBlank() const
{
    const QStringView t(m_text.constData(), textSize());
    return std::all_of(t.begin(), t.end(), [](QChar c) { return c.isSpace(); });
}

} // namespace uis
