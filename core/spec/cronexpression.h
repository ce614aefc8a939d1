// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <bitset>
#include <optional>

namespace uis {

/**
 * A 5-field cron expression (minute hour day-of-month month day-of-week), read the way standard
 * cron reads it: `*`, `a`, `a-b`, steps (`*\/n`, `a-b/n`, `a/n`), comma lists, month and day
 * names, 0 and 7 for Sunday. The validator asks whether a spec's cron is valid; dcp-local's
 * scheduler asks which minutes it names. Both read it here.
 */
struct CronExpression
{
    QString text; ///< the five fields, one space apart
    std::bitset<60> minutes;
    std::bitset<24> hours;
    std::bitset<32> days;    ///< 1..31
    std::bitset<13> months;  ///< 1..12
    std::bitset<7> weekdays; ///< 0 = Sunday
    bool anyDay = true;      ///< day-of-month is `*`
    bool anyWeekday = true;  ///< day-of-week is `*`

    /// nullopt when `text` is not a valid cron, with `problem` saying which field and why.
    static std::optional<CronExpression> parse(const QString &text, QString *problem = nullptr);
};

} // namespace uis
