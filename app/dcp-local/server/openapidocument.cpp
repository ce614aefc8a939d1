// SPDX-License-Identifier: Apache-2.0
#include "openapidocument.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace uis::dcplocal {

namespace {

// The document in one place. JSON Schema 2020-12 (OpenAPI 3.1): a field that may be null has
// `"type": [..., "null"]`. Shared shapes live under components and are referenced.
constexpr const char kDocument[] = R"json({
  "openapi": "3.1.0",
  "info": {
    "title": "DCP job API (dcp-local)",
    "version": "1.0.0",
    "summary": "Submit, monitor, cancel and read the logs of UIS jobs on Spark and Flink.",
    "description": "The DCP REST API as UIS Studio speaks it and dcp-local serves it (docs/DCP-API.md). JSON over HTTP/1.1; every request but this document needs `Authorization: Bearer <token>`; every error is `{\"error\": {\"code\", \"message\", \"details\"}}`.",
    "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}
  },
  "servers": [{"url": "/", "description": "the server that serves this document"}],
  "security": [{"bearer": []}],
  "tags": [
    {"name": "jobs", "description": "Submit, status, list, cancel and logs."},
    {"name": "savepoints", "description": "Savepoints, checkpoints and stop-with-savepoint."},
    {"name": "targets", "description": "Where jobs run."},
    {"name": "metrics", "description": "Job metrics sampled from the engines."},
    {"name": "alerts", "description": "Alert rules, alerts and their deliveries."},
    {"name": "meta", "description": "This document."}
  ],
  "paths": {
    "/api/v1/openapi.json": {
      "get": {
        "operationId": "getOpenApi",
        "tags": ["meta"],
        "summary": "This OpenAPI document (no token needed).",
        "security": [],
        "responses": {
          "200": {"description": "The OpenAPI 3.1 document.",
                  "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "paths"]}}}},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs": {
      "post": {
        "operationId": "submitJob",
        "tags": ["jobs"],
        "summary": "Submit a job.",
        "description": "Stores the job as PENDING and queues it. A retried submit with the same `Idempotency-Key` returns the first job (`Idempotent-Replayed: true`).",
        "parameters": [
          {"name": "Idempotency-Key", "in": "header", "required": false,
           "description": "Makes a retried submit return the first job instead of a second one.",
           "schema": {"type": "string", "maxLength": 255}}
        ],
        "requestBody": {
          "required": true,
          "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/JobRequest"},
            "examples": {
              "spark": {"summary": "A compiled UIS job on Spark",
                        "value": {"name": "orders-etl", "team": "data-infra", "user": "user@example.com",
                                  "config": {"spark_version": "3.5", "job_type": "BATCH",
                                             "uis": {"spec_version": "1.1", "job_config": {"name": "orders-etl", "sources": [], "sinks": []}}}}},
              "flink": {"summary": "Compiled Flink SQL",
                        "value": {"name": "clicks-stream",
                                  "config": {"engine": "flink", "job_type": "STREAMING",
                                             "flink": {"version": "1.20", "sql": "SET 'parallelism.default' = '1';"}}}}
            }
          }}
        },
        "responses": {
          "201": {
            "description": "The job is stored (PENDING) and queued.",
            "headers": {
              "Location": {"description": "`/api/v1/jobs/<id>`", "schema": {"type": "string"}},
              "Idempotent-Replayed": {"description": "`true` when this is the first job of the Idempotency-Key.",
                                      "schema": {"type": "string", "enum": ["true"]}}
            },
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SubmitResult"}}},
            "links": {
              "GetJob": {"operationId": "getJob", "parameters": {"job_id": "$response.body#/job_id"}},
              "GetJobLogs": {"operationId": "getJobLogs", "parameters": {"job_id": "$response.body#/job_id"}},
              "CancelJob": {"operationId": "cancelJob", "parameters": {"job_id": "$response.body#/job_id"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/PayloadTooLarge"},
          "409": {"$ref": "#/components/responses/SnapshotConflict"},
          "422": {"$ref": "#/components/responses/ValidationFailed"},
          "500": {"$ref": "#/components/responses/Internal"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "get": {
        "operationId": "listJobs",
        "tags": ["jobs"],
        "summary": "List jobs, newest first.",
        "parameters": [
          {"name": "status", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/JobState"}},
          {"name": "team", "in": "query", "required": false, "schema": {"type": "string"}},
          {"name": "user", "in": "query", "required": false, "schema": {"type": "string"}},
          {"name": "limit", "in": "query", "required": false,
           "description": "Page size (default 50, at most 500).",
           "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}},
          {"name": "cursor", "in": "query", "required": false,
           "description": "The `next_cursor` of the previous page.",
           "schema": {"type": "string", "pattern": "^[1-9][0-9]{0,17}$"}}
        ],
        "responses": {
          "200": {"description": "A page of status objects.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobList"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs/{job_id}": {
      "parameters": [{"$ref": "#/components/parameters/JobId"}],
      "get": {
        "operationId": "getJob",
        "tags": ["jobs"],
        "summary": "The status of a job.",
        "responses": {
          "200": {"description": "The status object.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobStatus"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      },
      "delete": {
        "operationId": "cancelJob",
        "tags": ["jobs"],
        "summary": "Cancel a job.",
        "description": "A queued job is CANCELLED at once; a running one gets SIGTERM (SIGKILL after the grace period) and is CANCELLED once its process has ended.",
        "responses": {
          "202": {"description": "Cancel accepted; the status object (CANCELLED once the process has ended).",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobStatus"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs/{job_id}/logs": {
      "parameters": [{"$ref": "#/components/parameters/JobId"}],
      "get": {
        "operationId": "getJobLogs",
        "tags": ["jobs"],
        "summary": "A byte range of the job's log.",
        "description": "JSON by default; with `Accept: text/plain` the raw bytes of the same range, with the range in the `X-Offset`, `X-Next-Offset` and `X-Complete` headers. A client follows a running job by asking again from `next_offset`.",
        "parameters": [
          {"name": "offset", "in": "query", "required": false,
           "description": "Byte offset (default 0); past the end reads nothing.",
           "schema": {"type": "integer", "minimum": 0, "maximum": 9007199254740991, "default": 0}},
          {"name": "limit", "in": "query", "required": false,
           "description": "Bytes (default 64 KiB); more than 1 MiB reads 1 MiB.",
           "schema": {"type": "integer", "minimum": 1, "maximum": 9007199254740991, "default": 65536}}
        ],
        "responses": {
          "200": {
            "description": "The range.",
            "headers": {
              "X-Offset": {"description": "text/plain only: the offset of the range.", "schema": {"type": "string"}},
              "X-Next-Offset": {"description": "text/plain only: where the next range starts.", "schema": {"type": "string"}},
              "X-Complete": {"description": "text/plain only: `true` when the log is complete.",
                             "schema": {"type": "string", "enum": ["true", "false"]}}
            },
            "content": {
              "application/json": {"schema": {"$ref": "#/components/schemas/LogChunk"}},
              "text/plain": {"schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs/{job_id}/savepoints": {
      "parameters": [{"$ref": "#/components/parameters/JobId"}],
      "post": {
        "operationId": "triggerSavepoint",
        "tags": ["savepoints"],
        "summary": "Trigger a savepoint of a running Flink job.",
        "description": "Asynchronous: the savepoint is IN_PROGRESS until Flink reports it (GET lists it COMPLETED with its path, or FAILED with the cause). It goes to the spec's `savepoint_dir`, else under the job's folder.",
        "responses": {
          "202": {"description": "Requested.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SavepointStarted"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/SnapshotConflict"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      },
      "get": {
        "operationId": "listSavepoints",
        "tags": ["savepoints"],
        "summary": "The job's savepoints and its latest retained checkpoint (Spark streaming: its queries' checkpoints).",
        "responses": {
          "200": {"description": "Oldest first; deleted ones stay listed (status DELETED, who and when).",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SavepointList"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs/{job_id}/savepoints/{savepoint_id}": {
      "parameters": [{"$ref": "#/components/parameters/JobId"},
                     {"name": "savepoint_id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
      "delete": {
        "operationId": "deleteSavepoint",
        "tags": ["savepoints"],
        "summary": "Delete a savepoint's files; the record stays, DELETED, with who and when.",
        "parameters": [
          {"name": "user", "in": "query", "required": false, "description": "Who deletes it (recorded).",
           "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "Deleted.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Savepoint"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/SnapshotConflict"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs/{job_id}/stop": {
      "parameters": [{"$ref": "#/components/parameters/JobId"}],
      "post": {
        "operationId": "stopJob",
        "tags": ["savepoints"],
        "summary": "Stop a Flink job with a savepoint (Flink's stop-with-savepoint).",
        "description": "The job ends CANCELLED (SUCCEEDED with `drain`, which first emits the final watermark so every window fires) and the record keeps the savepoint. If the savepoint fails the job keeps running. `savepoint: false` is a cancel.",
        "requestBody": {
          "required": false,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StopRequest"}}}
        },
        "responses": {
          "202": {"description": "Requested.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SavepointStarted"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/SnapshotConflict"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs/{job_id}/upgrade-check": {
      "parameters": [{"$ref": "#/components/parameters/JobId"}],
      "post": {
        "operationId": "upgradeCheck",
        "tags": ["jobs"],
        "summary": "Can a new version of the job start from the job's state?",
        "description": "The body is the new version as a job request (as for submit), optionally with `path`, the savepoint or checkpoint to check; without it the newest savepoint or retained checkpoint in the job's folder. The engine decides: on Flink the snapshot's operator states against the new job graph, then a trial restore of the new job on a copy (sinks redirected to scratch places); on Spark a trial start of the new query on a copy of the checkpoint. Nothing is stopped or submitted.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"allOf": [
            {"$ref": "#/components/schemas/JobRequest"},
            {"type": "object", "properties": {"path": {"type": "string", "description": "A savepoint, retained checkpoint or (Spark) checkpoint folder."}}}
          ]}}}
        },
        "responses": {
          "200": {"description": "The verdict, per stateful node of the old job.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpgradeCheck"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "No snapshot to check (`no_snapshot`), or the new version runs on another engine (`engine_mismatch`).",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "422": {"description": "The new spec does not validate, or the check could not run (`check_failed`, with the engine's cause).",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "500": {"$ref": "#/components/responses/Internal"},
          "504": {"description": "The check took longer than 15 minutes (`check_timeout`).",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/jobs/{job_id}/runs": {
      "parameters": [{"$ref": "#/components/parameters/JobId"}],
      "get": {
        "operationId": "getJobRuns",
        "tags": ["jobs"],
        "summary": "The runs of a scheduled micro_batch job (kept in the data directory, so across restarts), and when the next one is.",
        "responses": {
          "200": {"description": "The runs, oldest first (at most the newest 1000); `scheduled` is false for a job without a schedule. A run cut short by a crash of dcp-local is FAILED.",
                  "content": {"application/json": {"schema": {
                    "type": "object", "required": ["job_id", "scheduled", "runs"],
                    "properties": {
                      "job_id": {"type": "string"},
                      "scheduled": {"type": "boolean"},
                      "schedule": {"type": ["string", "null"]},
                      "next_run_at": {"type": ["string", "null"]},
                      "runs": {"type": "array", "items": {
                        "type": "object", "required": ["run", "started_at", "outcome"],
                        "properties": {
                          "run": {"type": "integer"},
                          "started_at": {"type": ["string", "null"]},
                          "finished_at": {"type": ["string", "null"]},
                          "outcome": {"type": "string", "enum": ["RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]},
                          "duration_seconds": {"type": "number"},
                          "error": {"type": ["string", "null"]}}}}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/jobs/{job_id}/metrics": {
      "parameters": [{"$ref": "#/components/parameters/JobId"}],
      "get": {
        "operationId": "getJobMetrics",
        "tags": ["metrics"],
        "summary": "The job's metric series, sampled from its engine while it runs.",
        "description": "Flink: rows in/out per second per spec node, back pressure, checkpoint duration, size and failures (JobManager REST API); Spark streaming: input and processed rows per second, batch duration, state rows (the queries' progress); Kafka sources: the lag per `topic/partition` against the broker's end offsets. A series the engine cannot give is absent, not zero.",
        "parameters": [
          {"name": "since", "in": "query", "required": false,
           "description": "Points at or after this time (RFC 3339); default one hour ago.",
           "schema": {"type": "string", "format": "date-time"}},
          {"name": "names", "in": "query", "required": false,
           "description": "Comma-separated series names (default: all).",
           "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "The series.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobMetrics"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/alerts": {
      "get": {
        "operationId": "listAlerts",
        "tags": ["alerts"],
        "summary": "The alert rules (`dcp-local --alerts FILE`), the alerts that fired, and every delivery's outcome (kept in the data directory, so across restarts).",
        "responses": {
          "200": {"description": "Rules, alerts (newest first) and test messages.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AlertList"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/alerts/test": {
      "post": {
        "operationId": "testAlert",
        "tags": ["alerts"],
        "summary": "Sends a test message of a rule to its channels.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["rule"], "properties": {"rule": {"type": "string", "minLength": 1}}}}}},
        "responses": {
          "202": {"description": "Queued for delivery (see GET /api/v1/alerts).",
                  "content": {"application/json": {"schema": {"type": "object", "required": ["rule", "status"],
                    "properties": {"rule": {"type": "string"}, "status": {"type": "string"}}}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"description": "No such rule, or no alerts file (`rule_not_found`).",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/targets": {
      "get": {
        "operationId": "listTargets",
        "tags": ["targets"],
        "summary": "The execution targets (`dcp-local --targets FILE`) and their engines' figures.",
        "responses": {
          "200": {"description": "The targets.",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TargetList"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer",
                 "description": "The token dcp-local creates on first start (file `token` in its data directory, mode 0600)."}
    },
    "parameters": {
      "JobId": {"name": "job_id", "in": "path", "required": true,
                "description": "The `job_id` a submit returned (`job-` and 16 hex digits).",
                "schema": {"type": "string", "minLength": 1}}
    },
    "responses": {
      "BadRequest": {"description": "Invalid JSON, an invalid job request or an invalid parameter (`invalid_json`, `invalid_job`, `invalid_target`, `invalid_parameter`, `invalid_idempotency_key`).",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "Missing or wrong bearer token (`unauthorized`).",
                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No job with this id (`job_not_found`).",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Conflict": {"description": "The job has already finished (`job_finished`).",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "SnapshotConflict": {"description": "The job cannot do this now: `job_not_running`, `job_not_ready` (no Flink REST endpoint yet), `not_supported` (Spark), `stop_in_progress`, `no_snapshot` (a restore found nothing to start from), `already_deleted`, `in_progress`, `not_local`, `cannot_delete`, `job_finished`.",
                           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "PayloadTooLarge": {"description": "The body is over the limit, 4 MiB by default (`payload_too_large`).",
                          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "ValidationFailed": {"description": "The UIS spec parses but fails validation (`validation_failed`); `details` holds the UIS diagnostics. Or the job can never fit its cluster target (`does_not_fit`: no worker or TaskManager large enough, more executors or slots than the cluster has; the message names what the job asks and what the cluster offers); nothing is stored.",
                           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Internal": {"description": "A real fault of the server (`internal`).",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unavailable": {"description": "The job's target cannot be reached (`target_unreachable`); nothing is stored as running.",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "UpgradeCheck": {
        "type": "object",
        "required": ["restorable", "operators"],
        "properties": {
          "engine": {"type": "string", "enum": ["flink", "spark"]},
          "restorable": {"type": "boolean", "description": "Every stateful node is restored and the trial restore succeeded."},
          "snapshot": {"type": "string"},
          "operators": {"type": "array", "items": {
            "type": "object",
            "required": ["node", "kind", "verdict", "reason"],
            "properties": {
              "node": {"type": "string", "description": "The spec node (source, transform or sink)."},
              "kind": {"type": "string"},
              "verdict": {"type": "string", "enum": ["restored", "dropped", "incompatible"]},
              "reason": {"type": "string"},
              "operator_ids": {"type": "array", "items": {"type": "string"}},
              "size_bytes": {"type": "integer", "minimum": 0}
            }
          }},
          "trial": {"type": "object", "description": "The trial restore: `status` ok | failed | not_run, `cause`, `seconds`."}
        }
      },
      "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
          "error": {
            "type": "object",
            "required": ["code", "message", "details"],
            "properties": {
              "code": {"type": "string", "description": "Machine-readable, e.g. `invalid_job`, `job_not_found`."},
              "message": {"type": "string"},
              "details": {"type": "array", "description": "`{pointer, message}` problems, or UIS diagnostics for 422.",
                          "items": {"type": "object"}}
            }
          }
        }
      },
      "JobState": {"type": "string", "enum": ["PENDING", "SUBMITTED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]},
      "Timestamp": {"type": ["string", "null"], "format": "date-time", "description": "RFC 3339 UTC."},
      "JobStatus": {
        "type": "object",
        "description": "The status object. Terminal states (SUCCEEDED, FAILED, CANCELLED) never change.",
        "required": ["job_id", "name", "team", "user", "engine", "job_type", "status", "engine_state",
                     "created_at", "started_at", "finished_at", "exit_code", "error", "ui_url"],
        "properties": {
          "job_id": {"type": "string"},
          "name": {"type": "string"},
          "team": {"type": "string"},
          "user": {"type": "string"},
          "engine": {"type": "string", "enum": ["spark", "flink"]},
          "job_type": {"type": "string", "enum": ["BATCH", "STREAMING"]},
          "status": {"$ref": "#/components/schemas/JobState"},
          "engine_state": {"type": ["string", "null"],
                           "description": "The engine's own word (a Spark or Flink state), e.g. `RUNNING`, `RESTARTING (3 restarts)`, `SCHEDULED next 2026-11-26T12:00:05Z (run 3)`, `UNREACHABLE`. `WAITING for resources (…)`: a PENDING job held until its cluster target has room (the reason says what it needs and what is free), or an application on the cluster that has waited for executors or slots longer than the target's `waiting_limit` (the reason is the engine's own)."},
          "created_at": {"$ref": "#/components/schemas/Timestamp"},
          "started_at": {"$ref": "#/components/schemas/Timestamp"},
          "finished_at": {"$ref": "#/components/schemas/Timestamp"},
          "exit_code": {"type": ["integer", "null"]},
          "error": {"type": ["string", "null"]},
          "ui_url": {"type": ["string", "null"]},
          "target": {"type": ["string", "null"], "description": "The target the job runs on, e.g. `local`."},
          "engine_job_id": {"type": ["string", "null"], "description": "The engine's id of the job on a cluster."},
          "last_confirmed_at": {"$ref": "#/components/schemas/Timestamp"},
          "fit_warning": {"type": "string", "description": "Present when a target with `fit_resources: true` scaled the job down to fit its cluster: what changed and why, e.g. `scaled down to fit target spark-dev: executor memory 8 GiB → 2 GiB, executor cores 4 → 2 (…)`. The job's log has it too."},
          "nodes": {"type": "array", "description": "Rows in and out per spec node, as the runner last counted them (absent before the first report).",
                    "items": {"type": "object", "required": ["node"],
                              "properties": {"node": {"type": "string"}, "rows_in": {"type": "integer"}, "rows_out": {"type": "integer"},
                                             "invalid": {"type": "integer", "description": "Poison records (not JSON or CSV, or a value that cannot become its column's type) that the source dropped or sent to dead letters."},
                                             "rows_per_second": {"type": "number"}, "error": {"type": "string"}}}}
        }
      },
      "JobRequest": {
        "type": "object",
        "required": ["name", "config"],
        "properties": {
          "name": {"type": "string", "minLength": 1, "maxLength": 253, "pattern": "\\S"},
          "team": {"type": ["string", "null"]},
          "user": {"type": ["string", "null"]},
          "config": {"$ref": "#/components/schemas/JobConfig"},
          "runtime_env": {
            "type": ["object", "null"],
            "description": "dcp-local: environment of the job's process (resolved placeholders, secrets); never stored.",
            "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
            "additionalProperties": {"type": "string"}
          }
        }
      },
      "JobConfig": {
        "type": "object",
        "description": "A Spark job needs `core_etl` or `uis.job_config` (or `uis.spec`); a Flink job (`engine: flink`) needs `flink.sql`.",
        "properties": {
          "engine": {"type": ["string", "null"], "enum": ["spark", "flink", null], "default": "spark"},
          "job_type": {"type": ["string", "null"], "enum": ["BATCH", "STREAMING", null], "default": "BATCH"},
          "spark_version": {"type": "string"},
          "target": {"type": "string", "description": "The target to run on; without it, the first that runs the engine."},
          "core_etl": {"type": "object"},
          "resources": {"type": "object"},
          "uis": {
            "type": "object",
            "properties": {
              "spec_version": {"type": "string"},
              "job_config": {"type": "object", "description": "The compiled job config the runner reads."},
              "spec": {"type": ["object", "string"], "description": "The UIS spec, validated on submit (422 on errors)."}
            }
          },
          "flink": {
            "type": "object",
            "properties": {
              "version": {"type": "string"},
              "sql": {"type": "string", "minLength": 1, "pattern": "\\S"},
              "conf": {"type": "object"}
            }
          },
          "restore": {"$ref": "#/components/schemas/Restore"}
        }
      },
      "Restore": {
        "type": "object",
        "description": "What the job starts from: exactly one of `from_job` (that job's latest savepoint, else its latest retained checkpoint; Spark: its checkpoint folder), `path` (a savepoint or checkpoint), or `fresh: true` (no state; Spark: a new checkpoint folder instead of the last run's of the same name).",
        "additionalProperties": false,
        "properties": {
          "from_job": {"type": "string"},
          "path": {"type": "string"},
          "fresh": {"type": "boolean"},
          "allow_non_restored_state": {"type": "boolean", "default": false,
                                       "description": "Flink: start even if some state has no operator to go to (it is dropped)."}
        }
      },
      "StopRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "savepoint": {"type": "boolean", "default": true},
          "drain": {"type": "boolean", "default": false}
        }
      },
      "SavepointStarted": {
        "type": "object",
        "required": ["job_id", "savepoint_id", "status"],
        "properties": {
          "job_id": {"type": "string"},
          "savepoint_id": {"type": ["string", "null"]},
          "origin": {"type": "string", "enum": ["trigger", "stop", "drain"]},
          "status": {"type": "string", "enum": ["IN_PROGRESS", "CANCELLING"]}
        }
      },
      "Savepoint": {
        "type": "object",
        "required": ["savepoint_id", "job_id", "kind", "status", "path", "created_at", "size_bytes"],
        "properties": {
          "savepoint_id": {"type": "string"},
          "job_id": {"type": "string"},
          "kind": {"type": "string", "enum": ["savepoint", "checkpoint"]},
          "origin": {"type": "string", "enum": ["trigger", "stop", "drain", "checkpoint"]},
          "status": {"type": "string", "enum": ["IN_PROGRESS", "COMPLETED", "FAILED", "DELETED", "MISSING"],
                     "description": "MISSING: completed, but its files are gone (removed outside dcp-local)."},
          "path": {"type": ["string", "null"]},
          "created_at": {"$ref": "#/components/schemas/Timestamp"},
          "completed_at": {"$ref": "#/components/schemas/Timestamp"},
          "size_bytes": {"type": ["integer", "null"], "minimum": 0},
          "error": {"type": ["string", "null"]},
          "deleted_at": {"$ref": "#/components/schemas/Timestamp"},
          "deleted_by": {"type": ["string", "null"]}
        }
      },
      "SavepointList": {
        "type": "object",
        "required": ["job_id", "savepoints"],
        "properties": {
          "job_id": {"type": "string"},
          "savepoints": {"type": "array", "items": {"$ref": "#/components/schemas/Savepoint"}}
        }
      },
      "SubmitResult": {
        "type": "object",
        "required": ["job_id", "status", "created_at"],
        "properties": {
          "job_id": {"type": "string"},
          "status": {"$ref": "#/components/schemas/JobState"},
          "created_at": {"type": "string", "format": "date-time"}
        }
      },
      "JobList": {
        "type": "object",
        "required": ["jobs", "next_cursor"],
        "properties": {
          "jobs": {"type": "array", "items": {"$ref": "#/components/schemas/JobStatus"}},
          "next_cursor": {"type": ["string", "null"]}
        }
      },
      "LogChunk": {
        "type": "object",
        "required": ["job_id", "offset", "next_offset", "complete", "data"],
        "properties": {
          "job_id": {"type": "string"},
          "offset": {"type": "integer", "minimum": 0},
          "next_offset": {"type": "integer", "minimum": 0},
          "complete": {"type": "boolean", "description": "The job is terminal and `next_offset` is the end of the log."},
          "data": {"type": "string"}
        }
      },
      "TargetList": {
        "type": "object",
        "required": ["targets"],
        "properties": {
          "targets": {"type": "array", "items": {"$ref": "#/components/schemas/Target"}},
          "poll_interval_seconds": {"type": "number", "description": "How often dcp-local checks the targets."}
        }
      },
      "Target": {
        "type": "object",
        "required": ["name", "kind", "engines", "reachable"],
        "properties": {
          "name": {"type": "string"},
          "kind": {"type": "string", "description": "`local`, `flink-session` or `spark-standalone`."},
          "engines": {"type": "array", "items": {"type": "string", "enum": ["spark", "flink"]}},
          "reachable": {"type": "boolean"},
          "error": {"type": ["string", "null"], "description": "Why the target cannot be reached."},
          "checked_at": {"$ref": "#/components/schemas/Timestamp"},
          "ui_url": {"type": ["string", "null"], "description": "The engine's web UI (Flink: the JobManager; Spark: the master); null for `local`."},
          "overview": {"type": ["object", "null"],
                       "description": "The engine's own figures. Flink: task managers, slots total and available, running jobs; Spark: alive workers, cores, memory."},
          "fit_resources": {"type": "boolean", "description": "A job larger than the cluster is scaled down to the largest request that fits (with `fit_warning`) instead of refused with 422 `does_not_fit`."},
          "waiting_limit_seconds": {"type": "number", "description": "How long an application on the cluster may wait for executors or slots before its `engine_state` is `WAITING for resources (…)` (target option `waiting_limit`, default 120 s)."},
          "spark_connect": {"type": ["string", "null"], "description": "The cluster's Spark Connect server for interactive previews and test runs (target option `spark_connect`, `sc://HOST:PORT`); null when it names none."},
          "sql_gateway": {"type": ["string", "null"], "description": "The cluster's Flink SQL Gateway for interactive previews and test runs (target option `sql_gateway`, `http://HOST:PORT`); null when it names none."}
        }
      },
      "JobMetrics": {
        "type": "object",
        "required": ["job_id", "series"],
        "properties": {
          "job_id": {"type": "string"},
          "series": {"type": "array", "items": {
            "type": "object",
            "required": ["name", "unit", "points"],
            "properties": {
              "name": {"type": "string", "description": "rows_in_per_second, rows_out_per_second, processed_rows_per_second, kafka_lag, checkpoint_duration_ms, checkpoint_size_bytes, checkpoint_failures, checkpoints_completed, restarts, backpressure_ratio, batch_duration_ms, state_rows"},
              "node": {"type": "string", "description": "The spec node (per-node series)."},
              "partition": {"type": "string", "description": "`topic/partition` (kafka_lag)."},
              "unit": {"type": "string"},
              "points": {"type": "array", "items": {"type": "array", "items": {"type": "number"},
                                                    "minItems": 2, "maxItems": 2,
                                                    "description": "[epoch milliseconds, value]"}}
            }
          }}
        }
      },
      "AlertDelivery": {
        "type": "object",
        "required": ["channel", "ok", "attempts"],
        "properties": {
          "channel": {"type": "string"},
          "status": {"type": "string", "description": "The message's: firing, resolved or test."},
          "ok": {"type": "boolean"},
          "done": {"type": "boolean", "description": "Delivered, or given up after the last retry."},
          "attempts": {"type": "integer", "minimum": 0},
          "error": {"type": ["string", "null"]}
        }
      },
      "AlertList": {
        "type": "object",
        "required": ["alerts"],
        "properties": {
          "alerts": {"type": "array", "items": {
            "type": "object",
            "required": ["rule", "job_id", "status", "fired_at", "resolved_at", "deliveries"],
            "properties": {
              "rule": {"type": "string"},
              "job_id": {"type": "string"},
              "job_name": {"type": "string"},
              "status": {"type": "string", "enum": ["firing", "resolved"]},
              "fired_at": {"$ref": "#/components/schemas/Timestamp"},
              "resolved_at": {"type": ["string", "null"]},
              "occurrences": {"type": "integer", "description": "How often the condition held while the alert fired (flaps)."},
              "text": {"type": "string"},
              "desktop": {"type": "boolean", "description": "The rule has a `desktop` channel: the designer shows the alert as a desktop notification."},
              "deliveries": {"type": "array", "items": {"$ref": "#/components/schemas/AlertDelivery"}}
            }
          }},
          "tests": {"type": "array", "items": {"type": "object"}},
          "rules": {"type": "array", "items": {"type": "object"}},
          "channels": {"type": "array", "items": {
            "type": "object", "required": ["name", "kind"],
            "properties": {
              "name": {"type": "string"},
              "kind": {"type": "string", "enum": ["webhook", "email", "desktop"]}}}}
        }
      }
    }
  }
})json";

} // namespace

const QByteArray &OpenApiDocument::json()
{
    static const QByteArray compact = [] {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(kDocument), &pe);
        // The document is a constant of the build: a typo in it is a programming error.
        Q_ASSERT_X(pe.error == QJsonParseError::NoError, "OpenApiDocument",
                   qPrintable(pe.errorString()));
        return doc.toJson(QJsonDocument::Compact);
    }();
    return compact;
}

QJsonObject OpenApiDocument::object()
{
    return QJsonDocument::fromJson(json()).object();
}

} // namespace uis::dcplocal
