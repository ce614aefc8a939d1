// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "sourcenode.h"
#include "spec.h"

namespace uis {

/**
 * Checks a parsed spec against every rule of UIS-SPEC.md and reports all problems in one pass,
 * each with a stable code, a JSON Pointer and the line and column of the offending value.
 *
 * The work is done by three passes, run in this order on one ValidationContext: SchemaPass
 * (keys, required fields, value types and FormatRules), SemanticPass (rules across values,
 * literal secrets, placeholders) and GraphPass (unique names, inputs, cycles).
 */
class Validator
{
public:
    /// `spec`, when given, is SpecBuilder::build(root): a caller that builds it anyway saves
    /// the passes building their own.
    static DiagnosticList validate(const SourceNode &root, const Spec *spec = nullptr);
};

} // namespace uis
