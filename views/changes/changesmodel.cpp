// SPDX-License-Identifier: Apache-2.0
#include "changesmodel.h"

#include <QColor>
#include <QFont>
#include <QPoint>

namespace uis {

namespace {

void flushRun(QList<ChangesRow> *out, QList<const DiffLine *> *removed,
              QList<const DiffLine *> *added)
{
    const qsizetype pairs = std::min(removed->size(), added->size());
    for (qsizetype i = 0; i < std::max(removed->size(), added->size()); ++i) {
        ChangesRow r;
        if (i < removed->size()) {
            r.oldLine = removed->at(i)->oldLine;
            r.oldText = removed->at(i)->text;
        }
        if (i < added->size()) {
            r.newLine = added->at(i)->newLine;
            r.newText = added->at(i)->text;
        }
        if (i < pairs) {
            r.kind = ChangesRow::Kind::Changed;
            std::tie(r.oldSpan, r.newSpan) = TextDiff::changedSpan(r.oldText, r.newText);
        } else {
            r.kind = i < removed->size() ? ChangesRow::Kind::Removed : ChangesRow::Kind::Added;
        }
        out->append(r);
    }
    removed->clear();
    added->clear();
}

} // namespace

ChangesModel::ChangesModel(QObject *parent) : QAbstractTableModel(parent) {}

QList<ChangesRow> ChangesModel::rowsFor(const QList<DiffHunk> &hunks)
{
    QList<ChangesRow> out;
    for (const DiffHunk &h : hunks) {
        ChangesRow header;
        header.kind = ChangesRow::Kind::Hunk;
        header.oldText = header.newText = h.header;
        out.append(header);
        QList<const DiffLine *> removed, added;
        for (const DiffLine &l : h.lines) {
            switch (l.kind) {
            case DiffLine::Kind::Removed:
                // A removal after additions starts a new run: pair only "- then +".
                if (!added.isEmpty())
                    flushRun(&out, &removed, &added);
                removed.append(&l);
                break;
            case DiffLine::Kind::Added:
                added.append(&l);
                break;
            case DiffLine::Kind::Context:
                flushRun(&out, &removed, &added);
                out.append(ChangesRow{
                    ChangesRow::Kind::Context, l.oldLine, l.newLine, l.text, l.text, {}, {}});
                break;
            }
        }
        flushRun(&out, &removed, &added);
    }
    return out;
}

void ChangesModel::setHunks(const QList<DiffHunk> &hunks)
{
    beginResetModel();
    m_rows = rowsFor(hunks);
    m_removed = m_added = 0;
    for (const ChangesRow &r : std::as_const(m_rows)) {
        if (r.kind == ChangesRow::Kind::Removed || r.kind == ChangesRow::Kind::Changed)
            ++m_removed;
        if (r.kind == ChangesRow::Kind::Added || r.kind == ChangesRow::Kind::Changed)
            ++m_added;
    }
    endResetModel();
}

void ChangesModel::setDark(bool dark)
{
    m_dark = dark;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor ChangesModel::lineColor(ChangesRow::Kind kind, bool oldSide, bool dark)
{
    using K = ChangesRow::Kind;
    if (kind == K::Hunk)
        return dark ? QColor(0x26, 0x33, 0x45) : QColor(0xe8, 0xf0, 0xfb);
    const bool removedSide = oldSide && (kind == K::Removed || kind == K::Changed);
    const bool addedSide = !oldSide && (kind == K::Added || kind == K::Changed);
    if (removedSide)
        return dark ? QColor(0x4b, 0x24, 0x27) : QColor(0xff, 0xeb, 0xe9);
    if (addedSide)
        return dark ? QColor(0x1f, 0x3d, 0x2a) : QColor(0xe6, 0xff, 0xec);
    // The empty side facing an added or removed line.
    if ((oldSide && kind == K::Added) || (!oldSide && kind == K::Removed))
        return dark ? QColor(0x2a, 0x2c, 0x30) : QColor(0xf3, 0xf4, 0xf6);
    return {};
}

QColor ChangesModel::spanColor(bool oldSide, bool dark)
{
    if (oldSide)
        return dark ? QColor(0x8c, 0x33, 0x3a) : QColor(0xff, 0xb3, 0xad);
    return dark ? QColor(0x2e, 0x6b, 0x3f) : QColor(0xab, 0xf2, 0xbc);
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ChangesRow &r = m_rows.at(index.row());
    const int col = index.column();
    const bool oldSide = col == OldLineColumn || col == OldTextColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (r.kind == ChangesRow::Kind::Hunk)
            return col == OldTextColumn ? r.oldText : QVariant();
        if (col == OldLineColumn)
            return r.oldLine ? QVariant(r.oldLine) : QVariant();
        if (col == NewLineColumn)
            return r.newLine ? QVariant(r.newLine) : QVariant();
        if (col == OldTextColumn)
            return r.oldLine ? QVariant(r.oldText) : QVariant();
        return r.newLine ? QVariant(r.newText) : QVariant();
    case Qt::BackgroundRole: {
        const QColor c = lineColor(r.kind, oldSide, m_dark);
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::ForegroundRole:
        if (col == OldLineColumn || col == NewLineColumn || r.kind == ChangesRow::Kind::Hunk)
            return m_dark ? QColor(0x8a, 0x90, 0x99) : QColor(0x6b, 0x72, 0x80);
        return {};
    case Qt::TextAlignmentRole:
        if (col == OldLineColumn || col == NewLineColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case KindRole:
        return int(r.kind);
    case SpanRole:
        if (r.kind != ChangesRow::Kind::Changed || col == OldLineColumn || col == NewLineColumn)
            return {};
        return oldSide ? QPoint(r.oldSpan.start, r.oldSpan.length)
                       : QPoint(r.newSpan.start, r.newSpan.length);
    default:
        return {};
    }
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OldTextColumn:
        return tr("Base");
    case NewTextColumn:
        return tr("Current");
    default:
        return QString();
    }
}

} // namespace uis
