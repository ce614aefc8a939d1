// SPDX-License-Identifier: Apache-2.0
#include "schemainferrer.h"

#include "temporaltext.h"

#include <QVariant>

#include <algorithm>
#include <cstring>
#include <limits>

namespace uis {

namespace {

// A plain decimal number written as text: `-12.50`, digits on both sides of one point.
bool decimalText(QStringView s, int *intDigits, int *scale)
{
    qsizetype i = 0;
    if (i < s.size() && s[i] == u'-')
        ++i;
    const qsizetype intStart = i;
    while (i < s.size() && s[i] >= u'0' && s[i] <= u'9')
        ++i;
    const qsizetype ints = i - intStart;
    if (ints == 0 || i >= s.size() || s[i] != u'.')
        return false;
    const qsizetype fracStart = ++i;
    while (i < s.size() && s[i] >= u'0' && s[i] <= u'9')
        ++i;
    if (i != s.size() || i == fracStart)
        return false;
    // Leading zeros do not count as digits (`0.5` has one integer digit, like DECIMAL(1,1)+).
    qsizetype significant = ints;
    for (qsizetype k = intStart; k < intStart + ints - 1 && s[k] == u'0'; ++k)
        --significant;
    *intDigits = int(significant);
    *scale = int(i - fracStart);
    return true;
}

} // namespace

int SchemaInferrer::child(int parent, const QString &key)
{
    if (m_columns.empty())
        m_columns.emplace_back();
    const auto found = m_columns[size_t(parent)].children.constFind(key);
    if (found != m_columns[size_t(parent)].children.cend())
        return *found;
    Column c;
    c.path = parent == 0 ? key : m_columns[size_t(parent)].path + QLatin1Char('.') + key;
    c.parent = parent;
    c.timeName = TemporalText::isTimeName(key);
    const int index = int(m_columns.size());
    m_columns[size_t(parent)].children.insert(key, index);
    m_columns[size_t(parent)].hasChildren = true;
    m_columns.push_back(std::move(c));
    return index;
}

void SchemaInferrer::addRecords(const QJsonArray &records)
{
    for (const QJsonValue &r : records)
        addRecord(r);
}

void SchemaInferrer::addRecord(const QJsonValue &record)
{
    if (m_columns.empty())
        m_columns.emplace_back();
    ++m_records;
    if (record.isObject())
        addObject(0, record.toObject());
    else
        addValue(child(0, QStringLiteral("value")), record);
}

void SchemaInferrer::addObject(int column, const QJsonObject &o)
{
    for (auto it = o.begin(), end = o.end(); it != end; ++it)
        addValue(child(column, it.key()), it.value());
}

void SchemaInferrer::addValue(int index, const QJsonValue &v)
{
    Column &c = m_columns[size_t(index)];
    ++c.present;
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        ++c.nulls;
        return;
    case QJsonValue::Bool:
        c.kinds |= Bool;
        return;
    case QJsonValue::Double: {
        // Qt keeps integers that fit 64 bits as integers; `1.0` and `1e3` stay doubles.
        const QVariant n = v.toVariant();
        if (n.typeId() != QMetaType::LongLong) {
            c.kinds |= Double;
            return;
        }
        noteInteger(c, n.toLongLong());
        return;
    }
    case QJsonValue::String: {
        noteString(c, v.toString());
        return;
    }
    case QJsonValue::Array:
        c.kinds |= Array;
        return;
    case QJsonValue::Object:
        c.kinds |= Object;
        addObject(index, v.toObject());
        return;
    }
}

void SchemaInferrer::noteRawText(const QByteArray &json)
{
    m_fractionKeys.unite(keysWithFractions(json));
}

QSet<QString> SchemaInferrer::keysWithFractions(const QByteArray &json)
{
    // One pass: a string followed by `:` is a key; a number after it with `.`, `e` or `E` is a
    // fraction. Escapes inside strings are skipped over, not decoded (keys are compared raw).
    QSet<QString> out;
    const char *p = json.constData();
    const char *end = p + json.size();
    while (p < end) {
        if (*p != '"') {
            ++p;
            continue;
        }
        const char *start = ++p;
        while (p < end && *p != '"') {
            if (*p == '\\')
                ++p;
            ++p;
        }
        const char *stop = p;
        if (p < end)
            ++p;
        const char *q = p;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
            ++q;
        if (q >= end || *q != ':')
            continue;
        ++q;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
            ++q;
        if (q >= end || (*q != '-' && (*q < '0' || *q > '9')))
            continue;
        bool fraction = false;
        while (q < end && (*q == '-' || *q == '+' || *q == '.' || *q == 'e' || *q == 'E' ||
                           (*q >= '0' && *q <= '9'))) {
            fraction = fraction || *q == '.' || *q == 'e' || *q == 'E';
            ++q;
        }
        if (fraction)
            out.insert(QString::fromUtf8(start, stop - start));
        p = q;
    }
    return out;
}

QString SchemaInferrer::keyOf(const Column &c) const
{
    return c.parent > 0 ? c.path.mid(m_columns[size_t(c.parent)].path.size() + 1) : c.path;
}

void SchemaInferrer::noteInteger(Column &c, qint64 i)
{
    if (c.timeName && TemporalText::isEpochMillisRange(i))
        c.kinds |= EpochNumber;
    else if (i >= std::numeric_limits<qint32>::min() && i <= std::numeric_limits<qint32>::max())
        c.kinds |= Int;
    else
        c.kinds |= Long;
}

void SchemaInferrer::noteString(Column &c, QStringView s)
{
    int intDigits = 0, scale = 0;
    if (TemporalText::isTimestamp(s)) {
        c.kinds |= Timestamp;
    } else if (TemporalText::isDate(s)) {
        c.kinds |= Date;
    } else if (c.timeName && TemporalText::isEpochMillisText(s)) {
        c.kinds |= EpochText;
    } else if (decimalText(s, &intDigits, &scale)) {
        c.kinds |= DecimalText;
        c.decimalIntDigits = std::max(c.decimalIntDigits, intDigits);
        c.decimalScale = std::max(c.decimalScale, scale);
    } else {
        c.kinds |= Text;
    }
}

int SchemaInferrer::childUtf8(int parent, const std::string &key)
{
    auto &index = m_columns[size_t(parent)].childrenUtf8;
    if (const auto found = index.find(key); found != index.end())
        return found->second;
    const int column = child(parent, QString::fromUtf8(key.data(), qsizetype(key.size())));
    m_columns[size_t(parent)].childrenUtf8.emplace(key, column);
    return column;
}

// Inference events (nlohmann's SAX interface, fed by JsonScan below) drive the columns directly: no
// document is built, numbers keep their written kind and keys their order.
class JsonTextReader
{
public:
    using Inferrer = SchemaInferrer;
    JsonTextReader(SchemaInferrer &s, int recordDepth, qint64 maxRecords)
        : m_s(s), m_recordDepth(recordDepth), m_max(maxRecords)
    {
    }
    bool full() const { return m_max >= 0 && m_s.m_records >= m_max; }
    // No more records start once the bound is reached; the one being read is finished.
    bool closed() const { return m_depth == m_recordDepth && full(); }

    // A scalar or container starts at the current position: which column does it belong to?
    int target()
    {
        if (m_depth == m_recordDepth) {
            ++m_s.m_records;
            m_atRecord = true;
            return -1;
        }
        return m_key;
    }
    SchemaInferrer::Column *scalarColumn()
    {
        if (m_skip || m_depth < m_recordDepth || closed())
            return nullptr;
        int column = target();
        if (column < 0)
            column = m_s.child(0, QStringLiteral("value"));
        SchemaInferrer::Column &c = m_s.m_columns[size_t(column)];
        if (m_depth == m_recordDepth)
            ++c.present;
        return &c;
    }

    bool null()
    {
        if (auto *c = scalarColumn())
            ++c->nulls;
        return true;
    }
    bool boolean(bool)
    {
        if (auto *c = scalarColumn())
            c->kinds |= SchemaInferrer::Bool;
        return true;
    }
    bool number_integer(std::int64_t v)
    {
        if (auto *c = scalarColumn())
            m_s.noteInteger(*c, v);
        return true;
    }
    bool number_unsigned(std::uint64_t v)
    {
        if (auto *c = scalarColumn()) {
            if (v > std::uint64_t(std::numeric_limits<qint64>::max()))
                c->kinds |= SchemaInferrer::Double;
            else
                m_s.noteInteger(*c, qint64(v));
        }
        return true;
    }
    bool number_float(double, const std::string &)
    {
        if (auto *c = scalarColumn())
            c->kinds |= SchemaInferrer::Double;
        return true;
    }
    bool string(std::string &v)
    {
        if (auto *c = scalarColumn())
            m_s.noteString(*c, QString::fromUtf8(v.data(), qsizetype(v.size())));
        return true;
    }
    bool binary(std::vector<std::uint8_t> &) { return true; }
    bool start_object(std::size_t)
    {
        if (!m_skip && m_depth >= m_recordDepth && !closed()) {
            const int column = target();
            if (column >= 0) {
                m_s.m_columns[size_t(column)].kinds |= SchemaInferrer::Object;
                m_stack.push_back(column);
            } else {
                m_stack.push_back(0);
            }
        } else if (m_skip || closed()) {
            ++m_skip;
        }
        ++m_depth;
        return true;
    }
    bool key(std::string &k)
    {
        if (!m_skip && !m_stack.empty()) {
            m_key = m_s.childUtf8(m_stack.back(), k);
            ++m_s.m_columns[size_t(m_key)].present;
        }
        return true;
    }
    bool end_object()
    {
        --m_depth;
        if (m_skip)
            --m_skip;
        else if (!m_stack.empty() && m_depth >= m_recordDepth)
            m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t)
    {
        if (m_depth < m_recordDepth) { // the document's array of records
            ++m_depth;
            return true;
        }
        if (!m_skip && !closed()) {
            int column = target();
            if (column < 0)
                column = m_s.child(0, QStringLiteral("value"));
            m_s.m_columns[size_t(column)].kinds |= SchemaInferrer::Array;
            if (m_depth == m_recordDepth)
                ++m_s.m_columns[size_t(column)].present;
        }
        ++m_skip; // arrays inside a record are one json column: their items are not read
        ++m_depth;
        return true;
    }
    bool end_array()
    {
        --m_depth;
        if (m_skip)
            --m_skip;
        return true;
    }

    QString m_error;

private:
    SchemaInferrer &m_s;
    int m_recordDepth;
    qint64 m_max;
    int m_depth = 0;
    int m_skip = 0;
    int m_key = 0;
    bool m_atRecord = false;
    std::vector<int> m_stack;
};

// A JSON scanner made for inference: it feeds JsonTextReader the events nlohmann's SAX parser
// would, at several times its speed (no std::string per value, no exceptions). Strict enough to
// reject malformed text with a position.
class JsonScan
{
public:
    JsonScan(const char *begin, const char *end) : m_begin(begin), m_p(begin), m_end(end) {}

    bool document(JsonTextReader &r)
    {
        ws();
        if (!value(r, 0))
            return false;
        ws();
        return m_p == m_end || fail("text after the value");
    }
    QString error() const { return m_error; }

private:
    bool fail(const char *what)
    {
        if (m_error.isEmpty())
            m_error =
                QStringLiteral("byte %1: %2").arg(m_p - m_begin + 1).arg(QString::fromLatin1(what));
        return false;
    }
    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool literal(const char *word, size_t n)
    {
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return fail("unexpected character");
        m_p += n;
        return true;
    }
    static void utf8(std::string &out, uint cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    bool hex4(uint *out)
    {
        if (m_end - m_p < 4)
            return fail("short \\u escape");
        uint v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_p++;
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= uint(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= uint(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= uint(c - 'A' + 10);
            else
                return fail("bad \\u escape");
        }
        *out = v;
        return true;
    }
    // At the opening quote; leaves the decoded text in m_text.
    bool string()
    {
        ++m_p;
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\')
            ++m_p;
        m_text.assign(start, size_t(m_p - start));
        while (m_p < m_end && *m_p == '\\') {
            ++m_p;
            if (m_p >= m_end)
                return fail("unterminated string");
            const char e = *m_p++;
            switch (e) {
            case '"':
                m_text += '"';
                break;
            case '\\':
                m_text += '\\';
                break;
            case '/':
                m_text += '/';
                break;
            case 'b':
                m_text += '\b';
                break;
            case 'f':
                m_text += '\f';
                break;
            case 'n':
                m_text += '\n';
                break;
            case 'r':
                m_text += '\r';
                break;
            case 't':
                m_text += '\t';
                break;
            case 'u': {
                uint cp = 0;
                if (!hex4(&cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_end - m_p >= 6 && m_p[0] == '\\' &&
                    m_p[1] == 'u') {
                    m_p += 2;
                    uint low = 0;
                    if (!hex4(&low))
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                utf8(m_text, cp);
                break;
            }
            default:
                return fail("bad escape");
            }
            start = m_p;
            while (m_p < m_end && *m_p != '"' && *m_p != '\\')
                ++m_p;
            m_text.append(start, size_t(m_p - start));
        }
        if (m_p >= m_end)
            return fail("unterminated string");
        ++m_p;
        return true;
    }
    bool number(JsonTextReader &r)
    {
        const char *start = m_p;
        bool negative = false, fraction = false;
        if (*m_p == '-') {
            negative = true;
            ++m_p;
        }
        std::uint64_t v = 0;
        bool overflow = false;
        const char *digits = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            const std::uint64_t d = std::uint64_t(*m_p - '0');
            if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
                overflow = true;
            v = v * 10 + d;
            ++m_p;
        }
        if (m_p == digits)
            return fail("bad number");
        while (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E' || *m_p == '+' ||
                               *m_p == '-' || (*m_p >= '0' && *m_p <= '9'))) {
            fraction = true;
            ++m_p;
        }
        if (fraction || overflow) {
            static const std::string none;
            return r.number_float(0.0, none);
        }
        if (negative) {
            if (v > std::uint64_t(std::numeric_limits<qint64>::max()) + 1)
                return r.number_float(0.0, std::string());
            return r.number_integer(v == std::uint64_t(std::numeric_limits<qint64>::max()) + 1
                                        ? std::numeric_limits<qint64>::min()
                                        : -qint64(v));
        }
        Q_UNUSED(start);
        return r.number_unsigned(v);
    }
    bool value(JsonTextReader &r, int depth)
    {
        if (depth > 512)
            return fail("nested too deeply");
        if (m_p >= m_end)
            return fail("unexpected end");
        switch (*m_p) {
        case '{': {
            ++m_p;
            r.start_object(0);
            ws();
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                return r.end_object();
            }
            while (true) {
                ws();
                if (m_p >= m_end || *m_p != '"')
                    return fail("expected a key");
                if (!string())
                    return false;
                r.key(m_text);
                ws();
                if (m_p >= m_end || *m_p != ':')
                    return fail("expected ':'");
                ++m_p;
                ws();
                if (!value(r, depth + 1))
                    return false;
                ws();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_end && *m_p == '}') {
                    ++m_p;
                    return r.end_object();
                }
                return fail("expected ',' or '}'");
            }
        }
        case '[': {
            ++m_p;
            r.start_array(0);
            ws();
            if (m_p < m_end && *m_p == ']') {
                ++m_p;
                return r.end_array();
            }
            while (true) {
                ws();
                if (!value(r, depth + 1))
                    return false;
                ws();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_end && *m_p == ']') {
                    ++m_p;
                    return r.end_array();
                }
                return fail("expected ',' or ']'");
            }
        }
        case '"':
            if (!string())
                return false;
            return r.string(m_text);
        case 't':
            return literal("true", 4) && r.boolean(true);
        case 'f':
            return literal("false", 5) && r.boolean(false);
        case 'n':
            return literal("null", 4) && r.null();
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return number(r);
            return fail("unexpected character");
        }
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::string m_text;
    QString m_error;
};

bool SchemaInferrer::addJsonText(const QByteArray &text, bool lines, qint64 maxRecords,
                                 QString *error)
{
    if (m_columns.empty())
        m_columns.emplace_back();
    const char *p = text.constData();
    const char *end = p + text.size();
    if (!lines) {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
        JsonTextReader reader(*this, p < end && *p == '[' ? 1 : 0, maxRecords);
        JsonScan scan(p, end);
        if (!scan.document(reader)) {
            if (error)
                *error = scan.error();
            return false;
        }
        return true;
    }
    JsonTextReader reader(*this, 0, maxRecords);
    int lineNo = 0;
    while (p < end && !reader.full()) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = nl ? nl : end;
        ++lineNo;
        const char *q = p;
        while (q < stop && (*q == ' ' || *q == '\t' || *q == '\r'))
            ++q;
        if (q < stop) {
            JsonScan scan(q, stop);
            if (!scan.document(reader)) {
                if (error)
                    *error = QStringLiteral("line %1: %2").arg(lineNo).arg(scan.error());
                return false;
            }
        }
        p = nl ? nl + 1 : end;
    }
    return true;
}

QString SchemaInferrer::typeOf(const Column &c) const
{
    quint32 k = c.kinds;
    if ((k & (Int | Long)) && m_fractionKeys.contains(keyOf(c)))
        k = (k & ~(Int | Long)) | Double;
    constexpr quint32 numbers = Int | Long | Double | EpochNumber;
    constexpr quint32 times = EpochNumber | EpochText | Date | Timestamp;
    if (k == 0)
        return QStringLiteral("string");
    if (k & (Object | Array))
        return QStringLiteral("json");
    if (k == Bool)
        return QStringLiteral("boolean");
    if ((k & ~numbers) == 0) {
        if (k == EpochNumber)
            return QStringLiteral("timestamp");
        if (k & Double)
            return QStringLiteral("double");
        if (k & (Long | EpochNumber))
            return QStringLiteral("long");
        return QStringLiteral("int");
    }
    if ((k & ~times) == 0)
        return k == Date ? QStringLiteral("date") : QStringLiteral("timestamp");
    if (k == DecimalText) {
        const int scale = std::min(c.decimalScale, 38);
        const int precision = std::min(std::max(c.decimalIntDigits + scale, 1), 38);
        return QStringLiteral("decimal(%1,%2)").arg(precision).arg(scale);
    }
    return QStringLiteral("string");
}

QList<InferredField> SchemaInferrer::fields() const
{
    QList<InferredField> out;
    if (m_columns.empty())
        return out;
    // A column that is json (an object sometimes, a scalar other times) hides its children.
    std::vector<bool> hidden(m_columns.size(), false);
    for (size_t i = 1; i < m_columns.size(); ++i) {
        const Column &c = m_columns[i];
        if (c.parent > 0 &&
            (hidden[size_t(c.parent)] || m_columns[size_t(c.parent)].kinds != Object))
            hidden[i] = true;
    }
    for (size_t i = 1; i < m_columns.size(); ++i) {
        const Column &c = m_columns[i];
        if (hidden[i] || (c.kinds == Object && c.hasChildren))
            continue;
        InferredField f;
        f.name = c.path;
        f.type = typeOf(c);
        f.nulls = c.nulls;
        f.missing = m_records - c.present;
        f.nullable = f.nulls > 0 || f.missing > 0;
        out.append(f);
    }
    return out;
}

} // namespace uis
