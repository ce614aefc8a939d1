// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "databasesampler.h"
#include "placeholder.h"
#include "restsampler.h"
#include "samplepage.h"
#include "schemainferrer.h"
#include "spec.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace uis {

class KafkaSampler;
class WebSocketSampler;
class FileSampler;

/// A finished sample of one endpoint: what the designer's Sample view shows.
struct EndpointSample
{
    QString endpoint;
    int endpointIndex = -1;
    QString providerType;
    QJsonArray records;      ///< as the endpoint yields them (after response_path)
    QList<SamplePage> pages; ///< REST: every response
    /// Parallel to `records`, for sources that say where a record came from (Kafka: partition,
    /// offset, timestamp, key, headers; CDC of several tables: the table). Shown beside the
    /// record; never inferred, mapped or kept in a test case: those take the value only.
    QJsonArray metadata;
    QStringList metadataFields;           ///< the keys of `metadata`, in the order to show them
    QList<PaginationProposal> pagination; ///< REST: declared style first, then candidates
    QList<InferredField> schema;          ///< inferred over every record
    /// CDC: each table with its own catalogue; `schema` is theirs merged (the endpoint has one)
    QList<SampledTable> tables;
    qint64 recordCount = 0;
    QStringList notes;
    QStringList secrets; ///< resolved placeholder values: never shown or written
};

/**
 * Samples one endpoint of a spec off the GUI thread, whatever its source: REST through
 * RestSampler (QtNetwork, asynchronous), files through FileSampler, PostgreSQL through
 * DatabaseSampler and Kafka through KafkaSampler (all three on the thread pool), WebSocket
 * through WebSocketSampler (QtWebSockets, asynchronous);
 * then infers the schema on the thread pool too. The caller resolves placeholders (as Submit
 * does) and hands their values in `lookup`.
 *
 * Reports by signals: progress() and pageFetched() while it runs, then exactly one of
 * finished() or failed(). stop() ends it at once with failed("stopped").
 */
class EndpointSampler : public QObject
{
    Q_OBJECT
public:
    explicit EndpointSampler(QObject *parent = nullptr);
    ~EndpointSampler() override;

    /// Whether this provider type can be sampled here; else `why` says what can.
    static bool canSample(const QString &providerType, QString *why = nullptr);
    /// The placeholders sampling `endpointIndex` needs resolved.
    static QList<Placeholder> placeholdersOf(const Spec &spec, int endpointIndex);

    void start(const Spec &spec, int endpointIndex, const PlaceholderResolver::Lookup &lookup,
               const RestSampleOptions &options = {});
    void stop();
    /**
     * Reads the records of the pages already fetched again through `responsePath` (after the
     * user chose where the records are) and infers their schema again; finished() follows.
     * False when there is nothing to re-read (not REST, or running).
     */
    bool reread(const QString &responsePath, int maxRecords);
    bool isRunning() const { return m_running; }
    const EndpointSample &result() const { return m_result; }

Q_SIGNALS:
    void progress(const QString &message);
    void pageFetched(const uis::SamplePage &page);
    void finished();
    void failed(const QString &message);

private:
    void infer(const QSet<QString> &fractionKeys);
    void fail(const QString &message);

    QPointer<RestSampler> m_rest;
    QPointer<FileSampler> m_file;
    QPointer<DatabaseSampler> m_database;
    QPointer<KafkaSampler> m_kafka;
    QPointer<WebSocketSampler> m_ws;
    QFutureWatcher<QList<InferredField>> m_inference;
    EndpointSample m_result;
    bool m_running = false;
    quint64 m_run = 0; ///< results of a stopped run are dropped
};

} // namespace uis
