// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace uis {

/// One line of a side-by-side comparison: a row of each side, or of one side only.
struct PreviewRowPair
{
    int left = -1;         ///< index into the left rows, -1 when only the right has it
    int right = -1;        ///< index into the right rows, -1 when only the left has it
    QStringList differing; ///< the compared columns whose values differ (all when unpaired)
};

/// The outcome of comparing the rows one node produced on two engines.
struct PreviewComparisonResult
{
    QStringList columns;         ///< the columns compared (both sides have them), left's order
    QList<PreviewRowPair> pairs; ///< in a stable order (the canonical text of the row)
    int differingCells = 0;      ///< differing cells of paired rows + every cell of an unpaired row
    int leftOnly = 0;            ///< rows without a partner on the right
    int rightOnly = 0;           ///< rows without a partner on the left

    bool identical() const { return differingCells == 0; }
    /// The pair line of left row `index` (or of right row `index` when `right`), -1 if none.
    int lineOf(int index, bool right) const;
};

/**
 * Pairs the rows two engines previewed for one node and finds the cells that differ, for the
 * Data Preview's "Both". Rows arrive in engine-specific orders, so pairing is by content and
 * deterministic: first equal rows (every compared cell equal), then the rest, most equal cells
 * first, provided at least half the cells are equal; what is left has no partner. Equality is
 * GoldenCompare::valuesEqual (numbers within 1e-9 relative, timestamps as UTC instants, a
 * missing key equals null). Ties go by GoldenCompare::rowText order. Pure.
 */
class PreviewComparison
{
public:
    /// Compares on `columns`; empty: the left rows' keys that the right rows also have.
    static PreviewComparisonResult compare(const QList<QJsonObject> &left,
                                           const QList<QJsonObject> &right,
                                           QStringList columns = {});
    /// The columns of `left` (in order) that `right` has too.
    static QStringList sharedColumns(const QStringList &left, const QStringList &right);
};

} // namespace uis
