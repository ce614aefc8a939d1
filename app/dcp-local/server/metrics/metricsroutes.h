// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHttpServerResponse>

class QHttpServerRequest;

namespace uis::dcplocal {

class JobStore;
class MetricsStore;

/**
 * `GET /api/v1/jobs/{id}/metrics?since=ISO-8601&names=a,b` (DCP-API.md, Metrics): the job's
 * series from the MetricsStore. `since` defaults to one hour ago; `names` to every series.
 */
class MetricsRoutes
{
public:
    static constexpr qint64 DefaultWindowMs = 3600 * 1000;

    /// The answer to an authorized request (404 unknown job, 400 a bad `since`).
    static QHttpServerResponse get(const JobStore *jobs, const MetricsStore *metrics,
                                   const QString &id, const QHttpServerRequest &request);
};

} // namespace uis::dcplocal
