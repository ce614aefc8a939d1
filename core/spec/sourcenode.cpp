// SPDX-License-Identifier: Apache-2.0
#include "sourcenode.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace uis {

SourceNode SourceNode::makeNull()
{
    return SourceNode();
}

SourceNode SourceNode::makeString(const QString &text)
{
    return makeScalar(text, ScalarType::String);
}

SourceNode SourceNode::makeInt(qint64 v)
{
    return makeScalar(QString::number(v), ScalarType::Int);
}

SourceNode SourceNode::makeFloat(double v)
{
    QString t = QString::number(v, 'g', 17);
    // Shortest text that reads back to the same double keeps files tidy.
    for (int prec = 1; prec <= 17; ++prec) {
        const QString c = QString::number(v, 'g', prec);
        if (c.toDouble() == v) {
            t = c;
            break;
        }
    }
    if (!t.contains(QLatin1Char('.')) && !t.contains(QLatin1Char('e')) && std::isfinite(v))
        t += QStringLiteral(".0");
    return makeScalar(t, ScalarType::Float);
}

SourceNode SourceNode::makeBool(bool v)
{
    return makeScalar(v ? QStringLiteral("true") : QStringLiteral("false"), ScalarType::Bool);
}

SourceNode SourceNode::makeScalar(const QString &text, ScalarType type)
{
    SourceNode n;
    if (type == ScalarType::Null) {
        n.m_kind = Kind::Null;
        n.m_scalarType = ScalarType::Null;
        n.m_text = text;
        return n;
    }
    n.m_kind = Kind::Scalar;
    n.m_scalarType = type;
    n.m_text = text;
    return n;
}

SourceNode SourceNode::makeMap()
{
    SourceNode n;
    n.m_kind = Kind::Map;
    return n;
}

SourceNode SourceNode::makeList()
{
    SourceNode n;
    n.m_kind = Kind::List;
    return n;
}

QString SourceNode::typeName() const
{
    switch (m_kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Map:
        return QStringLiteral("object");
    case Kind::List:
        return QStringLiteral("array");
    case Kind::Scalar:
        break;
    }
    switch (m_scalarType) {
    case ScalarType::String:
        return QStringLiteral("string");
    case ScalarType::Int:
        return QStringLiteral("integer");
    case ScalarType::Float:
        return QStringLiteral("number");
    case ScalarType::Bool:
        return QStringLiteral("boolean");
    case ScalarType::Null:
        return QStringLiteral("null");
    }
    return QStringLiteral("string");
}

std::optional<qint64> SourceNode::toInt() const
{
    if (m_kind != Kind::Scalar || m_scalarType != ScalarType::Int)
        return std::nullopt;
    bool ok = false;
    qint64 v = m_text.toLongLong(&ok, 0);
    if (!ok && m_text.startsWith(QLatin1String("0o")))
        v = m_text.mid(2).toLongLong(&ok, 8);
    if (!ok && m_text.startsWith(QLatin1Char('+')))
        v = m_text.mid(1).toLongLong(&ok, 10);
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<double> SourceNode::toDouble() const
{
    if (m_kind != Kind::Scalar)
        return std::nullopt;
    if (m_scalarType == ScalarType::Int) {
        if (auto i = toInt())
            return double(*i);
        return std::nullopt;
    }
    if (m_scalarType != ScalarType::Float)
        return std::nullopt;
    const QString t = m_text.toLower();
    if (t == QLatin1String(".inf") || t == QLatin1String("+.inf"))
        return HUGE_VAL;
    if (t == QLatin1String("-.inf"))
        return -HUGE_VAL;
    if (t == QLatin1String(".nan"))
        return std::nan("");
    bool ok = false;
    const double v = m_text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<bool> SourceNode::toBool() const
{
    if (m_kind != Kind::Scalar || m_scalarType != ScalarType::Bool)
        return std::nullopt;
    return m_text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

const SourceNode *SourceNode::find(QStringView key) const
{
    if (m_kind != Kind::Map)
        return nullptr;
    for (const SourceNode &c : m_children) {
        if (c.m_key == key)
            return &c;
    }
    return nullptr;
}

SourceNode *SourceNode::find(QStringView key)
{
    return const_cast<SourceNode *>(std::as_const(*this).find(key));
}

SourceNode &SourceNode::append(SourceNode child)
{
    m_children.push_back(std::move(child));
    return m_children.back();
}

SourceNode &SourceNode::insert(const QString &key, SourceNode child, SourcePos keyPos)
{
    child.m_key = key;
    child.m_keyPos = keyPos;
    if (SourceNode *existing = find(key)) {
        *existing = std::move(child);
        return *existing;
    }
    m_children.push_back(std::move(child));
    return m_children.back();
}

SourceNode &SourceNode::appendEntry(const QString &key, SourceNode child, SourcePos keyPos)
{
    child.m_key = key;
    child.m_keyPos = keyPos;
    m_children.push_back(std::move(child));
    return m_children.back();
}

bool SourceNode::remove(QStringView key)
{
    for (auto it = m_children.begin(); it != m_children.end(); ++it) {
        if (it->m_key == key) {
            m_children.erase(it);
            return true;
        }
    }
    return false;
}

const SourceNode *SourceNode::at(QStringView pointer) const
{
    const SourceNode *n = this;
    if (pointer.isEmpty())
        return n;
    const QStringList tokens = splitPointer(pointer);
    for (const QString &t : tokens) {
        if (n->isMap()) {
            n = n->find(t);
        } else if (n->isList()) {
            bool ok = false;
            const int i = t.toInt(&ok);
            if (!ok || i < 0 || i >= n->size())
                return nullptr;
            n = &n->m_children[size_t(i)];
        } else {
            return nullptr;
        }
        if (!n)
            return nullptr;
    }
    return n;
}

SourceNode *SourceNode::at(QStringView pointer)
{
    return const_cast<SourceNode *>(std::as_const(*this).at(pointer));
}

bool SourceNode::operator==(const SourceNode &o) const
{
    if (m_kind != o.m_kind || m_key != o.m_key)
        return false;
    if (m_kind == Kind::Scalar) {
        if (m_scalarType != o.m_scalarType)
            return false;
        if (m_scalarType == ScalarType::Float)
            return toDouble() == o.toDouble();
        if (m_scalarType == ScalarType::Int)
            return toInt() == o.toInt();
        if (m_scalarType == ScalarType::Bool)
            return toBool() == o.toBool();
        return m_text == o.m_text;
    }
    return m_children == o.m_children;
}

QString escapePointerToken(QStringView token)
{
    // Most keys need no escaping; skip the two replace() passes for them.
    if (!token.contains(u'~') && !token.contains(u'/'))
        return token.toString();
    QString s = token.toString();
    s.replace(QLatin1Char('~'), QLatin1String("~0"));
    s.replace(QLatin1Char('/'), QLatin1String("~1"));
    return s;
}

QString pointerAppend(const QString &base, QStringView token)
{
    if (token.contains(u'~') || token.contains(u'/'))
        return base + QLatin1Char('/') + escapePointerToken(token);
    // Every node the validator visits gets a pointer: one allocation, no appends.
    QString out(base.size() + 1 + token.size(), Qt::Uninitialized);
    QChar *d = out.data();
    std::copy(base.cbegin(), base.cend(), d);
    d[base.size()] = u'/';
    std::copy(token.begin(), token.end(), d + base.size() + 1);
    return out;
}

QString pointerAppend(const QString &base, int index)
{
    // Digits by hand: QString::number goes through the locale machinery.
    char16_t digits[12];
    int n = 0;
    unsigned v = index < 0 ? 0u - unsigned(index) : unsigned(index);
    do {
        digits[n++] = char16_t(u'0' + v % 10);
        v /= 10;
    } while (v);
    if (index < 0)
        digits[n++] = u'-';
    QString out(base.size() + 1 + n, Qt::Uninitialized);
    QChar *d = out.data();
    std::copy(base.cbegin(), base.cend(), d);
    d += base.size();
    *d++ = u'/';
    while (n)
        *d++ = digits[--n];
    return out;
}

QString parentPointer(const QString &pointer)
{
    const qsizetype i = pointer.lastIndexOf(QLatin1Char('/'));
    return i <= 0 ? QString() : pointer.left(i);
}

QStringList splitPointer(QStringView pointer)
{
    QStringList out;
    if (pointer.isEmpty())
        return out;
    const auto parts = pointer.mid(1).split(QLatin1Char('/'));
    for (const QStringView p : parts) {
        QString s = p.toString();
        s.replace(QLatin1String("~1"), QLatin1String("/"));
        s.replace(QLatin1String("~0"), QLatin1String("~"));
        out.append(s);
    }
    return out;
}

SourceNode::ScalarType resolvePlainScalar(QStringView t)
{
    using T = SourceNode::ScalarType;
    if (t.isEmpty())
        return T::Null;
    const QChar c0 = t.front();
    // The null and bool words are short and start with one of these: most scalars skip the
    // eleven comparisons.
    if (t.size() <= 5 && QStringView(u"~nNtTfF").contains(c0)) {
        if (t == u"~" || t == u"null" || t == u"Null" || t == u"NULL")
            return T::Null;
        if (t == u"true" || t == u"True" || t == u"TRUE" || t == u"false" || t == u"False" ||
            t == u"FALSE")
            return T::Bool;
    }
    if (!(c0.isDigit() || c0 == u'-' || c0 == u'+' || c0 == u'.'))
        return T::String;
    // Hand-rolled rather than a regex: this runs for every plain scalar of large files.
    if (t.startsWith(u"0o") || t.startsWith(u"0x")) {
        const bool hex = t.at(1) == u'x';
        if (t.size() == 2)
            return T::String;
        for (qsizetype i = 2; i < t.size(); ++i) {
            const QChar c = t.at(i);
            const bool ok = hex ? (c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f'))
                                : (c >= u'0' && c <= u'7');
            if (!ok)
                return T::String;
        }
        return T::Int;
    }
    QStringView r = t;
    if (r.front() == u'-' || r.front() == u'+')
        r = r.mid(1);
    if (r == u".inf" || r == u".Inf" || r == u".INF")
        return T::Float;
    if (t == u".nan" || t == u".NaN" || t == u".NAN")
        return T::Float;
    qsizetype i = 0;
    qsizetype intDigits = 0, fracDigits = 0;
    while (i < r.size() && r.at(i).isDigit()) {
        ++i;
        ++intDigits;
    }
    bool isFloat = false;
    if (i < r.size() && r.at(i) == u'.') {
        isFloat = true;
        ++i;
        while (i < r.size() && r.at(i).isDigit()) {
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits == 0 && fracDigits == 0)
        return T::String;
    if (i < r.size() && (r.at(i) == u'e' || r.at(i) == u'E')) {
        isFloat = true;
        ++i;
        if (i < r.size() && (r.at(i) == u'-' || r.at(i) == u'+'))
            ++i;
        qsizetype expDigits = 0;
        while (i < r.size() && r.at(i).isDigit()) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return T::String;
    }
    if (i != r.size())
        return T::String;
    return isFloat ? T::Float : T::Int;
}

} // namespace uis
