// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractItemModel>
#include <QVariant>

namespace uis::test {

/// The first item at any depth of `model` whose `role` holds `value` (invalid when none): what a
/// user finds by looking through a tree, e.g. a node type in the palette's groups.
inline QModelIndex findItem(const QAbstractItemModel *model, int role, const QVariant &value,
                            const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(role) == value)
            return i;
        const QModelIndex below = findItem(model, role, value, i);
        if (below.isValid())
            return below;
    }
    return {};
}

} // namespace uis::test
