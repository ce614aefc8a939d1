// SPDX-License-Identifier: Apache-2.0
#include "schemainferrer.h"

#include "jsonscan.h"

#include <QVariant>

#include <algorithm>
#include <cstring>
#include <limits>

namespace uis {

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
        c.type.add(InferredType::Bool);
        return;
    case QJsonValue::Double: {
        // Qt keeps integers that fit 64 bits as integers; `1.0` and `1e3` stay doubles.
        const QVariant n = v.toVariant();
        if (n.typeId() != QMetaType::LongLong) {
            c.type.add(InferredType::Double);
            return;
        }
        c.type.noteInteger(n.toLongLong(), c.timeName);
        return;
    }
    case QJsonValue::String: {
        c.type.noteString(v.toString(), c.timeName);
        return;
    }
    case QJsonValue::Array:
        c.type.add(InferredType::Array);
        return;
    case QJsonValue::Object:
        c.type.add(InferredType::Object);
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

int SchemaInferrer::childUtf8(int parent, const std::string &key)
{
    auto &index = m_columns[size_t(parent)].childrenUtf8;
    if (const auto found = index.find(key); found != index.end())
        return found->second;
    const int column = child(parent, QString::fromUtf8(key.data(), qsizetype(key.size())));
    m_columns[size_t(parent)].childrenUtf8.emplace(key, column);
    return column;
}

// Inference events (nlohmann's SAX interface, fed by JsonScan) drive the columns directly: no
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
            c->type.add(InferredType::Bool);
        return true;
    }
    bool number_integer(std::int64_t v)
    {
        if (auto *c = scalarColumn())
            c->type.noteInteger(v, c->timeName);
        return true;
    }
    bool number_unsigned(std::uint64_t v)
    {
        if (auto *c = scalarColumn()) {
            if (v > std::uint64_t(std::numeric_limits<qint64>::max()))
                c->type.add(InferredType::Double);
            else
                c->type.noteInteger(qint64(v), c->timeName);
        }
        return true;
    }
    bool number_float(double, const std::string &)
    {
        if (auto *c = scalarColumn())
            c->type.add(InferredType::Double);
        return true;
    }
    bool string(std::string &v)
    {
        if (auto *c = scalarColumn())
            c->type.noteString(QString::fromUtf8(v.data(), qsizetype(v.size())), c->timeName);
        return true;
    }
    bool binary(std::vector<std::uint8_t> &) { return true; }
    bool start_object(std::size_t)
    {
        if (!m_skip && m_depth >= m_recordDepth && !closed()) {
            const int column = target();
            if (column >= 0) {
                m_s.m_columns[size_t(column)].type.add(InferredType::Object);
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
            m_s.m_columns[size_t(column)].type.add(InferredType::Array);
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
        JsonScan<JsonTextReader> scan(p, end);
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
            JsonScan<JsonTextReader> scan(q, stop);
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
    InferredType t = c.type;
    if ((t.kinds() & (InferredType::Int | InferredType::Long)) && m_fractionKeys.contains(keyOf(c)))
        t.integersAsDouble();
    return t.name();
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
        if (c.parent > 0 && (hidden[size_t(c.parent)] ||
                             m_columns[size_t(c.parent)].type.kinds() != InferredType::Object))
            hidden[i] = true;
    }
    for (size_t i = 1; i < m_columns.size(); ++i) {
        const Column &c = m_columns[i];
        if (hidden[i] || (c.type.kinds() == InferredType::Object && c.hasChildren))
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
