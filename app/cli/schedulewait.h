// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clicontext.h"

#include <QString>

namespace uis {
class DcpClient;
}

namespace uis::cli {

/**
 * `uisctl submit --wait|--follow` on a scheduled micro-batch job, which never ends on its own:
 * --wait returns after the first run with its outcome (exit 0 SUCCEEDED, 1 FAILED) and says
 * that the schedule goes on and when the next run is; --follow prints every run as it ends
 * until the job ends (Ctrl-C stops following, not the job). Asks GET …/runs every second.
 * Returns the exit code, or -1 when the job turned out not to be scheduled (the caller then
 * follows it as any other job).
 */
int waitForScheduledRuns(DcpClient &client, const QString &id, bool followAll, CliContext &ctx);

} // namespace uis::cli
