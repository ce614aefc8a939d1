// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "placeholder.h"
#include "specloader.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace uis {

/**
 * A job ready to submit: the request body (placeholders left as written), the placeholders the
 * job needs, and their values once resolved. Values travel only in `runtime_env` of the request
 * sent (dcp-local hands them to the job's environment, where the runners look them up) and are
 * never part of `body`, a preview or a log.
 */
struct SubmitRequest
{
    QJsonObject body;                 ///< the request without any placeholder value
    QList<Placeholder> placeholders;  ///< distinct, in first-seen order
    QHash<QString, QString> values;   ///< environment variable name → value
    QString engine;                   ///< "spark" or "flink"
    QString target;                   ///< `config.target`: the server's execution target ("" lets it pick)

    /// Placeholders that still have no value.
    QList<Placeholder> missing() const;
    /// The body plus `runtime_env` with the values: what is actually sent.
    QJsonObject bodyToSend() const;
    /// The body to show before confirming: `runtime_env` lists every name with `****`.
    QByteArray maskedPreview() const;
};

/**
 * Builds a SubmitRequest from a validated spec and its compiled artifacts (target → content:
 * `dcp-request`, and `spark-job` or `flink-sql`), adding what dcp-local needs to run and check
 * the job: `config.uis.job_config` (Spark), `config.flink.sql` (Flink) and `config.uis.spec`
 * (so that the server validates it with the same validator).
 */
class SubmitRequestBuilder
{
public:
    /// Returns "" and fills `out`, or an error message.
    static QString build(const LoadedSpec &spec, const QHash<QString, QByteArray> &artifacts, SubmitRequest *out);
    /// The variable a runner reads a placeholder's value from: `{{name}}` → `NAME`,
    /// `{{env.X}}` → `X`, `{{secret.S:K}}` → `UIS_SECRET_S_K`.
    static QString variableFor(const Placeholder &p);
    /// Fills values from the process environment (env var, as the runners would).
    static void resolveFromEnvironment(SubmitRequest *request);
};

} // namespace uis
