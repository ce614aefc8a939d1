// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace uis {

/// What the canvas shows of a run on one node: rows in and out, the rate, a failure.
struct NodeRunBadge
{
    qint64 rowsIn = -1; ///< -1: not reported
    qint64 rowsOut = -1;
    qint64 invalid = -1; ///< records that did not parse (0 is not shown)
    double rowsPerSecond = -1;
    bool failed = false;
    QString error;

    /// "1,204 in · 1,198 out · 6 invalid · 35/s" (the parts that are known), in `locale`'s digits.
    QString text() const;
    bool operator==(const NodeRunBadge &o) const = default;
};

/**
 * Maps a job record to badges on the spec's nodes (by node name, the name the runners report
 * under). A node fails when the runner says so; when the job failed without naming a node, the
 * nodes its error names (as a whole word, e.g. `sink orders_out: …`) are marked instead.
 */
class RunOverlay
{
public:
    static QHash<QString, NodeRunBadge> badgesFor(const JobStatus &status,
                                                  const QStringList &nodeNames);
};

} // namespace uis
