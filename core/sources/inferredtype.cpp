// SPDX-License-Identifier: Apache-2.0
#include "inferredtype.h"

#include <QRegularExpression>

#include <algorithm>

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

void InferredType::noteString(QStringView s, bool timeName)
{
    int intDigits = 0, scale = 0;
    if (TemporalText::isTimestamp(s)) {
        m_kinds |= Timestamp;
    } else if (TemporalText::isDate(s)) {
        m_kinds |= Date;
    } else if (timeName && TemporalText::isEpochMillisText(s)) {
        m_kinds |= EpochText;
    } else if (decimalText(s, &intDigits, &scale)) {
        m_kinds |= DecimalText;
        m_decimalIntDigits = std::max(m_decimalIntDigits, intDigits);
        m_decimalScale = std::max(m_decimalScale, scale);
    } else {
        m_kinds |= Text;
    }
}

void InferredType::merge(const InferredType &other)
{
    m_kinds |= other.m_kinds;
    m_decimalIntDigits = std::max(m_decimalIntDigits, other.m_decimalIntDigits);
    m_decimalScale = std::max(m_decimalScale, other.m_decimalScale);
}

void InferredType::integersAsDouble()
{
    if (m_kinds & (Int | Long))
        m_kinds = (m_kinds & ~quint32(Int | Long)) | Double;
}

QString InferredType::name() const
{
    const quint32 k = m_kinds;
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
        const int scale = std::min(m_decimalScale, 38);
        const int precision = std::min(std::max(m_decimalIntDigits + scale, 1), 38);
        return QStringLiteral("decimal(%1,%2)").arg(precision).arg(scale);
    }
    return QStringLiteral("string");
}

InferredType InferredType::fromName(const QString &name)
{
    static const QRegularExpression decimal(
        QStringLiteral(R"(^decimal\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$)"),
        QRegularExpression::CaseInsensitiveOption);
    InferredType t;
    const QString n = name.trimmed().toLower();
    if (const auto m = decimal.match(n); m.hasMatch()) {
        t.m_kinds = DecimalText;
        t.m_decimalScale = m.captured(2).toInt();
        t.m_decimalIntDigits = std::max(0, m.captured(1).toInt() - t.m_decimalScale);
    } else if (n == QLatin1String("int")) {
        t.m_kinds = Int;
    } else if (n == QLatin1String("long") || n == QLatin1String("bigint")) {
        t.m_kinds = Long;
    } else if (n == QLatin1String("double") || n == QLatin1String("float")) {
        t.m_kinds = Double;
    } else if (n == QLatin1String("boolean")) {
        t.m_kinds = Bool;
    } else if (n == QLatin1String("date")) {
        t.m_kinds = Date;
    } else if (n == QLatin1String("timestamp")) {
        t.m_kinds = Timestamp;
    } else if (n == QLatin1String("json")) {
        t.m_kinds = Object;
    } else {
        t.m_kinds = Text;
    }
    return t;
}

} // namespace uis
