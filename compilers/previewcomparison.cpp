// SPDX-License-Identifier: Apache-2.0
#include "previewcomparison.h"

#include "goldencompare.h"

#include <algorithm>
#include <tuple>

namespace uis {

namespace {

/// Row indexes ordered by their canonical text (then by index): the same rows in any arrival
/// order give the same sequence.
QList<int> canonicalOrder(const QList<QJsonObject> &rows, const QStringList &columns,
                          QStringList *texts)
{
    texts->clear();
    for (const QJsonObject &r : rows)
        texts->append(GoldenCompare::rowText(r, columns));
    QList<int> order(rows.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [texts](int a, int b) { return texts->at(a) < texts->at(b); });
    return order;
}

QStringList differingColumns(const QJsonObject &a, const QJsonObject &b, const QStringList &columns)
{
    QStringList out;
    for (const QString &c : columns) {
        if (!GoldenCompare::valuesEqual(a.value(c), b.value(c)))
            out << c;
    }
    return out;
}

} // namespace

int PreviewComparisonResult::lineOf(int index, bool right) const
{
    for (int i = 0; i < pairs.size(); ++i) {
        if ((right ? pairs.at(i).right : pairs.at(i).left) == index)
            return i;
    }
    return -1;
}

QStringList PreviewComparison::sharedColumns(const QStringList &left, const QStringList &right)
{
    QStringList out;
    for (const QString &c : left) {
        if (right.contains(c) && !out.contains(c))
            out << c;
    }
    return out;
}

PreviewComparisonResult PreviewComparison::compare(const QList<QJsonObject> &left,
                                                   const QList<QJsonObject> &right,
                                                   QStringList columns)
{
    if (columns.isEmpty()) {
        QStringList leftKeys;
        QStringList rightKeys;
        for (const QJsonObject &r : left)
            leftKeys << r.keys();
        for (const QJsonObject &r : right)
            rightKeys << r.keys();
        columns = sharedColumns(leftKeys, rightKeys);
    }
    PreviewComparisonResult result;
    result.columns = columns;
    QStringList leftText;
    QStringList rightText;
    const QList<int> lo = canonicalOrder(left, columns, &leftText);
    const QList<int> ro = canonicalOrder(right, columns, &rightText);
    QList<int> partnerOfLeft(left.size(), -1);
    QList<bool> rightUsed(right.size(), false);

    // Equal rows first, in canonical order on both sides.
    for (int l : lo) {
        for (int r : ro) {
            if (!rightUsed[r] && differingColumns(left[l], right[r], columns).isEmpty()) {
                partnerOfLeft[l] = r;
                rightUsed[r] = true;
                break;
            }
        }
    }
    // Then the closest rows, while at least half their cells agree (else a row pairs with an
    // unrelated one and every cell "differs"). O(n²) in the preview's few rows.
    QList<std::tuple<int, int, int>> candidates; // (-equal cells, left position, right position)
    for (int lp = 0; lp < lo.size(); ++lp) {
        if (partnerOfLeft[lo[lp]] >= 0)
            continue;
        for (int rp = 0; rp < ro.size(); ++rp) {
            if (rightUsed[ro[rp]])
                continue;
            const int equal = int(columns.size()) -
                              int(differingColumns(left[lo[lp]], right[ro[rp]], columns).size());
            if (equal > 0 && 2 * equal >= columns.size())
                candidates.append({-equal, lp, rp});
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto &[negEqual, lp, rp] : std::as_const(candidates)) {
        if (partnerOfLeft[lo[lp]] >= 0 || rightUsed[ro[rp]])
            continue;
        partnerOfLeft[lo[lp]] = ro[rp];
        rightUsed[ro[rp]] = true;
    }

    for (int l = 0; l < left.size(); ++l) {
        PreviewRowPair p;
        p.left = l;
        p.right = partnerOfLeft[l];
        p.differing = p.right >= 0 ? differingColumns(left[l], right[p.right], columns) : columns;
        result.leftOnly += p.right < 0 ? 1 : 0;
        result.pairs << p;
    }
    for (int r = 0; r < right.size(); ++r) {
        if (!rightUsed[r]) {
            result.pairs << PreviewRowPair{-1, r, columns};
            ++result.rightOnly;
        }
    }
    for (const PreviewRowPair &p : std::as_const(result.pairs))
        result.differingCells += int(p.differing.size());
    // Shown in the canonical order of the left row (the right one's when the left has none).
    std::stable_sort(result.pairs.begin(), result.pairs.end(),
                     [&](const PreviewRowPair &a, const PreviewRowPair &b) {
                         const QString &ta = a.left >= 0 ? leftText[a.left] : rightText[a.right];
                         const QString &tb = b.left >= 0 ? leftText[b.left] : rightText[b.right];
                         return ta < tb;
                     });
    return result;
}

} // namespace uis
