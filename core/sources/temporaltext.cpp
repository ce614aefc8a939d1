// SPDX-License-Identifier: Apache-2.0
#include "temporaltext.h"

#include <QString>

namespace uis {

namespace {

bool digits(QStringView s, qsizetype at, qsizetype n)
{
    if (at + n > s.size())
        return false;
    for (qsizetype i = at; i < at + n; ++i) {
        if (s[i] < u'0' || s[i] > u'9')
            return false;
    }
    return true;
}

int number(QStringView s, qsizetype at, qsizetype n)
{
    int v = 0;
    for (qsizetype i = at; i < at + n; ++i)
        v = v * 10 + (s[i].unicode() - u'0');
    return v;
}

bool datePart(QStringView s)
{
    if (s.size() < 10 || !digits(s, 0, 4) || s[4] != u'-' || !digits(s, 5, 2) || s[7] != u'-' ||
        !digits(s, 8, 2))
        return false;
    const int month = number(s, 5, 2), day = number(s, 8, 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool hourMinute(QStringView s, qsizetype at)
{
    return digits(s, at, 2) && s.size() > at + 2 && s[at + 2] == u':' && digits(s, at + 3, 2) &&
           number(s, at, 2) < 24 && number(s, at + 3, 2) < 60;
}

// The zone at `at`: nothing, `Z`, `±HH:MM` or `±HHMM`.
bool zone(QStringView s, qsizetype at)
{
    const qsizetype left = s.size() - at;
    if (left == 0)
        return true;
    if (left == 1)
        return s[at] == u'Z' || s[at] == u'z';
    if (s[at] != u'+' && s[at] != u'-')
        return false;
    if (left == 6)
        return hourMinute(s, at + 1);
    return left == 5 && digits(s, at + 1, 4);
}

} // namespace

bool TemporalText::isDate(QStringView s)
{
    return s.size() == 10 && datePart(s);
}

bool TemporalText::isTimestamp(QStringView s)
{
    if (s.size() < 16 || !datePart(s) || (s[10] != u'T' && s[10] != u' ' && s[10] != u't'))
        return false;
    if (!hourMinute(s, 11))
        return false;
    qsizetype at = 16;
    if (at < s.size() && s[at] == u':') {
        if (!digits(s, at + 1, 2) || number(s, at + 1, 2) > 60)
            return false;
        at += 3;
        if (at < s.size() && s[at] == u'.') {
            qsizetype n = 0;
            while (at + 1 + n < s.size() && s[at + 1 + n] >= u'0' && s[at + 1 + n] <= u'9')
                ++n;
            if (n < 1 || n > 9)
                return false;
            at += 1 + n;
        }
    }
    return zone(s, at);
}

bool TemporalText::isEpochMillisRange(qint64 v)
{
    return v >= 946684800000LL && v < 4102444800000LL;
}

bool TemporalText::isEpochMillisText(QStringView s)
{
    if (s.isEmpty() || s.size() > 18 || !digits(s, 0, s.size()))
        return false;
    return isEpochMillisRange(s.toLongLong());
}

bool TemporalText::isTimeName(QStringView name)
{
    // The last word: after the last `_`, `-` or `.`, or the last upper-case letter (camelCase).
    qsizetype start = 0;
    for (qsizetype i = name.size() - 1; i >= 0; --i) {
        const QChar c = name[i];
        if (c == u'_' || c == u'-' || c == u'.') {
            start = i + 1;
            break;
        }
        if (c.isUpper() && i > 0 && name[i - 1].isLower()) {
            start = i;
            break;
        }
    }
    const QString word = name.mid(start).toString().toLower();
    return word == QLatin1String("at") || word == QLatin1String("ts") ||
           word == QLatin1String("time") || word == QLatin1String("timestamp") ||
           word == QLatin1String("datetime") || word == QLatin1String("instant");
}

} // namespace uis
