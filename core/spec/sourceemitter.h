// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QString>

namespace uis {

/**
 * Writes single values (scalars, blocks, flow collections) as YAML or JSON text for the
 * SourcePatcher, which splices them into an existing document. Unlike SpecWriter it writes a
 * fragment at a given indentation and can keep the quoting style of the value it replaces.
 */
class SourceEmitter
{
public:
    /// How fragments are laid out.
    struct Layout
    {
        int step = 2;           ///< indentation step for nested blocks / JSON members
        bool flowSpaces = true; ///< YAML flow maps as `{ a: 1 }` rather than `{a: 1}`
    };

    SourceEmitter() = default;
    explicit SourceEmitter(Layout layout) : m_layout(layout) {}

    /// A YAML scalar (or null) in flow or block context. `oldStyle` is the style of the value it
    /// replaces: kept when the new text allows it. `indent` is the column (0-based) that the
    /// lines of a literal block scalar are indented relative to.
    QString yamlScalar(const SourceNode &value, bool flow, SourceNode::Style oldStyle = {},
                       int indent = 0) const;
    /// A mapping key.
    QString yamlKey(const QString &key, bool flow) const;
    /// A YAML value in flow style (one line).
    QString yamlFlow(const SourceNode &value) const;
    /// Whether `yamlBlock` writes `value` over several lines (a non-empty block collection).
    static bool isBlockCollection(const SourceNode &value);
    /// A YAML value in block context whose first line continues the current line (after `key: `
    /// or `- `, or at column `indent` itself); later lines start at column `indent`.
    /// Collections are block style, except short lists of scalars and `schema` items.
    QString yamlBlock(const SourceNode &value, int indent, const QString &key = {}) const;
    /// The text of a block map entry `key: value` at column `indent`, without the final newline.
    QString yamlEntry(const QString &key, const SourceNode &value, int indent) const;

    /// A JSON value; containers over several lines when `multiline`, their members at
    /// `indent + step`, the closing bracket at `indent`.
    QString json(const SourceNode &value, int indent, bool multiline) const;
    static QString jsonString(const QString &s);

    const Layout &layout() const { return m_layout; }

private:
    QString doubleQuoted(const QString &s) const;
    QString literal(const QString &s, int indent) const;

    Layout m_layout;
};

} // namespace uis
