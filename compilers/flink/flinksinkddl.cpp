// SPDX-License-Identifier: Apache-2.0
#include "flinksinkddl.h"

#include "compilesupport.h"

#include <QRegularExpression>

namespace uis {

namespace {

using CS = CompileSupport;
using W = FlinkSqlWriter;
using Options = QList<QPair<QString, QString>>;

const char *const kClickHouseJar =
    "flink-connector-clickhouse (github.com/itinycheng/flink-connector-clickhouse; not on Maven "
    "Central, build it and put the jar in Flink's lib/)";

} // namespace

FlinkSinkDdl::FlinkSinkDdl(FlinkContext &context, const FlinkPlanner &planner)
    : m_ctx(context), m_planner(planner)
{
}

void FlinkSinkDdl::write(FlinkSqlWriter &w)
{
    for (int i = 0; i < m_ctx.provider().sinks.size(); ++i)
        table(w, i);
}

// ------------------------------------------------------------------ sinks

QStringList FlinkSinkDdl::sinkKey(const Sink &s, const FlinkRelation &in, int i, const QString &why)
{
    QStringList key = CS::listSetting(CS::sinkConfigNode(s, QStringLiteral("primary_key")));
    if (key.isEmpty())
        key = in.key;
    if (key.isEmpty() && !s.kafkaKeyField.isEmpty())
        key = {s.kafkaKeyField};
    if (key.isEmpty())
        m_ctx.error(QStringLiteral("UIS-E-FLINK-KEY"),
                    QStringLiteral(
                        "sink `%1` receives an updating stream and %2 needs its key: set "
                        "`config.primary_key` (or mark the source's key columns `nullable: false`)")
                        .arg(m_ctx.index().sinkName(i), why),
                    FlinkContext::sinkPointer(i));
    for (const QString &k : key) {
        if (in.known && !in.column(k))
            m_ctx.error(
                QStringLiteral("UIS-E-FLINK-COLUMN"),
                QStringLiteral("key column `%1` of sink `%2` is not a column of its input (%3)")
                    .arg(k, m_ctx.index().sinkName(i), in.columnList()),
                FlinkContext::sinkPointer(i));
    }
    return key;
}

QString FlinkSinkDdl::insertSelect(const FlinkRelation &in, const QStringList &inputs,
                                   const QString &sinkName, int i)
{
    QStringList cols;
    for (const FlinkColumn &c : in.columns) {
        if (c.type.isEmpty()) {
            cols.append(QStringLiteral("CAST(%1 AS STRING) AS %1").arg(W::identifier(c.name)));
            m_ctx.warning(QStringLiteral("UIS-W-FLINK-TYPE"),
                          QStringLiteral(
                              "the type of `%1` is unknown, so sink `%2` stores it as STRING; give "
                              "the expression a CAST to choose the type")
                              .arg(c.name, sinkName),
                          FlinkContext::sinkPointer(i));
        } else {
            cols.append(W::identifier(c.name));
        }
    }
    if (!in.known)
        cols = QStringList{QStringLiteral("*")};
    return QStringLiteral("SELECT %1\nFROM %2")
        .arg(cols.join(QStringLiteral(", ")), m_planner.fromClause(inputs, in));
}

void FlinkSinkDdl::table(FlinkSqlWriter &w, int i)
{
    const Sink &s = m_ctx.provider().sinks.at(i);
    const QString name = m_ctx.index().sinkName(i);
    const QStringList inputs = m_ctx.index().sinkInputs(i);
    const FlinkRelation in = m_planner.unionOf(inputs);
    if (!in.known) {
        m_ctx.error(QStringLiteral("UIS-E-FLINK-COLUMNS"),
                    QStringLiteral(
                        "sink `%1`: the columns of its input are unknown, so its table cannot be "
                        "declared; list the columns in the sql transform's SELECT")
                        .arg(name),
                    FlinkContext::sinkPointer(i));
        return;
    }
    Options opts;
    QStringList pk;
    QString target = W::identifier(name);
    QString partitioned;
    const QString servers = CS::sinkConfig(s, QStringLiteral("bootstrap_servers")).isEmpty()
                                ? m_ctx.bootstrap()
                                : CS::sinkConfig(s, QStringLiteral("bootstrap_servers"));
    if (s.type == QLatin1String("kafka")) {
        if (s.kafkaKeyField.contains(QLatin1Char(';')))
            m_ctx.error(
                QStringLiteral("UIS-E-FLINK-COLUMN"),
                QStringLiteral("kafka_key_field `%1` contains `;`, which Flink's `key.fields` list "
                               "cannot hold; rename the column")
                    .arg(s.kafkaKeyField),
                FlinkContext::sinkPointer(i) + QStringLiteral("/kafka_key_field"));
        else if (!s.kafkaKeyField.isEmpty() && !in.column(s.kafkaKeyField))
            m_ctx.error(
                QStringLiteral("UIS-E-FLINK-COLUMN"),
                QStringLiteral("kafka_key_field `%1` is not a column of sink `%2`'s input (%3)")
                    .arg(s.kafkaKeyField, name, in.columnList()),
                FlinkContext::sinkPointer(i) + QStringLiteral("/kafka_key_field"));
        const bool exactlyOnce =
            CS::sinkConfig(s, QStringLiteral("transactional")) == QLatin1String("true");
        if (in.updating) {
            pk = sinkKey(s, in, i, QStringLiteral("upsert-kafka"));
            opts << qMakePair(QStringLiteral("connector"), QStringLiteral("upsert-kafka"))
                 << qMakePair(QStringLiteral("topic"), s.kafkaTopic)
                 << qMakePair(QStringLiteral("properties.bootstrap.servers"), servers)
                 << qMakePair(QStringLiteral("key.format"), QStringLiteral("json"))
                 << qMakePair(QStringLiteral("value.format"), QStringLiteral("json"));
            w.comment(QStringLiteral(
                          "sink %1: Kafka topic %2 as an upsert stream (its input has updates), "
                          "keyed by %3")
                          .arg(name, s.kafkaTopic, pk.join(QStringLiteral(", "))));
        } else {
            opts << qMakePair(QStringLiteral("connector"), QStringLiteral("kafka"))
                 << qMakePair(QStringLiteral("topic"), s.kafkaTopic)
                 << qMakePair(QStringLiteral("properties.bootstrap.servers"), servers);
            if (!s.kafkaKeyField.isEmpty()) {
                const FlinkColumn *kc = in.column(s.kafkaKeyField);
                opts << qMakePair(QStringLiteral("key.format"),
                                  kc && kc->type == QLatin1String("STRING")
                                      ? QStringLiteral("raw")
                                      : QStringLiteral("json"))
                     << qMakePair(QStringLiteral("key.fields"), s.kafkaKeyField)
                     << qMakePair(QStringLiteral("value.format"), QStringLiteral("json"));
            } else if (in.columns.size() == 1 && in.columns.first().raw) {
                // Records read whole (no schema) are written back unchanged.
                opts << qMakePair(QStringLiteral("format"), QStringLiteral("raw"));
            } else {
                opts << qMakePair(QStringLiteral("format"), QStringLiteral("json"));
            }
            w.comment(QStringLiteral("sink %1: Kafka topic %2").arg(name, s.kafkaTopic));
        }
        if (exactlyOnce)
            // Kafka brokers cap transactions at 15 minutes by default; the producer's 1 h
            // default would be refused.
            opts << qMakePair(QStringLiteral("sink.delivery-guarantee"),
                              QStringLiteral("exactly-once"))
                 << qMakePair(QStringLiteral("sink.transactional-id-prefix"),
                              QStringLiteral("uis-%1-%2").arg(m_ctx.spec().name, name))
                 << qMakePair(QStringLiteral("properties.transaction.timeout.ms"),
                              QStringLiteral("900000"));
        else
            opts << qMakePair(QStringLiteral("sink.delivery-guarantee"),
                              QStringLiteral("at-least-once"));
        if (servers.isEmpty())
            m_ctx.error(
                QStringLiteral("UIS-E-REQUIRED"),
                QStringLiteral("kafka sink `%1` needs `config.bootstrap_servers` or the provider's "
                               "`config.kafka_bootstrap_servers`")
                    .arg(name),
                FlinkContext::sinkPointer(i) + QStringLiteral("/config"));
    } else if (s.type == QLatin1String("iceberg")) {
        const QString catalog = CS::sinkConfig(s, QStringLiteral("catalog")).isEmpty()
                                    ? QStringLiteral("uis")
                                    : CS::sinkConfig(s, QStringLiteral("catalog"));
        QString ns = s.tableName.section(QLatin1Char('.'), 0, -2);
        const QString table = s.tableName.section(QLatin1Char('.'), -1);
        if (ns.isEmpty())
            ns = CS::sinkConfig(s, QStringLiteral("namespace"));
        if (ns.isEmpty())
            ns = QStringLiteral("default");
        if (!m_catalogs.contains(catalog)) {
            m_catalogs.insert(catalog);
            Options cat;
            const QString type = CS::sinkConfig(s, QStringLiteral("catalog_type"));
            cat << qMakePair(QStringLiteral("type"), QStringLiteral("iceberg"))
                << qMakePair(QStringLiteral("catalog-type"),
                             type.isEmpty() ? QStringLiteral("hive") : type);
            if (const QString uri = CS::sinkConfig(s, QStringLiteral("uri")); !uri.isEmpty())
                cat << qMakePair(QStringLiteral("uri"), uri);
            if (const QString wh = CS::sinkConfig(s, QStringLiteral("warehouse")); !wh.isEmpty())
                cat << qMakePair(QStringLiteral("warehouse"),
                                 m_ctx.s3a(wh, FlinkContext::sinkPointer(i) +
                                                   QStringLiteral("/config/warehouse")));
            w.comment(QStringLiteral("Iceberg catalog %1").arg(catalog));
            w.statement(QStringLiteral("CREATE CATALOG %1 %2")
                            .arg(W::identifier(catalog), W::withClause(cat)));
            w.blank();
        }
        w.statement(QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(W::path({catalog, ns})));
        w.blank();
        target = W::path({catalog, ns, table});
        QStringList parts;
        for (int k = 0; k < s.partitionBy.size(); ++k) {
            const QString &col = s.partitionBy.at(k);
            if (!in.column(col)) {
                m_ctx.warning(
                    QStringLiteral("UIS-W-FLINK-PARTITION"),
                    QStringLiteral("partition `%1` of sink `%2` is not a column: Flink creates "
                                   "Iceberg "
                                   "tables with identity partitions only, so it is left out")
                        .arg(col, name),
                    FlinkContext::sinkPointer(i) + QStringLiteral("/partition_by/%1").arg(k));
                continue;
            }
            parts.append(W::identifier(col));
        }
        if (!parts.isEmpty())
            partitioned =
                QStringLiteral(" PARTITIONED BY (%1)").arg(parts.join(QStringLiteral(", ")));
        if (in.updating) {
            pk = sinkKey(s, in, i, QStringLiteral("an Iceberg upsert table"));
            opts << qMakePair(QStringLiteral("format-version"), QStringLiteral("2"))
                 << qMakePair(QStringLiteral("write.upsert.enabled"), QStringLiteral("true"));
            // Iceberg upserts need the partition columns in the key.
            for (const QString &col : s.partitionBy) {
                if (in.column(col) && !pk.contains(col))
                    pk.append(col);
            }
        } else {
            opts << qMakePair(QStringLiteral("format-version"), QStringLiteral("2"));
        }
        w.comment(QStringLiteral("sink %1: Iceberg table %2.%3.%4%5")
                      .arg(name, catalog, ns, table,
                           in.updating ? QStringLiteral(" (upserts by primary key)") : QString()));
        w.statement(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 %2%3 %4")
                        .arg(target, in.columnDdl(pk, false), partitioned, W::withClause(opts)));
        w.blank();
        m_inserts.append(
            QStringLiteral("INSERT INTO %1\n%2").arg(target, insertSelect(in, inputs, name, i)));
        return;
    } else if (s.type == QLatin1String("clickhouse")) {
        static const QRegularExpression url(
            QStringLiteral("^jdbc:(?:clickhouse|ch):(?:http[s]?:)?//([^/?]+)(?:/([^?]*))?"));
        const QString jdbc = CS::sinkConfig(s, QStringLiteral("url"));
        const auto m = url.match(jdbc);
        QString database = s.tableName.contains(QLatin1Char('.'))
                               ? s.tableName.section(QLatin1Char('.'), 0, -2)
                               : (m.hasMatch() ? m.captured(2) : QString());
        if (database.isEmpty())
            database = QStringLiteral("default");
        opts << qMakePair(QStringLiteral("connector"), QStringLiteral("clickhouse"))
             << qMakePair(QStringLiteral("url"),
                          m.hasMatch() ? QStringLiteral("clickhouse://") + m.captured(1) : jdbc)
             << qMakePair(QStringLiteral("database-name"), database)
             << qMakePair(QStringLiteral("table-name"), s.tableName.section(QLatin1Char('.'), -1));
        if (const QString u = CS::sinkConfig(s, QStringLiteral("username")); !u.isEmpty())
            opts << qMakePair(QStringLiteral("username"), u);
        if (const QString pw = CS::sinkConfig(s, QStringLiteral("password")); !pw.isEmpty())
            opts << qMakePair(QStringLiteral("password"), pw);
        opts << qMakePair(QStringLiteral("sink.batch-size"), QStringLiteral("1000"))
             << qMakePair(QStringLiteral("sink.flush-interval"), QStringLiteral("1s"))
             << qMakePair(QStringLiteral("sink.max-retries"), QStringLiteral("3"));
        if (in.updating)
            pk = sinkKey(s, in, i, QStringLiteral("ClickHouse"));
        m_ctx.warning(QStringLiteral("UIS-W-FLINK-CLICKHOUSE"),
                      QStringLiteral("Apache Flink has no ClickHouse SQL connector: sink `%1` uses "
                                     "the community "
                                     "connector's options, and its jar %2 must be on the classpath")
                          .arg(name, QString::fromLatin1(kClickHouseJar)),
                      FlinkContext::sinkPointer(i));
        w.comment(QStringLiteral("sink %1: ClickHouse table %2 through the community connector "
                                 "(not part of Apache Flink): needs %3")
                      .arg(name, s.tableName, QString::fromLatin1(kClickHouseJar)));
    } else if (s.type == QLatin1String("parquet")) {
        QString path = CS::sinkConfig(s, QStringLiteral("path"));
        if (path.isEmpty()) {
            const QString bucket = CS::sinkConfig(s, QStringLiteral("bucket"));
            const QString prefix = CS::sinkConfig(s, QStringLiteral("path_prefix"));
            path =
                bucket.contains(QLatin1String("://")) ? bucket : QStringLiteral("s3a://") + bucket;
            if (!prefix.isEmpty())
                path = path + (path.endsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/")) +
                       prefix;
        }
        path = m_ctx.s3a(path, FlinkContext::sinkPointer(i) + QStringLiteral("/config"));
        QString codec = CS::sinkConfig(s, QStringLiteral("compression")).toUpper();
        if (codec == QLatin1String("NONE"))
            codec = QStringLiteral("UNCOMPRESSED");
        opts << qMakePair(QStringLiteral("connector"), QStringLiteral("filesystem"))
             << qMakePair(QStringLiteral("path"), path)
             << qMakePair(QStringLiteral("format"), QStringLiteral("parquet"))
             // Timestamps are UTC instants, as Spark writes them (not the JVM's local time).
             << qMakePair(QStringLiteral("parquet.utc-timezone"), QStringLiteral("true"));
        if (!codec.isEmpty())
            opts << qMakePair(QStringLiteral("parquet.compression"), codec);
        QStringList parts;
        QStringList partitionCols = s.partitionBy;
        if (partitionCols.isEmpty())
            partitionCols = CS::listSetting(CS::sinkConfigNode(s, QStringLiteral("partition_by")));
        for (const QString &col : partitionCols) {
            if (in.column(col))
                parts.append(W::identifier(col));
            else
                m_ctx.error(
                    QStringLiteral("UIS-E-FLINK-COLUMN"),
                    QStringLiteral("partition `%1` of sink `%2` is not a column of its input")
                        .arg(col, name),
                    FlinkContext::sinkPointer(i) + QStringLiteral("/partition_by"));
        }
        if (!parts.isEmpty())
            partitioned =
                QStringLiteral(" PARTITIONED BY (%1)").arg(parts.join(QStringLiteral(", ")));
        if (in.updating)
            m_ctx.error(QStringLiteral("UIS-E-FLINK-CHANGELOG"),
                        QStringLiteral(
                            "parquet sink `%1` can only append, but its input has updates; write "
                            "it to an Iceberg, Kafka or console sink")
                            .arg(name),
                        FlinkContext::sinkPointer(i));
        w.comment(QStringLiteral("sink %1: Parquet files under %2 (committed on each checkpoint)")
                      .arg(name, path));
    } else if (s.type == QLatin1String("console")) {
        opts << qMakePair(QStringLiteral("connector"), QStringLiteral("print"));
        w.comment(QStringLiteral("sink %1: the TaskManagers' standard output").arg(name));
    } else {
        m_ctx.error(QStringLiteral("UIS-E-FLINK-SINK"),
                    QStringLiteral(
                        "sink `%1`: Flink has no %2 connector; deliver to REST APIs from a Spark "
                        "spec (mode batch or micro_batch)")
                        .arg(name, s.type),
                    FlinkContext::sinkPointer(i) + QStringLiteral("/type"));
        return;
    }
    w.statement(QStringLiteral("CREATE TABLE %1 %2%3 %4")
                    .arg(target, in.columnDdl(pk, false), partitioned, W::withClause(opts)));
    w.blank();
    m_inserts.append(
        QStringLiteral("INSERT INTO %1\n%2").arg(target, insertSelect(in, inputs, name, i)));
}

} // namespace uis
