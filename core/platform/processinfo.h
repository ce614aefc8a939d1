// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis {

/**
 * What the kernel says about a process (Linux /proc), and signals to process groups. The
 * platform only ever signals a process it can prove it started: same pid, same start time
 * (pids are reused) and a command line that names the platform's directory.
 */
class ProcessInfo
{
public:
    /// True when `pid` exists and is not a zombie.
    static bool exists(qint64 pid);
    /// Start time of `pid` in clock ticks since boot (/proc/<pid>/stat field 22); 0 when gone.
    static quint64 startTime(qint64 pid);
    /// The arguments of `pid` (/proc/<pid>/cmdline); empty when gone or not readable.
    static QStringList commandLine(qint64 pid);
    /// Process group of `pid`, or 0 when gone.
    static qint64 processGroup(qint64 pid);
    /// The live (non-zombie) processes of group `pgid`.
    static QList<qint64> groupMembers(qint64 pgid);
    /// True when `pid` is alive, started at `startTime` and its command line contains `marker`.
    static bool isOurs(qint64 pid, quint64 startTime, const QString &marker);
    /// Sends `signal` to every process of group `pgid`; returns false when there was none.
    static bool signalGroup(qint64 pgid, int signal);
};

} // namespace uis
