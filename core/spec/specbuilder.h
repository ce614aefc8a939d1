// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"
#include "spec.h"

namespace uis {

/**
 * Turns a SourceNode tree into the typed Spec. It is lenient: a value of the wrong type is
 * left unset, because reporting it is the validator's job, and the GUI still needs a model of
 * a half-typed document.
 */
class SpecBuilder
{
public:
    static Spec build(const SourceNode &root);

    static SchemaField schemaField(const SourceNode &n);
    static Endpoint endpoint(const SourceNode &n);
    static Transform transform(const SourceNode &n);
    static Sink sink(const SourceNode &n);
};

} // namespace uis
