// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "argparser.h"
#include "clicontext.h"

#include <QString>
#include <QStringList>

namespace uis::cli {

/**
 * `uisctl preview SPEC --target NAME`: the `--session` value that runs the preview on the session
 * servers the DCP server's target names (`spark_connect`, `sql_gateway` in its targets file, read
 * with GET /api/v1/targets; --env/--url pick the server), for the engines previewed. Returns an
 * exit code to stop with, after saying why, or -1 with `*session` set.
 */
int sessionOfTarget(const ArgParser &p, const QString &target, const QStringList &engines,
                    CliContext &ctx, QString *session);

} // namespace uis::cli
