// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clicontext.h"

#include "jobstatus.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace uis {
class DcpClient;
}

namespace uis::cli {

/// What the savepoint commands (savepoint, savepoints, stop, upgrade) share.
class SavepointSupport
{
public:
    /// Asks for the job's savepoints every half second until `savepointId` is no longer
    /// IN_PROGRESS (or `timeoutSecs` passed); its record, or nullopt (the reason is printed).
    static std::optional<QJsonObject> waitFor(DcpClient &client, const QString &jobId,
                                              const QString &savepointId, CliContext &ctx,
                                              const char *command, int timeoutSecs = 600);
    /// Asks for the job's status every half second until `done` accepts it or `timeoutSecs` passed.
    static std::optional<JobStatus> waitForJob(DcpClient &client, const QString &jobId,
                                               const std::function<bool(const JobStatus &)> &done,
                                               int timeoutSecs);
    /// The table of `uisctl savepoints`.
    static void print(CliContext &ctx, const QJsonArray &savepoints);
    /// Waits `ms` in uisctl's loop.
    static void sleep(int ms);
};

} // namespace uis::cli
