// SPDX-License-Identifier: Apache-2.0
#include "cronexpression.h"

#include <QStringList>

namespace uis {

namespace {

/// One cron field into `bits` (indices lo..hi). `names` are the values from `lo` on.
template <std::size_t N>
bool parseField(const QString &field, int lo, int hi, const QStringList &names,
                std::bitset<N> *bits)
{
    if (field.isEmpty())
        return false;
    auto value = [&](const QString &t, int *out) {
        bool ok = false;
        const int v = t.toInt(&ok);
        if (ok) {
            *out = v;
            return v >= lo && v <= hi;
        }
        const int idx = int(names.indexOf(t.toUpper()));
        *out = idx + lo;
        return idx >= 0;
    };
    for (const QString &part : field.split(QLatin1Char(','))) {
        QString range = part;
        int step = 1;
        if (const qsizetype slash = part.indexOf(QLatin1Char('/')); slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return false;
            range = part.left(slash);
        }
        int a = lo, b = hi;
        if (range != QLatin1String("*")) {
            if (const qsizetype dash = range.indexOf(QLatin1Char('-')); dash > 0) {
                if (!value(range.left(dash), &a) || !value(range.mid(dash + 1), &b) || a > b)
                    return false;
            } else {
                if (!value(range, &a))
                    return false;
                b = part.contains(QLatin1Char('/')) ? hi : a; // `a/n`: from a to the end
            }
        }
        for (int v = a; v <= b; v += step)
            bits->set(std::size_t(v));
    }
    return true;
}

} // namespace

std::optional<CronExpression> CronExpression::parse(const QString &text, QString *problem)
{
    const QStringList f = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    auto fail = [&](const QString &why) -> std::optional<CronExpression> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (f.size() != 5)
        return fail(QStringLiteral("cron needs 5 fields (minute hour day-of-month month "
                                   "day-of-week), got %1")
                        .arg(f.size()));
    static const QStringList months =
        QStringLiteral("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC").split(QLatin1Char(' '));
    static const QStringList days =
        QStringLiteral("SUN MON TUE WED THU FRI SAT").split(QLatin1Char(' '));
    CronExpression c;
    c.text = f.join(QLatin1Char(' '));
    std::bitset<8> weekdays; // 0..7, 7 is Sunday too
    const struct
    {
        const char *name;
        int lo, hi;
    } spec[5] = {{"minute", 0, 59},
                 {"hour", 0, 23},
                 {"day-of-month", 1, 31},
                 {"month", 1, 12},
                 {"day-of-week", 0, 7}};
    const bool ok[5] = {parseField(f[0], 0, 59, {}, &c.minutes),
                        parseField(f[1], 0, 23, {}, &c.hours), parseField(f[2], 1, 31, {}, &c.days),
                        parseField(f[3], 1, 12, months, &c.months),
                        parseField(f[4], 0, 7, days, &weekdays)};
    for (int i = 0; i < 5; ++i) {
        if (!ok[i])
            return fail(QStringLiteral("cron field %1 (%2) `%3` is not valid; it takes %4-%5, "
                                       "`*`, ranges, lists and steps")
                            .arg(i + 1)
                            .arg(QString::fromLatin1(spec[i].name), f[i])
                            .arg(spec[i].lo)
                            .arg(spec[i].hi));
    }
    for (std::size_t d = 0; d < 7; ++d)
        c.weekdays[d] = weekdays[d];
    if (weekdays[7])
        c.weekdays.set(0);
    c.anyDay = f[2].startsWith(QLatin1Char('*'));
    c.anyWeekday = f[4].startsWith(QLatin1Char('*'));
    return c;
}

} // namespace uis
