// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkcontext.h"

#include <QList>
#include <QPair>

namespace uis {

/**
 * The whole Flink SQL script for `sql-client.sh -f`: header comments and `SET` lines, the source
 * tables, the sink tables, the views, and the INSERTs (in an `EXECUTE STATEMENT SET` when there
 * are several). Runs the planner, the view writer and both DDL writers in the order each needs.
 */
class FlinkScript
{
public:
    explicit FlinkScript(FlinkContext &context);

    /// The script text, ending with a line break. Call once; diagnostics go to the context.
    QString write();
    /// The same passes for their diagnostics only, skipping the text no finding depends on.
    void check();

private:
    QString run(bool keepText);
    QList<QPair<QString, QString>> setStatements(qint64 stateTtlMs) const;

    FlinkContext &m_ctx;
};

} // namespace uis
