// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace uis::dcplocal {

class HttpApi;
class JobStore;
class TargetRegistry;

/**
 * The routes of a job's savepoints on the API's server (DCP-API.md, "Savepoints, stop, restore"):
 *   POST   /api/v1/jobs/{id}/savepoints        trigger          → 202 {savepoint_id, status}
 *   GET    /api/v1/jobs/{id}/savepoints        list             → {job_id, savepoints: […]}
 *   DELETE /api/v1/jobs/{id}/savepoints/{sid}  explicit delete  → the record, status DELETED
 *   POST   /api/v1/jobs/{id}/stop              {"savepoint": true, "drain": false}
 */
class SavepointRoutes
{
public:
    static void install(HttpApi *api, JobStore *store, TargetRegistry *targets);
};

} // namespace uis::dcplocal
