// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkrelation.h"

#include <QString>

namespace uis {

/**
 * Where Flink SQL's defaults differ from Spark's, the generated SQL follows what the spec means,
 * so both engines compute the same result (README, "Same result on both engines").
 */
class FlinkSemantics
{
public:
    /// `expr` with every `avg(<integer column of in>)` as `AVG(CAST(<column> AS DOUBLE))`:
    /// Flink's AVG of an INT is an INT (truncated), Spark's a DOUBLE.
    static QString avgAsDouble(const QString &expr, const FlinkRelation &in);
    /// Whether `type` is an integer SQL type (TINYINT, SMALLINT, INT, BIGINT).
    static bool isIntegerType(const QString &type);
};

} // namespace uis
