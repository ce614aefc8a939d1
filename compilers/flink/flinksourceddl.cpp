// SPDX-License-Identifier: Apache-2.0
#include "flinksourceddl.h"

#include "compilesupport.h"
#include "flinkcheckedsource.h"
#include "flinkcompiler.h"
#include "flinkfilesourceddl.h"

namespace uis {

using W = FlinkSqlWriter;
using Options = QList<QPair<QString, QString>>;

FlinkSourceDdl::FlinkSourceDdl(FlinkContext &context, const FlinkPlanner &planner)
    : m_ctx(context), m_planner(planner)
{
}

void FlinkSourceDdl::write(FlinkSqlWriter &w)
{
    for (int i = 0; i < m_ctx.provider().endpoints.size(); ++i)
        table(w, i);
}

QString FlinkSourceDdl::format(const Endpoint &e)
{
    if (!e.hasSchema || e.schema.isEmpty())
        return QStringLiteral("raw");
    if (e.format.isEmpty() || e.format == QLatin1String("json"))
        return QStringLiteral("json");
    return e.format; // avro, csv, raw
}

void FlinkSourceDdl::table(FlinkSqlWriter &w, int i)
{
    if (m_ctx.provider().providerType == QLatin1String("file_ftp")) {
        FlinkFileSourceDdl(m_ctx, m_planner).write(w, i);
        return;
    }
    const Endpoint &e = m_ctx.provider().endpoints.at(i);
    const FlinkRelation &r = m_planner.source(e.name);
    // Without a schema the spec's named columns are read from JSON (FlinkPlanner).
    const bool whole = r.columns.size() == 1 && r.columns.first().raw;
    const QString valueFormat =
        format(e) == QLatin1String("raw") && !whole ? QStringLiteral("json") : format(e);
    Options opts;
    const QString group =
        e.groupId.isEmpty() ? QStringLiteral("uis-") + m_ctx.spec().name : e.groupId;
    if (m_ctx.provider().providerType == QLatin1String("kafka")) {
        opts << qMakePair(QStringLiteral("connector"), QStringLiteral("kafka"))
             << qMakePair(QStringLiteral("topic"), e.topic)
             << qMakePair(QStringLiteral("properties.bootstrap.servers"), m_ctx.bootstrap())
             << qMakePair(QStringLiteral("properties.group.id"), group);
        if (e.startingOffsets == QLatin1String("earliest"))
            opts << qMakePair(QStringLiteral("scan.startup.mode"),
                              QStringLiteral("earliest-offset"));
        else if (e.startingOffsets == QLatin1String("latest"))
            opts << qMakePair(QStringLiteral("scan.startup.mode"), QStringLiteral("latest-offset"));
        else
            opts << qMakePair(QStringLiteral("scan.startup.mode"), QStringLiteral("group-offsets"))
                 << qMakePair(QStringLiteral("properties.auto.offset.reset"),
                              QStringLiteral("latest"));
        opts << qMakePair(QStringLiteral("format"), valueFormat);
        // A batch job reads the topic up to the offsets at its start, then ends.
        if (!CompileSupport::streamingOn(m_ctx.spec(), Engine::Flink))
            opts << qMakePair(QStringLiteral("scan.bounded.mode"), QStringLiteral("latest-offset"));
        for (const auto &kv : e.options)
            opts << kv;
        w.comment(QStringLiteral("source: Kafka topic %1 (endpoint %2)").arg(e.topic, e.name));
    } else if (m_ctx.bridged()) {
        const QString topic = FlinkCompiler::bridgeTopic(m_ctx.spec(), e.name);
        opts << qMakePair(QStringLiteral("connector"), QStringLiteral("kafka"))
             << qMakePair(QStringLiteral("topic"), topic)
             << qMakePair(QStringLiteral("properties.bootstrap.servers"), m_ctx.bootstrap())
             << qMakePair(QStringLiteral("properties.group.id"), group)
             << qMakePair(QStringLiteral("scan.startup.mode"), QStringLiteral("group-offsets"))
             << qMakePair(QStringLiteral("properties.auto.offset.reset"),
                          QStringLiteral("earliest"))
             << qMakePair(QStringLiteral("format"), valueFormat);
        const bool ws = m_ctx.provider().providerType == QLatin1String("websocket");
        w.comment(
            QStringLiteral("source: %1 endpoint %2 through the Kafka bridge topic %3.")
                .arg(ws ? QStringLiteral("WebSocket") : QStringLiteral("webhook"), e.name, topic));
        w.comment(QStringLiteral("Flink has no %1 connector: the UIS bridge writes each message to "
                                 "the topic and Flink reads it from there.")
                      .arg(ws ? QStringLiteral("WebSocket") : QStringLiteral("webhook")));
        if (m_ctx.bootstrap().isEmpty())
            m_ctx.error(QStringLiteral("UIS-E-FLINK-BRIDGE"),
                        QStringLiteral("the Kafka bridge for endpoint `%1` needs "
                                       "`config.kafka_bootstrap_servers`")
                            .arg(e.name),
                        QStringLiteral("/provider/config"));
        m_ctx.info(
            QStringLiteral("UIS-I-KAFKA-BRIDGE"),
            QStringLiteral("Flink has no %1 connector: endpoint `%2` reaches Flink through the "
                           "Kafka bridge topic `%3`")
                .arg(ws ? QStringLiteral("WebSocket") : QStringLiteral("webhook"), e.name, topic),
            FlinkContext::endpointPointer(i));
    } else if (m_ctx.provider().providerType == QLatin1String("database")) {
        const bool pg = e.connector != QLatin1String("mysql-cdc");
        opts << qMakePair(QStringLiteral("connector"),
                          pg ? QStringLiteral("postgres-cdc") : QStringLiteral("mysql-cdc"))
             << qMakePair(QStringLiteral("hostname"), e.hostname)
             << qMakePair(QStringLiteral("port"),
                          QString::number(e.port.value_or(pg ? 5432 : 3306)))
             << qMakePair(QStringLiteral("username"), e.username)
             << qMakePair(QStringLiteral("password"), e.password)
             << qMakePair(QStringLiteral("database-name"), e.databaseName);
        if (pg)
            opts << qMakePair(QStringLiteral("schema-name"),
                              e.schemaName.isEmpty() ? QStringLiteral("public") : e.schemaName);
        opts << qMakePair(QStringLiteral("table-name"), e.tables.size() == 1
                                                            ? e.tables.first()
                                                            : QStringLiteral("(") +
                                                                  e.tables.join(QLatin1Char('|')) +
                                                                  QLatin1Char(')'));
        if (e.tables.size() > 1)
            m_ctx.info(QStringLiteral("UIS-I-FLINK-CDC-TABLES"),
                       QStringLiteral(
                           "endpoint `%1` reads %2 tables into one Flink table: they must share "
                           "the schema")
                           .arg(e.name)
                           .arg(e.tables.size()),
                       FlinkContext::endpointPointer(i) + QStringLiteral("/tables"));
        if (pg)
            opts << qMakePair(QStringLiteral("slot.name"), e.slotName)
                 << qMakePair(QStringLiteral("decoding.plugin.name"), QStringLiteral("pgoutput"));
        opts << qMakePair(QStringLiteral("scan.startup.mode"),
                          e.startupMode.isEmpty() ? QStringLiteral("initial") : e.startupMode);
        // The incremental snapshot reads in parallel, checkpoints during the snapshot and
        // is the only one that supports every startup mode (it splits by the table's
        // primary key in the database).
        opts << qMakePair(QStringLiteral("scan.incremental.snapshot.enabled"),
                          QStringLiteral("true"));
        if (r.key.isEmpty())
            m_ctx.warning(
                QStringLiteral("UIS-W-FLINK-CDC-KEY"),
                QStringLiteral("endpoint `%1` has no key column: mark the primary key columns "
                               "`nullable: false` in its schema so updates and deletes find their "
                               "rows")
                    .arg(e.name),
                FlinkContext::endpointPointer(i) + QStringLiteral("/schema"));
        w.comment(QStringLiteral("source: change data capture of %1.%2 (endpoint %3); the columns "
                                 "declared `nullable: false` form the primary key")
                      .arg(e.databaseName, e.tables.join(QStringLiteral(", ")), e.name));
    }
    if (!w.keepsText())
        return; // the rest is text only: the source's findings are made above
    if (!r.checked.isEmpty()) {
        FlinkCheckedSource(m_ctx, m_planner).write(w, i, opts);
        return;
    }
    // Derived time columns are read as text and parsed in computed columns (the watermark goes
    // on the parsed one); a view shows them under their own names.
    FlinkRelation physical = r;
    QStringList computed;
    for (FlinkColumn &c : physical.columns) {
        if (!c.parsedTime)
            continue;
        c.type = QStringLiteral("STRING");
        computed.append(QStringLiteral("%1 AS %2")
                            .arg(W::identifier(FlinkRelation::parsedTimeColumn(c.name)),
                                 FlinkRelation::parsedTimeExpression(W::identifier(c.name))));
    }
    QString wm;
    if (!r.rowtime.isEmpty()) {
        const qint64 delay = m_planner.watermarkDelay(e.name, r.rowtime);
        const FlinkColumn *rc = r.column(r.rowtime);
        const QString col = W::identifier(
            rc && rc->parsedTime ? FlinkRelation::parsedTimeColumn(r.rowtime) : r.rowtime);
        wm = delay > 0 ? QStringLiteral("WATERMARK FOR %1 AS %1 - %2").arg(col, W::interval(delay))
                       : QStringLiteral("WATERMARK FOR %1 AS %1").arg(col);
    }
    const bool parsed = !computed.isEmpty();
    if (!wm.isEmpty())
        computed.append(wm);
    if (parsed && !m_utc) {
        // The parsed time columns are UTC instants shown as TIMESTAMP(3).
        w.statement(QStringLiteral("SET 'table.local-time-zone' = 'UTC'"));
        m_utc = true;
    }
    const QString table = r.table.isEmpty() ? r.sql : r.table;
    w.statement(
        QStringLiteral("CREATE TABLE %1 %2 %3")
            .arg(table,
                 physical.columnDdl(m_ctx.provider().providerType == QLatin1String("database")
                                        ? r.key
                                        : QStringList(),
                                    true, computed.join(QStringLiteral(",\n  "))),
                 W::withClause(opts)));
    if (!r.table.isEmpty()) {
        QStringList cols;
        for (const FlinkColumn &c : r.columns)
            cols.append(c.parsedTime
                            ? QStringLiteral("%1 AS %2")
                                  .arg(W::identifier(FlinkRelation::parsedTimeColumn(c.name)),
                                       W::identifier(c.name))
                            : W::identifier(c.name));
        w.blank();
        w.comment(QStringLiteral("endpoint %1 with its time columns parsed").arg(e.name));
        w.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\nSELECT %2\nFROM %3")
                        .arg(r.sql, cols.join(QStringLiteral(", ")), table));
    }
    w.blank();
}

} // namespace uis
