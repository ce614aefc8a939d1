// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace uis {

/**
 * What reading a patched text back would give, without reading it, for the patch a form edit
 * makes most: one scalar's text replaced in place by another scalar on the same line. The new
 * scalar is read on its own (a few bytes) and must be the target's value; every other node
 * keeps its parse, its byte offsets and columns shifted by the change. Reading a 1,050-node
 * spec back costs 10 ms of the 16 a frame has; this costs a tree copy and a compare.
 *
 * It declines (nullopt) whatever it cannot prove: a scalar in a flow collection written plain
 * with a flow indicator, a line break on either side, a key, a block scalar, an alias, a tree
 * that differs elsewhere. The patcher then reads the whole text back as before.
 */
class ScalarReadBack
{
public:
    /// `src` read as `parsed` (offsets after any BOM); its bytes [begin, end) replaced by `text`
    /// at the value `pointer` names gives a text that should read as `target`. The tree that
    /// text reads as, positions included, or nullopt.
    static std::optional<SourceNode> tree(const QByteArray &src, bool json,
                                          const SourceNode &parsed, const SourceNode &target,
                                          const QString &pointer, int begin, int end,
                                          const QByteArray &text);
};

} // namespace uis
