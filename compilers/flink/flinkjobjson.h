// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobjsontraits.h"

namespace uis {

/**
 * The Flink runner's keys of the job JSON (docs/COMPILERS.md, "Flink"): `cdc` for database
 * sources, the WebSocket source's `reconnect_config` and `heartbeat`, the Kafka `bridge` of
 * WebSocket and webhook sources, durations in milliseconds under `<key>_ms`. JobJsonWriter
 * writes the rest.
 */
class FlinkJobJson : public JobJsonTraits
{
public:
    explicit FlinkJobJson(const Spec &spec);

    QString sourceName(const Endpoint &e) const override;
    QString sourceType() const override;
    void sourceKeys(OrderedJson &source, const Endpoint &e, int index) override;
    bool singleInputKey() const override { return false; }
    void duration(OrderedJson &transform, const char *key, const QString &value) override;
    void watermarkKeys(OrderedJson &transform, const Transform &t) override;
    void sinkKeys(OrderedJson &sink, const Sink &s, int index) override;

private:
    const Spec &m_spec;
    QString m_kind;      ///< `cdc` for database providers, else the provider type
    QString m_bootstrap; ///< `config.kafka_bootstrap_servers`
};

} // namespace uis
