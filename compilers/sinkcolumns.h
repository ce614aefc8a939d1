// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spec.h"
#include "specloader.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace uis {

/**
 * The columns each sink receives, from the compiler's relation planning (the Flink planner knows
 * every relation's columns: sources from their schema, field mappings, windows' `window_start`,
 * `window_end`, group keys and aggregates). Both engines give a sink the same columns; a sink
 * whose columns are not known (a `sql` transform selecting `*`, or for Spark an endpoint without
 * a schema, whose JSON fields are inferred) is left out. Pure: used by `uisctl test` to check
 * the columns a tests file names.
 */
class SinkColumns
{
public:
    static QHash<QString, QStringList> of(const LoadedSpec &loaded, Engine engine);
};

} // namespace uis
