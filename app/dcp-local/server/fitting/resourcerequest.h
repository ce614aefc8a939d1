// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace uis::dcplocal {

struct JobRequest;

/**
 * What a job asks a cluster for, read from what it carries: the compiled Spark configuration
 * (`spark_config` of `config.uis.job_config`) or the Flink SQL's `SET 'parallelism.default'`
 * (else `flink_config`). 0 means "not given": the engine's default applies.
 */
struct ResourceRequest
{
    // Spark (executors run on the workers; the driver runs under dcp-local in client mode)
    qint64 executorMemoryMb = 0;
    int executorCores = 0;
    int executorInstances = 0;
    int coresMax = 0; ///< spark.cores.max: without it a standalone application takes every core
    qint64 driverMemoryMb = 0;
    int driverCores = 0;
    // Flink
    int parallelism = 0;
    qint64 taskManagerMemoryMb = 0;

    static ResourceRequest ofSpark(const QJsonObject &jobConfig);
    static ResourceRequest ofFlink(const QString &sql, const QJsonObject &jobConfig);
    static ResourceRequest of(const JobRequest &request);
    /// Of a stored job (its job-config.json and job.sql in `jobDir`).
    static ResourceRequest ofJobDir(const QString &engine, const QString &jobDir);

    /// Writes the Spark executor figures into `spark_config` (and `spark.cores.max`, so that the
    /// standalone master grants no more), or the parallelism into the SQL and `flink_config`.
    void applyTo(JobRequest *request) const;

    /// A JVM size (`8g`, `512m`, `1024` (MiB), `1.5 gb`) in MiB; nullopt when unreadable.
    static std::optional<qint64> parseSizeMb(const QString &text);
    /// `2 GiB`, `512 MiB`.
    static QString sizeText(qint64 mb);
};

} // namespace uis::dcplocal
