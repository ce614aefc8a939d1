// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

namespace uis {

/**
 * The timestamp rule of the engines ("Values as real sources send them", UIS-SPEC.md) as
 * questions about one value, for schema inference.
 *
 * - An ISO-8601 timestamp: `YYYY-MM-DD`, then `T` or a space and `HH:MM[:SS[.f{1,9}]]`, then
 *   optionally `Z` or an offset `±HH:MM` / `±HHMM` (none means UTC).
 * - A date: `YYYY-MM-DD` alone.
 * - Epoch milliseconds: a JSON integer, or a string of digits, **only in a field whose name says
 *   it is a time** (isTimeName()) and only between 2000-01-01 and 2100-01-01. The engines read
 *   any number in a `timestamp` column as epoch milliseconds, but inference cannot tell
 *   `"id": 1700000000000` from a time by its value; the name and the range decide. Epoch
 *   seconds (10 digits) fall outside the range on purpose: the engines would read them as 1970.
 */
class TemporalText
{
public:
    /// `2024-05-01`, with month 01–12 and day 01–31.
    static bool isDate(QStringView s);
    /// A date followed by a time (and an optional zone), as the engines parse it.
    static bool isTimestamp(QStringView s);
    /// Epoch milliseconds between 2000-01-01 and 2100-01-01 (exclusive).
    static bool isEpochMillisRange(qint64 v);
    /// Digits only (an optional `-`), as the engines' `^-?[0-9]{1,18}$`, within the range.
    static bool isEpochMillisText(QStringView s);
    /// Whether a field's own name (the last segment of a path) says it holds a time: its last
    /// word (snake_case, kebab-case or camelCase) is `at`, `ts`, `time`, `timestamp`,
    /// `datetime` or `instant` (`created_at`, `eventTime`, `ts`, `updatedTs`).
    static bool isTimeName(QStringView name);
};

} // namespace uis
