// SPDX-License-Identifier: Apache-2.0
#include "kafkalagprobe.h"

#include "metricshelper.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace uis::dcplocal {

KafkaLagProbe::KafkaLagProbe(MetricsHelper *helper, QObject *parent)
    : QObject(parent), m_helper(helper)
{
}

MetricSamples KafkaLagProbe::lag(const QHash<QString, qint64> &endOffsets,
                                 const QHash<QString, qint64> &consumed, qint64 atMs)
{
    MetricSamples out;
    for (auto it = consumed.cbegin(); it != consumed.cend(); ++it) {
        const auto end = endOffsets.constFind(it.key());
        if (end == endOffsets.cend())
            continue;
        out.append({QStringLiteral("kafka_lag"),
                    {},
                    it.key(),
                    QStringLiteral("records"),
                    atMs,
                    double(std::max<qint64>(0, *end - it.value()))});
    }
    return out;
}

void KafkaLagProbe::probe(const QList<KafkaSourceInfo> &sources,
                          const QHash<QString, qint64> &consumed, qint64 atMs, Done done)
{
    // One request per broker; the answers are gathered and the lag computed once all are in.
    struct Gather
    {
        int left = 0;
        QHash<QString, qint64> ends;
        QString error;
        Done done;
    };
    auto g = std::make_shared<Gather>();
    g->done = std::move(done);
    QHash<QString, QStringList> byBroker;
    for (const KafkaSourceInfo &s : sources)
        byBroker[s.bootstrap] << s.topics;
    g->left = int(byBroker.size());
    if (g->left == 0) {
        g->done({}, QString());
        return;
    }
    for (auto it = byBroker.cbegin(); it != byBroker.cend(); ++it) {
        m_helper->request(
            QStringLiteral("end_offsets"),
            {{QStringLiteral("bootstrap"), it.key()},
             {QStringLiteral("topics"), QJsonArray::fromStringList(it.value())}},
            [g, consumed, atMs](const QJsonObject &result, const QString &error) {
                if (!error.isEmpty())
                    g->error = error;
                const QJsonObject topics = result[QLatin1String("offsets")].toObject();
                for (auto t = topics.begin(); t != topics.end(); ++t) {
                    const QJsonObject parts = t.value().toObject();
                    for (auto p = parts.begin(); p != parts.end(); ++p)
                        g->ends.insert(t.key() + QLatin1Char('/') + p.key(), p.value().toInteger());
                }
                if (--g->left == 0)
                    g->done(lag(g->ends, consumed, atMs), g->error);
            });
    }
}

} // namespace uis::dcplocal
