// SPDX-License-Identifier: Apache-2.0
#include "sparkjobjson.h"

#include "compilesupport.h"
#include "jobjsonwriter.h"

#include <cmath>

namespace uis {

namespace {

using CS = CompileSupport;
using J = JobJsonWriter;

std::string interval(const QString &d)
{
    const auto ms = CS::durationMs(d);
    return toStd(ms ? CS::sparkInterval(*ms) : d);
}

} // namespace

SparkJobJson::SparkJobJson(const Spec &spec, DiagnosticList *diagnostics)
    : m_spec(spec), m_diagnostics(diagnostics),
      m_bootstrap(spec.configValue(QStringLiteral("kafka_bootstrap_servers")))
{
    const QString &type = spec.provider.providerType;
    m_kind = type == QLatin1String("rest_api")   ? QStringLiteral("rest")
             : type == QLatin1String("file_ftp") ? QStringLiteral("file")
                                                 : type;
}

QString SparkJobJson::sourceName(const Endpoint &e) const
{
    return m_kind + QLatin1Char('_') + e.name;
}

QString SparkJobJson::sourceType() const
{
    return m_spec.provider.providerType;
}

QString SparkJobJson::s3a(const QString &url, const QString &pointer) const
{
    return CS::toS3a(url, pointer,
                     QStringLiteral("`%1` is read as `%2`: open-source Spark reaches S3 through "
                                    "S3A (`s3://` works on EMR only)"),
                     m_diagnostics);
}

QString SparkJobJson::icebergCatalog(const Sink &s)
{
    const QString c = CS::sinkConfig(s, QStringLiteral("catalog"));
    return c.isEmpty() ? QStringLiteral("uis") : c;
}

void SparkJobJson::sourceKeys(OrderedJson &s, const Endpoint &e, int index)
{
    const Provider &p = m_spec.provider;
    if (p.providerType == QLatin1String("rest_api")) {
        s["url"] = toStd(CompileSupport::joinUrl(p.baseUrl, e.path));
        s["method"] = toStd(e.method.isEmpty() ? QStringLiteral("GET") : e.method);
        s["headers"] = J::stringMap(e.headers);
        s["params"] = J::stringMap(e.queryParams);
        if (!e.body.isNull())
            s["body"] = toOrderedJson(e.body);
        s["format"] = "json";
        if (!e.responsePath.isEmpty())
            s["response_path"] = toStd(e.responsePath);
        if (e.rateLimitPerSecond)
            s["rate_limit"] = J::number(*e.rateLimitPerSecond);
        s["pagination"] = toStd(e.pagination.isEmpty() ? QStringLiteral("none") : e.pagination);
        s["auth"] = toStd(e.auth.isEmpty() ? QStringLiteral("none") : e.auth);
    } else if (p.providerType == QLatin1String("file_ftp")) {
        s["path"] = toStd(s3a(CompileSupport::joinUrl(p.baseUrl, e.path),
                              QStringLiteral("/provider/endpoints/%1/path").arg(index)));
        s["format"] = toStd(e.format.isEmpty() ? QStringLiteral("json") : e.format);
        s["options"] = J::stringMap(e.options);
    } else if (p.providerType == QLatin1String("kafka")) {
        s["format"] = toStd(e.format.isEmpty() ? QStringLiteral("json") : e.format);
        OrderedJson o = OrderedJson::object();
        o["kafka.bootstrap.servers"] = toStd(m_bootstrap);
        o["subscribe"] = toStd(e.topic);
        o["startingOffsets"] =
            toStd(e.startingOffsets.isEmpty() ? QStringLiteral("latest") : e.startingOffsets);
        o["failOnDataLoss"] = "true";
        if (!e.groupId.isEmpty())
            o["kafka.group.id"] = toStd(e.groupId);
        // The rate limit per trigger: records per second times the trigger interval.
        const auto interval = CS::durationMs(p.schedule.triggerInterval);
        if (e.rateLimitPerSecond && interval && p.mode == QLatin1String("micro_batch"))
            o["maxOffsetsPerTrigger"] = toStd(QString::number(
                qint64(std::ceil(*e.rateLimitPerSecond * double(*interval) / 1000.0))));
        for (const auto &kv : e.options)
            o[toStd(kv.first)] = toStd(kv.second);
        s["options"] = std::move(o);
    }
}

void SparkJobJson::duration(OrderedJson &transform, const char *key, const QString &value)
{
    transform[key] = interval(value);
}

void SparkJobJson::watermarkKeys(OrderedJson &o, const Transform &t)
{
    o["time_column"] = toStd(t.timeColumn);
    o["max_out_of_orderness"] = interval(t.maxOutOfOrderness);
    if (const auto ms = CS::durationMs(t.maxOutOfOrderness))
        o["max_out_of_orderness_ms"] = *ms;
}

void SparkJobJson::sinkKeys(OrderedJson &o, const Sink &s, int index)
{
    const QString ptr = QStringLiteral("/provider/sinks/%1").arg(index);
    if (s.type == QLatin1String("parquet")) {
        parquetKeys(o, s, ptr);
    } else if (s.type == QLatin1String("iceberg")) {
        icebergKeys(o, s, ptr);
    } else if (s.type == QLatin1String("clickhouse")) {
        o["format"] = "jdbc";
        o["url"] = toStd(CS::sinkConfig(s, QStringLiteral("url")));
        o["dbtable"] = toStd(s.tableName);
        o["driver"] = "com.clickhouse.jdbc.ClickHouseDriver";
        if (const QString u = CS::sinkConfig(s, QStringLiteral("username")); !u.isEmpty())
            o["user"] = toStd(u);
        if (const QString pw = CS::sinkConfig(s, QStringLiteral("password")); !pw.isEmpty())
            o["password"] = toStd(pw);
        o["mode"] = "append";
    } else if (s.type == QLatin1String("kafka")) {
        QString servers = CS::sinkConfig(s, QStringLiteral("bootstrap_servers"));
        if (servers.isEmpty())
            servers = m_bootstrap;
        o["kafka.bootstrap.servers"] = toStd(servers);
        o["topic"] = toStd(s.kafkaTopic);
        if (!s.kafkaKeyField.isEmpty())
            o["key_field"] = toStd(s.kafkaKeyField);
    } else if (s.type == QLatin1String("rest_api")) {
        restKeys(o, s, ptr);
    }
}

void SparkJobJson::parquetKeys(OrderedJson &o, const Sink &s, const QString &ptr) const
{
    QString path = CS::sinkConfig(s, QStringLiteral("path"));
    QString pathPtr = ptr + QStringLiteral("/config/path");
    if (path.isEmpty()) {
        const QString bucket = CS::sinkConfig(s, QStringLiteral("bucket"));
        const QString prefix = CS::sinkConfig(s, QStringLiteral("path_prefix"));
        path = bucket.contains(QLatin1String("://")) ? bucket : QStringLiteral("s3a://") + bucket;
        if (!prefix.isEmpty())
            path = CompileSupport::joinUrl(path, prefix);
        pathPtr = ptr + QStringLiteral("/config/bucket");
    }
    o["format"] = "parquet";
    o["path"] = toStd(s3a(path, pathPtr));
    o["mode"] = "append";
    OrderedJson opts = OrderedJson::object();
    const QString compression = CS::sinkConfig(s, QStringLiteral("compression"));
    if (!compression.isEmpty())
        opts["compression"] = toStd(compression);
    o["options"] = std::move(opts);
    QStringList parts = s.partitionBy;
    if (parts.isEmpty())
        parts = CS::listSetting(CS::sinkConfigNode(s, QStringLiteral("partition_by")));
    if (!parts.isEmpty())
        o["partition_by"] = J::stringList(parts);
}

void SparkJobJson::icebergKeys(OrderedJson &o, const Sink &s, const QString &ptr) const
{
    const QString catalog = icebergCatalog(s);
    QString ns = CS::sinkConfig(s, QStringLiteral("namespace"));
    if (ns.isEmpty() && s.tableName.contains(QLatin1Char('.')))
        ns = s.tableName.section(QLatin1Char('.'), 0, -2);
    o["table"] = toStd(s.tableName);
    o["catalog"] = toStd(catalog);
    if (!ns.isEmpty())
        o["namespace"] = toStd(ns);
    const QString type = CS::sinkConfig(s, QStringLiteral("catalog_type"));
    o["catalog_type"] = toStd(type.isEmpty() ? QStringLiteral("hive") : type);
    if (const QString uri = CS::sinkConfig(s, QStringLiteral("uri")); !uri.isEmpty())
        o["uri"] = toStd(uri);
    if (const QString wh = CS::sinkConfig(s, QStringLiteral("warehouse")); !wh.isEmpty())
        o["warehouse"] = toStd(s3a(wh, ptr + QStringLiteral("/config/warehouse")));
    o["mode"] = "append";
    o["partition_by"] = J::stringList(s.partitionBy);
    OrderedJson props = OrderedJson::object();
    const QString wap = CS::sinkConfig(s, QStringLiteral("write_audit_publish")).isEmpty()
                            ? CS::sinkConfig(s, QStringLiteral("wap"))
                            : CS::sinkConfig(s, QStringLiteral("write_audit_publish"));
    if (wap == QLatin1String("true"))
        props["write.wap.enabled"] = "true";
    if (!props.empty())
        o["table_properties"] = std::move(props);
}

void SparkJobJson::restKeys(OrderedJson &o, const Sink &s, const QString &ptr) const
{
    // The delivery settings of spark-api-etl.md, flat as the runner reads them; delays in
    // seconds.
    if (s.config.isMap()) {
        for (const SourceNode &c : s.config.children()) {
            const std::string k = toStd(c.key());
            if (c.key() == QLatin1String("retry") && c.isMap()) {
                OrderedJson r = OrderedJson::object();
                for (const SourceNode &rc : c.children()) {
                    const auto ms = rc.isString() ? CS::durationMs(rc.text()) : std::nullopt;
                    r[toStd(rc.key())] = ms ? J::number(double(*ms) / 1000.0) : toOrderedJson(rc);
                }
                o["retry"] = std::move(r);
            } else if (c.key() == QLatin1String("response_table") && c.isString()) {
                o[k] = toStd(s3a(c.text(), ptr + QStringLiteral("/config/response_table")));
            } else if (c.key() == QLatin1String("timeout") && c.isString() &&
                       CS::durationMs(c.text())) {
                o[k] = J::number(double(*CS::durationMs(c.text())) / 1000.0);
            } else {
                o[k] = toOrderedJson(c);
            }
        }
    }
    if (!o.contains("method"))
        o["method"] = "POST";
}

} // namespace uis
