// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"
#include "spec.h"

#include <QByteArray>

namespace uis {

/**
 * Writes specs as YAML or JSON with a stable key order: the canonical order of SpecSchema,
 * with keys it does not know kept after the known ones in their original order.
 */
class SpecWriter
{
public:
    /// The model as a tree, keys in canonical order; unset fields are left out.
    static SourceNode toTree(const Spec &spec);
    /// Reorders the keys of a tree into canonical order without dropping anything.
    static SourceNode normalize(const SourceNode &root);

    static QByteArray toYaml(const SourceNode &root);
    /// Whether toYaml() quotes string `text` (as a value, or a key/flow item when `flow`).
    static bool needsQuotes(const QString &text, bool flow);
    static QByteArray toJson(const SourceNode &root, int indent = 2);
};

} // namespace uis
