// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spec.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace uis {

/// What a Kafka sample holds.
struct KafkaSampleResult
{
    QJsonArray records;  ///< the values as the endpoint yields them (format applied)
    QJsonArray messages; ///< each record whole: partition, offset, timestamp, key, headers, value
    /// Parallel to `records`: each one's message without its value (metadataFields()).
    QJsonArray metadata;
    QStringList notes;
    QString error; ///< why nothing could be read, "" otherwise
};

/**
 * Samples a `kafka` endpoint with librdkafka: the latest N records of each partition of its
 * `topic` (from max(low, high − N) to the high watermark), read by assignment, never by a
 * subscribed group, with auto-commit off: no group offset is committed, and `group_id` is not
 * used. Brokers: `config.kafka_bootstrap_servers`.
 *
 * Values by `format`: `json` parsed (a value that is not JSON is kept as a string with a note,
 * as the engines skip a poison record), `csv` and `raw` as text. Bounded in time: the whole
 * sample ends by `timeoutMs` with what it has.
 */
class KafkaSampler : public QObject
{
    Q_OBJECT
public:
    explicit KafkaSampler(QObject *parent = nullptr);
    ~KafkaSampler() override;

    /// What a message carries beside its value, in the order to show it.
    static QStringList metadataFields();

    /// Reads synchronously (call it off the GUI thread, or use start()).
    static KafkaSampleResult sample(const Provider &provider, const Endpoint &endpoint,
                                    int perPartition = 100, int timeoutMs = 30000);
    /// Runs sample() on the thread pool; finished() follows.
    void start(const Provider &provider, const Endpoint &endpoint, int perPartition = 100,
               int timeoutMs = 30000);
    const KafkaSampleResult &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    QFutureWatcher<KafkaSampleResult> m_watcher;
    KafkaSampleResult m_result;
};

} // namespace uis
