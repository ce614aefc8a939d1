// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "datapreviewmodel.h"

namespace uis {

/**
 * One side of the Data Preview's "Both": a node's rows on one engine, one line per line of the
 * comparison (PreviewComparison), so that line i on the left and on the right are a pair. A
 * cell that differs from the other engine's is highlighted, its tooltip giving the other
 * engine's value; a line whose row only the other engine has is an empty, greyed placeholder.
 */
class PreviewComparisonModel : public DataPreviewModel
{
    Q_OBJECT
public:
    /// Whether a cell differs from the other engine's (bool).
    static constexpr int DiffersRole = Qt::UserRole + 2;

    /// One line: the row of this side (-1: a placeholder), the other side's row (-1: none) and
    /// the columns that differ.
    struct Line
    {
        int row = -1;
        int otherRow = -1;
        QStringList differing;
    };

    explicit PreviewComparisonModel(QObject *parent = nullptr);

    /// Shows `node`'s rows as `lines`; `otherRows` and `otherEngine` fill the tooltips.
    void setLines(const PreviewNode &node, const QList<Line> &lines,
                  const QList<QJsonObject> &otherRows, const QString &otherEngine);
    void clearLines();
    /// How many cells are highlighted (a placeholder's are not: its row is the other side's).
    int differingCells() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Line> m_lines;
    QList<QJsonObject> m_otherRows;
    QString m_otherEngine;
};

} // namespace uis
