// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QByteArray>

namespace uis {

/**
 * Where things are on the lines of a YAML or JSON text, by byte offset: the questions the
 * SourcePatcher asks of the original bytes before it splices them (line starts and ends,
 * columns, a key's colon, a sequence item's dash, the comments that belong to an entry).
 */
class SourceLines
{
public:
    SourceLines(const QByteArray &src, bool json) : m_src(src), m_json(json) {}

    int lineStart(int off) const;
    /// Offset just past the line's `\n` (or the end of the text).
    int lineEndAfter(int off) const;
    int column(int off) const;
    bool onlySpacesBefore(int off) const;
    /// The indentation of the line that holds `off`.
    int lineIndent(int off) const;
    /// Offset just past the `:` that follows the key at `keyOff`, or -1.
    int colonEnd(int keyOff) const;
    /// The `-` of a block sequence item on the item's first line, or -1.
    int dashOf(const SourceNode &item) const;
    /// `at` (a line start) moved past the comment lines indented deeper than `col` that follow
    /// it, with the blank lines between them: they belong to the entry above, and a block
    /// scalar inserted before them would take them in as its text.
    int pastOwnComments(int at, int col) const;

protected:
    const QByteArray &m_src;
    bool m_json;
};

} // namespace uis
