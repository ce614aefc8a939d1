// SPDX-License-Identifier: Apache-2.0
#include "lineagepass.h"

#include "specbuilder.h"

#include <QHash>
#include <QSet>

namespace uis {

LineagePass::LineagePass(ValidationContext &context) : m_ctx(context) {}

void LineagePass::run()
{
    checkKeyFields();
    checkBridge();
}

void LineagePass::checkKeyFields()
{
    const SourceNode *sinks = m_ctx.root().at(QStringLiteral("/provider/sinks"));
    if (!sinks || !sinks->isList())
        return;
    bool any = false;
    for (const SourceNode &s : sinks->children())
        any = any || (s.isMap() && s.find(u"kafka_key_field"));
    if (!any)
        return;
    const Spec &spec = m_ctx.spec();
    const Provider &p = spec.provider;
    QHash<QString, int> transforms, endpoints;
    for (int i = 0; i < p.transforms.size(); ++i)
        transforms.insert(p.transforms.at(i).name, i);
    for (int i = 0; i < p.endpoints.size(); ++i)
        endpoints.insert(p.endpoints.at(i).name, i);

    for (int s = 0; s < p.sinks.size(); ++s) {
        const Sink &sink = p.sinks.at(s);
        if (sink.kafkaKeyField.isEmpty())
            continue;
        const QString key = sink.kafkaKeyField;
        const QString ptr = QStringLiteral("/provider/sinks/%1/kafka_key_field").arg(s);
        // Follow every input back while the key passes through unchanged.
        QStringList todo = spec.effectiveSinkInputs(s);
        QSet<QString> seen;
        QString dropper, why;
        while (!todo.isEmpty() && dropper.isEmpty()) {
            const QString n = todo.takeFirst();
            if (seen.contains(n))
                continue;
            seen.insert(n);
            if (const auto t = transforms.constFind(n); t != transforms.constEnd()) {
                const Transform &tr = p.transforms.at(*t);
                if (tr.type == QLatin1String("window_aggregate")) {
                    const bool out = key == QLatin1String("window_start") ||
                                     key == QLatin1String("window_end") ||
                                     tr.groupBy.contains(key) || mapContains(tr.aggregates, key);
                    if (!out) {
                        dropper = QStringLiteral("transform `%1`").arg(n);
                        QStringList cols{QStringLiteral("window_start"),
                                         QStringLiteral("window_end")};
                        cols += tr.groupBy;
                        for (const auto &kv : tr.aggregates)
                            cols.append(kv.first);
                        why = QStringLiteral("the window aggregate keeps only %1; add `%2` to its "
                                             "group_by or key by one of those")
                                  .arg(cols.join(QStringLiteral(", ")), key);
                    }
                    continue;
                }
                if (tr.type == QLatin1String("field_mapping")) {
                    bool target = false;
                    for (const auto &kv : tr.mapping)
                        target = target || kv.second == key;
                    if (target)
                        continue;
                    if (mapContains(tr.mapping, key)) {
                        dropper = QStringLiteral("transform `%1`").arg(n);
                        why = QStringLiteral("its mapping renames `%1` to `%2`; key by `%2`")
                                  .arg(key, mapValue(tr.mapping, key));
                        continue;
                    }
                }
                if (tr.type == QLatin1String("sql"))
                    continue; // its columns are the query's: not followed
                todo += spec.effectiveTransformInputs(*t);
                continue;
            }
            if (const auto e = endpoints.constFind(n); e != endpoints.constEnd()) {
                const Endpoint &ep = p.endpoints.at(*e);
                bool target = false;
                for (const auto &kv : ep.fieldMapping)
                    target = target || kv.second == key;
                if (!target && mapContains(ep.fieldMapping, key)) {
                    dropper = QStringLiteral("the field_mapping of endpoint `%1`").arg(n);
                    why = QStringLiteral("it renames `%1` to `%2`; key by `%2`")
                              .arg(key, mapValue(ep.fieldMapping, key));
                }
            }
        }
        if (!dropper.isEmpty())
            m_ctx.error(QStringLiteral("UIS-E-KEY-FIELD-DROPPED"),
                        QStringLiteral("sink `%1` keys by `%2`, but %3 drops that field: %4")
                            .arg(spec.sinkName(s), key, dropper, why),
                        ptr, m_ctx.posOf(ptr));
    }
}

void LineagePass::checkBridge()
{
    const QString &type = m_ctx.providerType();
    if (type != QLatin1String("websocket") && type != QLatin1String("webhook"))
        return;
    // Only Flink reads these sources, and only through the bridge.
    const QString engine = m_ctx.textAt(u"/provider/engine");
    if (engine == QLatin1String("spark"))
        return; // the engine rule reports it
    if (!m_ctx.textAt(u"/provider/config/kafka_bootstrap_servers").isEmpty())
        return;
    const QString ptr = QStringLiteral("/provider/config/kafka_bootstrap_servers");
    m_ctx.error(
        QStringLiteral("UIS-E-BRIDGE-BOOTSTRAP"),
        QStringLiteral("a %1 source reaches Flink through a Kafka bridge topic, which needs "
                       "`config.kafka_bootstrap_servers` (the Kafka the bridge writes to)")
            .arg(type == QLatin1String("websocket") ? QStringLiteral("WebSocket")
                                                    : QStringLiteral("webhook")),
        ptr, m_ctx.posOf(ptr));
}

} // namespace uis
