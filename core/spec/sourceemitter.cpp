// SPDX-License-Identifier: Apache-2.0
#include "sourceemitter.h"

#include <QStringList>

namespace uis {

namespace {

using Style = SourceNode::Style;

QString spaces(int n)
{
    return QString(std::max(n, 0), QLatin1Char(' '));
}

/// Control characters and YAML's extra line breaks only survive escaped.
bool needsEscapes(const QString &s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n') || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029 ||
            u == 0xFEFF || (u >= 0x80 && u < 0xA0))
            return true;
    }
    return false;
}

/// Whether a string must be quoted to read back as the same string (as SpecWriter decides),
/// plus YAML 1.1 booleans, which other tools still read as such.
bool needsQuotes(const QString &t, bool flow)
{
    if (t.isEmpty() || resolvePlainScalar(t) != SourceNode::ScalarType::String)
        return true;
    static const QStringList yaml11 = {QStringLiteral("y"),   QStringLiteral("n"),
                                       QStringLiteral("yes"), QStringLiteral("no"),
                                       QStringLiteral("on"),  QStringLiteral("off")};
    if (yaml11.contains(t.toLower()))
        return true;
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (indicators.contains(t.front()) || t.front().isSpace() || t.back().isSpace())
        return true;
    if (t.contains(QLatin1String(": ")) || t.contains(QLatin1String(" #")) ||
        t.contains(QLatin1Char('\t')) || t.endsWith(QLatin1Char(':')) ||
        t.contains(QLatin1Char('\n')))
        return true;
    if (flow) {
        for (const QChar c : t) {
            if (c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}' || c == u':' ||
                c == u'#')
                return true;
        }
    }
    return false;
}

bool literalOk(const QString &s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char(' ')) || s.startsWith(QLatin1Char('\n')) ||
        s.endsWith(QLatin1String("\n\n")) || s.contains(QLatin1Char('\r')) ||
        s.contains(QLatin1Char('\t')))
        return false;
    return true;
}

bool isJsonNumber(const QString &t, bool allowFraction)
{
    qsizetype i = 0;
    if (i < t.size() && t[i] == u'-')
        ++i;
    const qsizetype digits = i;
    while (i < t.size() && t[i].isDigit())
        ++i;
    if (i == digits || (t[digits] == u'0' && i - digits > 1))
        return false;
    if (!allowFraction)
        return i == t.size();
    if (i < t.size() && t[i] == u'.') {
        const qsizetype f = ++i;
        while (i < t.size() && t[i].isDigit())
            ++i;
        if (i == f)
            return false;
    }
    if (i < t.size() && (t[i] == u'e' || t[i] == u'E')) {
        ++i;
        if (i < t.size() && (t[i] == u'+' || t[i] == u'-'))
            ++i;
        const qsizetype e = i;
        while (i < t.size() && t[i].isDigit())
            ++i;
        if (i == e)
            return false;
    }
    return i == t.size();
}

/// The text of a non-string scalar that reads back with its type.
QString typedText(const SourceNode &v)
{
    using T = SourceNode::ScalarType;
    if (resolvePlainScalar(v.text()) == v.scalarType() && !v.text().isEmpty())
        return v.text();
    switch (v.scalarType()) {
    case T::Int:
        return QString::number(v.toInt().value_or(0));
    case T::Float:
        return SourceNode::makeFloat(v.toDouble().value_or(0)).text();
    case T::Bool:
        return v.toBool().value_or(false) ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QStringLiteral("null");
    }
}

} // namespace

QString SourceEmitter::doubleQuoted(const QString &s) const
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case 0x85:
            out += QLatin1String("\\N");
            break;
        case 0x2028:
            out += QLatin1String("\\L");
            break;
        case 0x2029:
            out += QLatin1String("\\P");
            break;
        default:
            if (u < 0x20 || u == 0x7F || (u >= 0x80 && u < 0xA0))
                out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
            else if (u == 0xFEFF)
                out += QLatin1String("\\uFEFF");
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString SourceEmitter::literal(const QString &s, int indent) const
{
    QString body = s;
    QString out = QStringLiteral("|");
    if (body.endsWith(QLatin1Char('\n')))
        body.chop(1);
    else
        out += QLatin1Char('-');
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString &l : lines) {
        out += QLatin1Char('\n');
        if (!l.isEmpty())
            out += spaces(indent) + l;
    }
    return out;
}

QString SourceEmitter::yamlScalar(const SourceNode &v, bool flow, SourceNode::Style oldStyle,
                                  int indent) const
{
    if (v.isNull())
        return resolvePlainScalar(v.text()) == SourceNode::ScalarType::Null && !v.text().isEmpty()
                   ? v.text()
                   : QStringLiteral("null");
    if (!v.isScalar())
        return yamlFlow(v);
    if (v.scalarType() != SourceNode::ScalarType::String)
        return typedText(v);
    const QString &s = v.text();
    if (needsEscapes(s))
        return doubleQuoted(s);
    if (s.contains(QLatin1Char('\n')))
        return !flow && literalOk(s) ? literal(s, indent) : doubleQuoted(s);
    if (oldStyle == Style::SingleQuoted)
        return QLatin1Char('\'') + QString(s).replace(QLatin1Char('\''), QLatin1String("''")) +
               QLatin1Char('\'');
    if (oldStyle == Style::DoubleQuoted || needsQuotes(s, flow))
        return doubleQuoted(s);
    return s;
}

QString SourceEmitter::yamlKey(const QString &key, bool flow) const
{
    return needsQuotes(key, flow) || needsEscapes(key) ? doubleQuoted(key) : key;
}

QString SourceEmitter::yamlFlow(const SourceNode &v) const
{
    if (v.isMap()) {
        if (v.children().empty())
            return QStringLiteral("{}");
        QStringList parts;
        for (const SourceNode &c : v.children())
            parts << yamlKey(c.key(), true) + QLatin1String(": ") + yamlFlow(c);
        const QString pad = m_layout.flowSpaces ? QStringLiteral(" ") : QString();
        return QLatin1Char('{') + pad + parts.join(QLatin1String(", ")) + pad + QLatin1Char('}');
    }
    if (v.isList()) {
        QStringList parts;
        for (const SourceNode &c : v.children())
            parts << yamlFlow(c);
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    return yamlScalar(v, true);
}

namespace {

bool flowList(const SourceNode &v)
{
    return v.isList() && v.size() <= 8 &&
           std::all_of(v.children().begin(), v.children().end(),
                       [](const SourceNode &c) { return c.isScalar() || c.isNull(); });
}

} // namespace

bool SourceEmitter::isBlockCollection(const SourceNode &v)
{
    return (v.isMap() || v.isList()) && !v.children().empty() && !flowList(v);
}

QString SourceEmitter::yamlBlock(const SourceNode &v, int indent, const QString &key) const
{
    if (!isBlockCollection(v))
        return v.isScalar() || v.isNull() ? yamlScalar(v, false, Style::Any, indent) : yamlFlow(v);
    QString out;
    bool first = true;
    for (const SourceNode &c : v.children()) {
        if (!first)
            out += QLatin1Char('\n') + spaces(indent);
        first = false;
        if (v.isMap()) {
            out += yamlEntry(c.key(), c, indent);
        } else if (key == QLatin1String("schema") && c.isMap()) {
            out += QLatin1String("- ") + yamlFlow(c);
        } else {
            out += QLatin1String("- ") + yamlBlock(c, indent + 2);
        }
    }
    return out;
}

QString SourceEmitter::yamlEntry(const QString &key, const SourceNode &value, int indent) const
{
    const QString k = yamlKey(key, false) + QLatin1Char(':');
    if (isBlockCollection(value)) {
        const int inner = indent + m_layout.step;
        return k + QLatin1Char('\n') + spaces(inner) + yamlBlock(value, inner, key);
    }
    return k + QLatin1Char(' ') + yamlBlock(value, indent + m_layout.step, key);
}

QString SourceEmitter::jsonString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"')
            out += QLatin1String("\\\"");
        else if (u == u'\\')
            out += QLatin1String("\\\\");
        else if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\t')
            out += QLatin1String("\\t");
        else if (u == u'\r')
            out += QLatin1String("\\r");
        else if (u < 0x20)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString SourceEmitter::json(const SourceNode &v, int indent, bool multiline) const
{
    using T = SourceNode::ScalarType;
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isScalar()) {
        switch (v.scalarType()) {
        case T::String:
            return jsonString(v.text());
        case T::Int:
            return isJsonNumber(v.text(), false) ? v.text()
                                                 : QString::number(v.toInt().value_or(0));
        case T::Float: {
            if (isJsonNumber(v.text(), true) && v.text().contains(QLatin1Char('.')))
                return v.text();
            const QString t = SourceNode::makeFloat(v.toDouble().value_or(0)).text();
            return isJsonNumber(t, true) ? t : QStringLiteral("null");
        }
        case T::Bool:
            return v.toBool().value_or(false) ? QStringLiteral("true") : QStringLiteral("false");
        case T::Null:
            return QStringLiteral("null");
        }
    }
    const bool map = v.isMap();
    if (v.children().empty())
        return map ? QStringLiteral("{}") : QStringLiteral("[]");
    QStringList parts;
    for (const SourceNode &c : v.children()) {
        const QString value = json(c, indent + m_layout.step, multiline);
        parts << (map ? jsonString(c.key()) + QLatin1String(": ") + value : value);
    }
    const QChar open = map ? u'{' : u'[';
    const QChar close = map ? u'}' : u']';
    if (!multiline)
        return open + parts.join(QLatin1String(", ")) + close;
    const QString in = spaces(indent + m_layout.step);
    return open + QLatin1Char('\n') + in + parts.join(QLatin1String(",\n") + in) +
           QLatin1Char('\n') + spaces(indent) + close;
}

} // namespace uis
