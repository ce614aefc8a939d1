// SPDX-License-Identifier: Apache-2.0
#include "flinkjobjson.h"

#include "compilesupport.h"
#include "flinkcompiler.h"
#include "flinkcontext.h"
#include "jobjsonwriter.h"

namespace uis {

namespace {

using CS = CompileSupport;
using J = JobJsonWriter;

OrderedJson ms(const QString &duration)
{
    const auto v = CS::durationMs(duration);
    return v ? OrderedJson(*v) : OrderedJson(nullptr);
}

} // namespace

FlinkJobJson::FlinkJobJson(const Spec &spec)
    : m_spec(spec), m_bootstrap(spec.configValue(QStringLiteral("kafka_bootstrap_servers")))
{
    m_kind = FlinkContext::sourceKind(spec.provider.providerType);
}

QString FlinkJobJson::sourceName(const Endpoint &e) const
{
    return m_kind + QLatin1Char('_') + e.name;
}

QString FlinkJobJson::sourceType() const
{
    return m_kind;
}

void FlinkJobJson::sourceKeys(OrderedJson &s, const Endpoint &e, int index)
{
    Q_UNUSED(index);
    const Provider &p = m_spec.provider;
    if (p.providerType == QLatin1String("websocket")) {
        QString base = p.baseUrl;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        s["url"] = toStd(e.path.isEmpty() ? base
                                          : base + (e.path.startsWith(QLatin1Char('/'))
                                                        ? e.path
                                                        : QLatin1Char('/') + e.path));
        s["protocol"] = toStd(p.baseUrl.section(QLatin1Char(':'), 0, 0));
        s["params"] = J::stringMap(e.queryParams);
        s["headers"] = J::stringMap(e.headers);
        s["format"] = "json";
        OrderedJson rc = OrderedJson::object();
        rc["max_attempts"] = e.reconnect.maxAttempts.value_or(10);
        rc["initial_delay_ms"] = e.reconnect.initialDelayMs.value_or(1000);
        rc["max_delay_ms"] = e.reconnect.maxDelayMs.value_or(30000);
        rc["backoff_multiplier"] = e.reconnect.backoffMultiplier.value_or(2.0);
        s["reconnect_config"] = std::move(rc);
        s["heartbeat"] = OrderedJson{{"interval_ms", e.heartbeatIntervalMs.value_or(30000)}};
    } else if (p.providerType == QLatin1String("webhook")) {
        s["path"] = toStd(e.path);
        if (!e.secretHeader.isEmpty())
            s["secret_header"] = toStd(e.secretHeader);
        s["format"] = "json";
    } else if (p.providerType == QLatin1String("kafka")) {
        s["topic"] = toStd(e.topic);
        s["bootstrap_servers"] = toStd(m_bootstrap);
        s["group_id"] =
            toStd(e.groupId.isEmpty() ? QStringLiteral("uis-") + m_spec.name : e.groupId);
        if (!e.startingOffsets.isEmpty())
            s["starting_offsets"] = toStd(e.startingOffsets);
        s["format"] = toStd(e.format.isEmpty() ? QStringLiteral("json") : e.format);
    } else if (p.providerType == QLatin1String("file_ftp")) {
        // The file format and its options (a csv file's delimiter): the runner's test mode
        // writes a case's rows as lines of that format (its checked view splits them).
        s["path"] = toStd(e.path);
        s["format"] = toStd(e.format.isEmpty() ? QStringLiteral("json") : e.format);
        if (!e.options.isEmpty())
            s["options"] = J::stringMap(e.options);
    } else if (p.providerType == QLatin1String("database")) {
        s["connector"] =
            toStd(e.connector.isEmpty() ? QStringLiteral("postgres-cdc") : e.connector);
        s["hostname"] = toStd(e.hostname);
        if (e.port)
            s["port"] = *e.port;
        s["database_name"] = toStd(e.databaseName);
        if (!e.schemaName.isEmpty())
            s["schema_name"] = toStd(e.schemaName);
        s["table_names"] = J::stringList(e.tables);
        s["username"] = toStd(e.username);
        s["password"] = toStd(e.password);
        if (!e.slotName.isEmpty())
            s["slot_name"] = toStd(e.slotName);
        s["startup_mode"] =
            toStd(e.startupMode.isEmpty() ? QStringLiteral("initial") : e.startupMode);
    }
    if (e.rateLimitPerSecond)
        s["rate_limit"] = J::number(*e.rateLimitPerSecond);
    // Flink has no WebSocket or webhook connector: the bridge writes to this topic.
    if (p.providerType == QLatin1String("websocket") || p.providerType == QLatin1String("webhook"))
        s["bridge"] = OrderedJson{{"type", "kafka"},
                                  {"topic", toStd(FlinkCompiler::bridgeTopic(m_spec, e.name))},
                                  {"bootstrap_servers", toStd(m_bootstrap)}};
}

void FlinkJobJson::duration(OrderedJson &transform, const char *key, const QString &value)
{
    transform[std::string(key) + "_ms"] = ms(value);
}

void FlinkJobJson::watermarkKeys(OrderedJson &o, const Transform &t)
{
    o["timestamp_column"] = toStd(t.timeColumn);
    o["max_out_of_orderness_ms"] = ms(t.maxOutOfOrderness);
}

void FlinkJobJson::sinkKeys(OrderedJson &o, const Sink &s, int index)
{
    Q_UNUSED(index);
    if (s.type == QLatin1String("kafka")) {
        const QString servers = CS::sinkConfig(s, QStringLiteral("bootstrap_servers"));
        o["bootstrap_servers"] = toStd(servers.isEmpty() ? m_bootstrap : servers);
        o["topic"] = toStd(s.kafkaTopic);
        if (!s.kafkaKeyField.isEmpty())
            o["key_field"] = toStd(s.kafkaKeyField);
        o["format"] = "json";
        o["transactional"] =
            CS::sinkConfig(s, QStringLiteral("transactional")) == QLatin1String("true");
    } else {
        if (!s.tableName.isEmpty())
            o["table"] = toStd(s.tableName);
        if (!s.partitionBy.isEmpty())
            o["partition_by"] = J::stringList(s.partitionBy);
        if (s.config.isMap())
            o["config"] = toOrderedJson(s.config);
    }
}

} // namespace uis
