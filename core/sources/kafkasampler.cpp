// SPDX-License-Identifier: Apache-2.0
#include "kafkasampler.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimeZone>
#include <QUuid>
#include <QtConcurrent>

#include <librdkafka/rdkafka.h>

namespace uis {

namespace {

QString configText(const Provider &p, QStringView key)
{
    const SourceNode *n = p.config.find(key);
    return n ? n->text() : QString();
}

bool set(rd_kafka_conf_t *conf, const char *name, const QByteArray &value, QString *error)
{
    char why[512];
    if (rd_kafka_conf_set(conf, name, value.constData(), why, sizeof why) != RD_KAFKA_CONF_OK) {
        *error = QStringLiteral("%1: %2").arg(QLatin1String(name), QString::fromUtf8(why));
        return false;
    }
    return true;
}

int remaining(const QDeadlineTimer &deadline)
{
    return int(qMax<qint64>(0, deadline.remainingTime()));
}

QJsonValue valueOf(const QByteArray &bytes, const QString &format, bool *poison)
{
    *poison = false;
    if (format != QLatin1String("json"))
        return QString::fromUtf8(bytes);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + bytes + "]", &pe);
    if (pe.error == QJsonParseError::NoError && doc.array().size() == 1)
        return doc.array().at(0);
    *poison = true;
    return QString::fromUtf8(bytes);
}

} // namespace

QStringList KafkaSampler::metadataFields()
{
    return {QStringLiteral("partition"), QStringLiteral("offset"), QStringLiteral("timestamp"),
            QStringLiteral("key"), QStringLiteral("headers")};
}

KafkaSampler::KafkaSampler(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_result = m_watcher.result();
        Q_EMIT finished();
    });
}

KafkaSampler::~KafkaSampler()
{
    m_watcher.waitForFinished(); // bounded by timeoutMs
}

KafkaSampleResult KafkaSampler::sample(const Provider &provider, const Endpoint &e,
                                       int perPartition, int timeoutMs)
{
    KafkaSampleResult r;
    const QString brokers = configText(provider, u"kafka_bootstrap_servers");
    if (brokers.isEmpty()) {
        r.error = QStringLiteral("set config.kafka_bootstrap_servers to sample this topic");
        return r;
    }
    if (e.topic.isEmpty()) {
        r.error = QStringLiteral("the endpoint has no topic");
        return r;
    }
    const QString format = e.format.isEmpty() ? QStringLiteral("json") : e.format.toLower();
    if (format == QLatin1String("avro")) {
        r.error = QStringLiteral("Avro topics are not sampled yet (json, csv and raw are)");
        return r;
    }
    const QDeadlineTimer deadline(timeoutMs);

    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    // A throw-away group that commits nothing: partitions are assigned, not subscribed.
    const QByteArray group = "uis-sample-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (!set(conf, "bootstrap.servers", brokers.toUtf8(), &r.error) ||
        !set(conf, "group.id", group, &r.error) ||
        !set(conf, "enable.auto.commit", "false", &r.error) ||
        !set(conf, "enable.auto.offset.store", "false", &r.error) ||
        !set(conf, "enable.partition.eof", "true", &r.error) ||
        !set(conf, "allow.auto.create.topics", "false", &r.error) ||
        !set(conf, "log_level", "0", &r.error)) { // failures are reported, not logged to stderr
        rd_kafka_conf_destroy(conf);
        return r;
    }
    char why[512];
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, why, sizeof why);
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        r.error = QStringLiteral("cannot start a Kafka client: %1").arg(QString::fromUtf8(why));
        return r;
    }
    const QByteArray topicName = e.topic.toUtf8();
    rd_kafka_topic_t *topic = rd_kafka_topic_new(rk, topicName.constData(), nullptr);
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t merr = rd_kafka_metadata(rk, 0, topic, &md, remaining(deadline));
    QList<int> partitions;
    if (merr != RD_KAFKA_RESP_ERR_NO_ERROR) {
        r.error = QStringLiteral("cannot reach the Kafka brokers %1 within %2 s: %3 (is the "
                                 "broker running? check config.kafka_bootstrap_servers)")
                      .arg(brokers)
                      .arg(timeoutMs / 1000)
                      .arg(QString::fromUtf8(rd_kafka_err2str(merr)));
    } else if (md->topic_cnt < 1 || md->topics[0].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        r.error = QStringLiteral("no topic `%1` on %2 (%3)")
                      .arg(e.topic, brokers,
                           QString::fromUtf8(rd_kafka_err2str(
                               md->topic_cnt < 1 ? RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
                                                 : md->topics[0].err)));
    } else {
        for (int i = 0; i < md->topics[0].partition_cnt; ++i)
            partitions.append(md->topics[0].partitions[i].id);
    }
    if (md)
        rd_kafka_metadata_destroy(md);
    rd_kafka_topic_destroy(topic);

    // From each partition, the last N offsets: [max(low, high - N), high).
    QMap<int, qint64> ends; // partition → high watermark still to reach
    rd_kafka_topic_partition_list_t *assignment = rd_kafka_topic_partition_list_new(4);
    for (const int p : std::as_const(partitions)) {
        int64_t low = 0, high = 0;
        const rd_kafka_resp_err_t werr = rd_kafka_query_watermark_offsets(
            rk, topicName.constData(), p, &low, &high, remaining(deadline));
        if (werr != RD_KAFKA_RESP_ERR_NO_ERROR) {
            r.error = QStringLiteral("cannot read the offsets of %1 partition %2: %3")
                          .arg(e.topic)
                          .arg(p)
                          .arg(QString::fromUtf8(rd_kafka_err2str(werr)));
            break;
        }
        if (high <= low)
            continue;
        rd_kafka_topic_partition_list_add(assignment, topicName.constData(), p)->offset =
            qMax<int64_t>(low, high - perPartition);
        ends.insert(p, high);
    }
    QMap<int, QJsonArray> byPartition;
    int poison = 0;
    if (r.error.isEmpty() && !ends.isEmpty())
        rd_kafka_assign(rk, assignment);
    while (r.error.isEmpty() && !ends.isEmpty() && !deadline.hasExpired()) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, qMin(200, remaining(deadline)));
        if (!m)
            continue;
        const int p = m->partition;
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            ends.remove(p);
        } else if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            r.notes.append(QString::fromUtf8(rd_kafka_message_errstr(m)));
        } else {
            QJsonObject msg;
            msg.insert(QStringLiteral("partition"), p);
            msg.insert(QStringLiteral("offset"), qint64(m->offset));
            rd_kafka_timestamp_type_t type;
            const int64_t ts = rd_kafka_message_timestamp(m, &type);
            msg.insert(QStringLiteral("timestamp"),
                       ts < 0 ? QJsonValue()
                              : QJsonValue(QDateTime::fromMSecsSinceEpoch(ts, QTimeZone::utc())
                                               .toUTC()
                                               .toString(Qt::ISODateWithMs)));
            msg.insert(QStringLiteral("key"),
                       m->key ? QJsonValue(QString::fromUtf8(static_cast<const char *>(m->key),
                                                             qsizetype(m->key_len)))
                              : QJsonValue());
            QJsonObject headers;
            rd_kafka_headers_t *hdrs = nullptr;
            if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
                const char *name = nullptr;
                const void *val = nullptr;
                size_t size = 0;
                for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &val, &size) ==
                                   RD_KAFKA_RESP_ERR_NO_ERROR;
                     ++i)
                    headers.insert(QString::fromUtf8(name),
                                   val ? QJsonValue(QString::fromUtf8(
                                             static_cast<const char *>(val), qsizetype(size)))
                                       : QJsonValue());
            }
            msg.insert(QStringLiteral("headers"), headers);
            bool bad = false;
            const QByteArray bytes(static_cast<const char *>(m->payload), qsizetype(m->len));
            msg.insert(QStringLiteral("value"),
                       m->payload ? valueOf(bytes, format, &bad) : QJsonValue());
            poison += bad ? 1 : 0;
            byPartition[p].append(msg);
            if (m->offset + 1 >= ends.value(p))
                ends.remove(p);
        }
        rd_kafka_message_destroy(m);
    }
    if (r.error.isEmpty() && !ends.isEmpty())
        r.notes.append(QStringLiteral("stopped after %1 s with %2 partition(s) not read to their "
                                      "end")
                           .arg(timeoutMs / 1000)
                           .arg(ends.size()));
    if (poison > 0)
        r.notes.append(QStringLiteral("%1 value(s) are not JSON: kept as text here; the engines "
                                      "skip them as poison records")
                           .arg(poison));
    rd_kafka_topic_partition_list_destroy(assignment);
    rd_kafka_assign(rk, nullptr); // unassign
    rd_kafka_destroy(rk);         // nothing to commit: auto-commit is off and nothing was stored

    for (auto it = byPartition.cbegin(); it != byPartition.cend(); ++it) {
        for (const QJsonValue &msg : it.value()) {
            r.messages.append(msg);
            QJsonObject meta = msg.toObject();
            const QJsonValue v = meta.take(QStringLiteral("value"));
            if (format == QLatin1String("json") && !v.isObject())
                continue; // a record is an object: the rest are poison
            r.records.append(v.isObject() ? v
                                          : QJsonValue(QJsonObject{{QStringLiteral("value"), v}}));
            r.metadata.append(meta);
        }
    }
    if (r.error.isEmpty() && partitions.size() > 0 && r.messages.isEmpty())
        r.notes.append(QStringLiteral("topic `%1` has no record").arg(e.topic));
    return r;
}

void KafkaSampler::start(const Provider &provider, const Endpoint &endpoint, int perPartition,
                         int timeoutMs)
{
    m_watcher.setFuture(QtConcurrent::run([provider, endpoint, perPartition, timeoutMs] {
        return sample(provider, endpoint, perPartition, timeoutMs);
    }));
}

} // namespace uis
