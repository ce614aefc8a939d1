// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "jobjsontraits.h"

namespace uis {

/**
 * The Spark runner's keys of the job JSON (docs/COMPILERS.md, "Spark"): `<kind>_<endpoint>`
 * sources with the Structured Streaming options, durations as Spark interval texts, S3 through
 * S3A, sinks with their writer options. JobJsonWriter writes the rest.
 */
class SparkJobJson : public JobJsonTraits
{
public:
    /// `diagnostics` (may be null) receives the mapping's notes, e.g. `s3://` read as `s3a://`.
    SparkJobJson(const Spec &spec, DiagnosticList *diagnostics);

    QString sourceName(const Endpoint &e) const override;
    QString sourceType() const override;
    void sourceKeys(OrderedJson &source, const Endpoint &e, int index) override;
    bool singleInputKey() const override { return true; }
    void duration(OrderedJson &transform, const char *key, const QString &value) override;
    void watermarkKeys(OrderedJson &transform, const Transform &t) override;
    void sinkKeys(OrderedJson &sink, const Sink &s, int index) override;

    /// `s3://` → `s3a://`, with an info diagnostic at `pointer`.
    QString s3a(const QString &url, const QString &pointer) const;
    /// The Iceberg catalog of a sink: `config.catalog`, else `uis`.
    static QString icebergCatalog(const Sink &s);

private:
    void parquetKeys(OrderedJson &o, const Sink &s, const QString &ptr) const;
    void icebergKeys(OrderedJson &o, const Sink &s, const QString &ptr) const;
    void restKeys(OrderedJson &o, const Sink &s, const QString &ptr) const;

    const Spec &m_spec;
    DiagnosticList *m_diagnostics;
    QString m_kind;      ///< `rest`, `file`, or the provider type
    QString m_bootstrap; ///< `config.kafka_bootstrap_servers`
};

} // namespace uis
