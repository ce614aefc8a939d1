// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkcontext.h"

#include <QList>
#include <QPair>
#include <QStringView>

#include <functional>
#include <string>

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
    /// write() in UTF-8, as the job config holds it: a large spec's script (megabytes) is
    /// converted part by part, never held whole in UTF-16.
    std::string writeUtf8();
    /// The same passes for their diagnostics only, skipping the text no finding depends on.
    void check();

private:
    /// The passes; with `assemble`, the script's parts in order are handed to it.
    void run(const std::function<void(const QList<QStringView> &)> &assemble);
    QList<QPair<QString, QString>> setStatements(qint64 stateTtlMs) const;

    FlinkContext &m_ctx;
};

} // namespace uis
