// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace uis {

/// The outcome of comparing one sink's captured rows with a test case's expected rows.
struct GoldenDiff
{
    QStringList columns;           ///< the columns compared, in order
    QList<QJsonObject> missing;    ///< expected but not captured (`-` lines)
    QList<QJsonObject> unexpected; ///< captured but not expected (`+` lines)
    int expectedCount = 0;
    int actualCount = 0;

    bool passed() const { return missing.isEmpty() && unexpected.isEmpty(); }
    /// `- {row}` then `+ {row}` lines, rows written with `columns` in order.
    QStringList lines() const;
};

/**
 * Golden-data comparison of `uisctl test` (UIS-SPEC.md, "Pipeline tests"): rows compare as
 * multisets unless ordered; only the given columns (else the expected rows' keys); numbers with a
 * relative tolerance of 1e-9; timestamps as UTC instants (ISO-8601 with or without `Z`/an offset,
 * a time without zone being UTC, or epoch milliseconds). A missing column equals null. Pure.
 */
class GoldenCompare
{
public:
    static constexpr double kRelativeTolerance = 1e-9;

    static GoldenDiff compare(const QList<QJsonObject> &expected, const QList<QJsonObject> &actual,
                              QStringList columns = {}, bool ordered = false);
    /// Whether one expected value matches one captured value.
    static bool valuesEqual(const QJsonValue &expected, const QJsonValue &actual);
    /// An ISO-8601 date-time string → milliseconds since the epoch (UTC); nullopt otherwise.
    static std::optional<qint64> isoInstantMs(const QString &text);
    /// A row as compact JSON with `columns` in order (all keys, sorted, when empty).
    static QString rowText(const QJsonObject &row, const QStringList &columns = {});
    /// A YAML/JSON scalar of a tests file as JSON (its resolved scalar type: `"2"` stays text).
    static QJsonValue fromNode(const SourceNode &scalar);
    /// A row mapping of a tests file as a JSON object.
    static QJsonObject rowFromNode(const SourceNode &row);
    /// The rows of a JSON Lines text (a sink's capture); bad lines are skipped.
    static QList<QJsonObject> readJsonLines(const QByteArray &text);
};

} // namespace uis
