// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "textdiff.h"

#include <QAbstractTableModel>
#include <QList>

namespace uis {

/// One row of a side-by-side diff: a line on the left (old), on the right (new), or both.
struct ChangesRow
{
    enum class Kind { Context, Removed, Added, Changed, Hunk };
    Kind kind = Kind::Context;
    int oldLine = 0; ///< 1-based; 0 when the row has no old line
    int newLine = 0;
    QString oldText;
    QString newText;
    TextDiff::Span oldSpan; ///< the changed part of a Changed row's old line
    TextDiff::Span newSpan;
};

/**
 * The side-by-side rows of a text diff: old line number and text, new line number and text.
 * A run of removed lines followed by added lines pairs up line by line as Changed rows with
 * intra-line spans; the rest stay Removed or Added. Each hunk starts with a Hunk row.
 */
class ChangesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OldLineColumn, OldTextColumn, NewLineColumn, NewTextColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(ChangesRow::Kind)
        SpanRole,                    ///< QPoint(start, length) of the highlight in a text column
    };

    explicit ChangesModel(QObject *parent = nullptr);

    /// The rows for `hunks` (TextDiff::hunks).
    static QList<ChangesRow> rowsFor(const QList<DiffHunk> &hunks);

    void setHunks(const QList<DiffHunk> &hunks);
    const QList<ChangesRow> &rows() const { return m_rows; }
    /// Counts of lines removed and added.
    int removedLines() const { return m_removed; }
    int addedLines() const { return m_added; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Backgrounds of a side of a row of `kind` (light or dark theme), and of its span.
    static QColor lineColor(ChangesRow::Kind kind, bool oldSide, bool dark);
    static QColor spanColor(bool oldSide, bool dark);
    void setDark(bool dark);

private:
    QList<ChangesRow> m_rows;
    int m_removed = 0;
    int m_added = 0;
    bool m_dark = false;
};

} // namespace uis
