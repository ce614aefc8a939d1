// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "schemainferrer.h"
#include "sourcenode.h"
#include "spec.h"

#include <QList>

namespace uis {

/**
 * Compares an endpoint's declared `schema` with the schema inferred from a fresh sample.
 * Declared names are matched to sampled fields directly or through the endpoint's
 * `field_mapping` (a schema may name the mapped column).
 *
 * Broader (a warning: the data still fits):
 * - `UIS-W-DRIFT-NEW-FIELD`: a sampled field the schema does not declare;
 * - `UIS-W-DRIFT-NULLABLE`: a `nullable: false` field absent from some records (never `null`).
 *
 * Narrower (an error: rows would be rejected or lost):
 * - `UIS-E-DRIFT-TYPE`: values the declared type cannot hold (a declared `int` now `long`,
 *   a `double` now text, …);
 * - `UIS-E-DRIFT-FIELD-GONE`: a declared field no sampled record has;
 * - `UIS-E-DRIFT-NULLS`: `null` values in a `nullable: false` field.
 *
 * Each diagnostic has the JSON Pointer of the declaration and its line and column from the
 * reader's positions. A declared type accepts a narrower inferred one: `long` takes `int`,
 * `double` takes `int`/`long`, `decimal(p,s)` takes integers and decimals that fit, `timestamp`
 * takes `date` and integers (epoch milliseconds, as the engines read them), `string` and `json`
 * take everything.
 */
class DriftChecker
{
public:
    static DiagnosticList check(const SourceNode &tree, int endpointIndex, const Endpoint &endpoint,
                                const QList<InferredField> &sampled, qint64 records);
    /// Whether a column declared `declared` can hold every value inferred as `inferred`.
    static bool accepts(const QString &declared, const QString &inferred);
};

} // namespace uis
