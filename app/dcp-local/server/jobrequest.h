// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace uis::dcplocal {

/// Why a submit was refused: the HTTP status (400 or 422), the API error code and details.
struct RequestProblem
{
    int httpStatus = 400;
    QString code;
    QString message;
    QJsonArray details;
};

/// `config.restore`: what a job starts from (one of from_job, path, fresh).
struct RestoreRequest
{
    QString fromJob;    ///< a job id: its latest savepoint, else its latest retained checkpoint
    QString path;       ///< a savepoint or checkpoint location
    bool fresh = false; ///< start without state (Spark: a new checkpoint location)
    bool allowNonRestoredState = false;

    bool isEmpty() const { return fromJob.isEmpty() && path.isEmpty() && !fresh; }
};

/**
 * A parsed and checked `POST /api/v1/jobs` body. The shape is checked here (400 on a bad
 * one); a UIS spec carried in `config.uis.spec` is run through the core validator (422 with
 * the diagnostics when it has errors).
 *
 * `runtime_env` is a dcp-local extension: values the job needs at run time (resolved
 * placeholders and secrets), passed to the child's environment and never stored.
 */
struct JobRequest
{
    QString name;
    QString team;
    QString user;
    QString engine;  ///< "spark" or "flink"
    QString jobType; ///< "BATCH" or "STREAMING"
    QString target;  ///< config.target: the execution target to run on ("" picks one)
    QJsonObject jobConfig;  ///< config.uis.job_config (Spark), may be empty
    QString flinkSql;       ///< config.flink.sql (Flink)
    QHash<QString, QString> runtimeEnv;
    RestoreRequest restore; ///< config.restore
    QByteArray storedBody;  ///< the body without runtime_env, compact

    /// Parses `body`; on failure returns the problem to send.
    static std::optional<RequestProblem> parse(const QByteArray &body, JobRequest *out);
};

} // namespace uis::dcplocal
