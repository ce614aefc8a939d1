// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"
#include "specreader.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace uis {

/**
 * Edits a YAML or JSON text so that it reads back as a given tree, touching only the text of
 * what differs: a changed scalar is replaced in place (keeping its quoting style when it can),
 * a new map entry or list item is inserted with the indentation and separators of its
 * siblings, a removed one takes its lines (or its flow item) with it. Everything else — comments,
 * blank lines, quoting, flow or block style, key order, indentation — stays byte-identical.
 *
 * It works on the byte offsets the SpecReader records in every SourceNode. Each result is read
 * back and compared with the target; where a minimal patch does not read back as intended (or
 * cannot be made), the smallest enclosing block is re-emitted instead, then its parent, and
 * only as a last resort the whole document.
 */
class SourcePatcher
{
public:
    struct Result
    {
        /// Whether `text` reads back as the target.
        bool ok = false;
        QString text;
        /// `text` parsed, with positions (set when ok).
        std::optional<SourceNode> tree;
        /// JSON Pointers of the blocks re-emitted whole because a minimal patch failed;
        /// `(document)` when the whole document was.
        QStringList reemitted;
        /// How many text replacements the patch made.
        int replacements = 0;
    };

    /// Patches `text` (which must read as `parsed`, with offsets, in `format`) into a text
    /// that reads as `target`.
    static Result patch(const QString &text, SpecFormat format, const SourceNode &parsed,
                        const SourceNode &target);
    /// Same, reading `text` first; fails (ok = false, text unchanged) when it does not parse.
    static Result patch(const QString &text, SpecFormat format, const SourceNode &target);
};

} // namespace uis
