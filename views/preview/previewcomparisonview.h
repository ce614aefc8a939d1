// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "previewcomparison.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace uis {

struct PreviewNode;
class PreviewComparisonModel;

/**
 * The Data Preview's "Both": one node's rows on Spark (left) and on Flink (right) in two tables
 * side by side, rows paired by PreviewComparison and scrolled together, differing cells
 * highlighted, and a summary line with the count of differing cells. Rows are compared once
 * both engines have sent all of them; until then each side shows what it has.
 */
class PreviewComparisonView : public QWidget
{
    Q_OBJECT
public:
    /// Columns as wide as their contents, none wider than half the view (nor narrower a cap
    /// than `minCap`): the Data Preview's tables share this rule.
    static void fitColumns(QTableView *table, int minCap = 120);

    explicit PreviewComparisonView(QWidget *parent = nullptr);

    /// Shows `spark` and `flink` (either may be null: not there yet, or that engine failed).
    void setNodes(const PreviewNode *spark, const PreviewNode *flink);
    void clear();

    /// Whether the rows were compared (both sides complete).
    bool compared() const { return m_compared; }
    /// The comparison shown (empty unless compared()).
    const PreviewComparisonResult &comparison() const { return m_result; }
    /// The differing cells of the shown node, -1 when not compared.
    int differingCells() const { return m_compared ? m_result.differingCells : -1; }
    QString summaryText() const;

    QTableView *sparkTable() const { return m_tables[0]; }
    QTableView *flinkTable() const { return m_tables[1]; }
    PreviewComparisonModel *sparkModel() const { return m_models[0]; }
    PreviewComparisonModel *flinkModel() const { return m_models[1]; }

    /// The short result of comparing `spark` and `flink`, for the node selector ("" = not yet).
    static QString verdict(const PreviewNode *spark, const PreviewNode *flink);

private:
    QLabel *m_summary;
    QLabel *m_titles[2];
    QTableView *m_tables[2];
    PreviewComparisonModel *m_models[2];
    PreviewComparisonResult m_result;
    bool m_compared = false;
};

} // namespace uis
