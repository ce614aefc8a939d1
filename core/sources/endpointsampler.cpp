// SPDX-License-Identifier: Apache-2.0
#include "endpointsampler.h"

#include "databasesampler.h"
#include "filesampler.h"
#include "jsonrecords.h"
#include "kafkasampler.h"
#include "websocketsampler.h"

#include <QSet>
#include <QtConcurrent>

namespace uis {

EndpointSampler::EndpointSampler(QObject *parent) : QObject(parent)
{
    connect(&m_inference, &QFutureWatcherBase::finished, this, [this] {
        if (!m_running)
            return;
        m_result.schema = m_inference.result();
        m_running = false;
        Q_EMIT finished();
    });
}

EndpointSampler::~EndpointSampler()
{
    m_inference.waitForFinished();
}

bool EndpointSampler::canSample(const QString &providerType, QString *why)
{
    if (providerType == QLatin1String("rest_api") || providerType == QLatin1String("file_ftp") ||
        providerType == QLatin1String("database") || providerType == QLatin1String("kafka") ||
        providerType == QLatin1String("websocket"))
        return true;
    if (why)
        *why = tr("%1 sources cannot be sampled yet (REST APIs, files, PostgreSQL, Kafka and "
                  "WebSocket can)")
                   .arg(providerType);
    return false;
}

QList<Placeholder> EndpointSampler::placeholdersOf(const Spec &spec, int endpointIndex)
{
    if (endpointIndex < 0 || endpointIndex >= spec.provider.endpoints.size())
        return {};
    if (spec.provider.providerType == QLatin1String("database"))
        return DatabaseSampler::placeholdersOf(spec.provider.endpoints.at(endpointIndex));
    if (spec.provider.providerType != QLatin1String("rest_api") &&
        spec.provider.providerType != QLatin1String("websocket"))
        return {}; // a WebSocket is addressed as a REST endpoint is: the same placeholders
    return RestSampler::placeholdersOf(spec, spec.provider.endpoints.at(endpointIndex));
}

void EndpointSampler::fail(const QString &message)
{
    m_running = false;
    Q_EMIT failed(message);
}

void EndpointSampler::start(const Spec &spec, int endpointIndex,
                            const PlaceholderResolver::Lookup &lookup,
                            const RestSampleOptions &options)
{
    stop();
    ++m_run;
    m_result = EndpointSample();
    m_running = true;
    const Provider &provider = spec.provider;
    if (endpointIndex < 0 || endpointIndex >= provider.endpoints.size())
        return fail(tr("the spec has no endpoint %1").arg(endpointIndex + 1));
    const Endpoint &endpoint = provider.endpoints.at(endpointIndex);
    m_result.endpoint = endpoint.name;
    m_result.endpointIndex = endpointIndex;
    m_result.providerType = provider.providerType;
    QString why;
    if (!canSample(provider.providerType, &why))
        return fail(why);

    if (provider.providerType == QLatin1String("file_ftp")) {
        auto *file = new FileSampler(this);
        m_file = file;
        const quint64 run = m_run;
        connect(file, &FileSampler::finished, file, &QObject::deleteLater);
        connect(file, &FileSampler::finished, this, [this, file, run] {
            if (run != m_run || !m_running)
                return;
            const FileSampleResult &r = file->result();
            if (!r.error.isEmpty())
                return fail(r.error);
            m_result.records = r.records;
            m_result.notes = r.notes;
            if (!r.fileSchema.isEmpty()) { // Parquet: the file declares its schema
                m_result.schema = r.fileSchema;
                m_result.recordCount = r.fileRows;
                m_running = false;
                Q_EMIT finished();
                return;
            }
            infer(r.fractionKeys);
        });
        Q_EMIT progress(tr("Reading %1…").arg(endpoint.path));
        file->start(provider, endpoint, options.maxRecords, options.maxBytes);
        return;
    }

    if (provider.providerType == QLatin1String("database")) {
        auto *db = new DatabaseSampler(this);
        m_database = db;
        const quint64 run = m_run;
        connect(db, &DatabaseSampler::finished, db, &QObject::deleteLater);
        connect(db, &DatabaseSampler::finished, this, [this, db, run] {
            if (run != m_run || !m_running)
                return;
            const DatabaseSampleResult &r = db->result();
            m_result.secrets = r.secrets;
            if (!r.error.isEmpty())
                return fail(r.error);
            m_result.records = r.records;
            m_result.metadata = r.metadata;
            if (!r.metadata.isEmpty())
                m_result.metadataFields = DatabaseSampler::metadataFields();
            m_result.tables = r.tables;
            m_result.notes = r.notes;
            // The catalogue declares the types; the rows only say how many were read.
            m_result.schema = r.catalogue;
            m_result.recordCount = r.records.size();
            m_running = false;
            Q_EMIT finished();
        });
        Q_EMIT progress(tr("Reading %1 from %2…")
                            .arg(endpoint.tables.join(QStringLiteral(", ")), endpoint.hostname));
        db->start(endpoint, lookup, options.maxRecords, options.timeoutMs);
        return;
    }

    if (provider.providerType == QLatin1String("kafka")) {
        auto *kafka = new KafkaSampler(this);
        m_kafka = kafka;
        const quint64 run = m_run;
        connect(kafka, &KafkaSampler::finished, kafka, &QObject::deleteLater);
        connect(kafka, &KafkaSampler::finished, this, [this, kafka, run] {
            if (run != m_run || !m_running)
                return;
            const KafkaSampleResult &r = kafka->result();
            if (!r.error.isEmpty())
                return fail(r.error);
            m_result.records = r.records;
            m_result.metadata = r.metadata;
            m_result.metadataFields = KafkaSampler::metadataFields();
            m_result.notes = r.notes;
            infer({});
        });
        Q_EMIT progress(tr("Reading the latest records of %1…").arg(endpoint.topic));
        kafka->start(provider, endpoint, options.maxRecords, options.timeoutMs);
        return;
    }

    QStringList missing;
    const RestSampleRequest request = RestSampler::requestFor(spec, endpoint, lookup, &missing);
    if (!missing.isEmpty())
        return fail(tr("no value for %1").arg(missing.join(QStringLiteral(", "))));
    m_result.secrets = request.secrets;
    if (provider.providerType == QLatin1String("websocket")) {
        auto *ws = new WebSocketSampler(this);
        m_ws = ws;
        connect(ws, &WebSocketSampler::progress, this, &EndpointSampler::progress);
        connect(ws, &WebSocketSampler::failed, this, [this, ws](const QString &m) {
            ws->deleteLater();
            if (m_running)
                fail(m);
        });
        connect(ws, &WebSocketSampler::finished, this, [this, ws] {
            ws->deleteLater();
            if (!m_running)
                return;
            m_result.records = ws->result().records;
            m_result.notes = ws->result().notes;
            infer({});
        });
        ws->start(request, options.maxRecords, options.timeoutMs, options.maxBytes);
        return;
    }
    auto *rest = new RestSampler(this);
    m_rest = rest;
    connect(rest, &RestSampler::progress, this, &EndpointSampler::progress);
    connect(rest, &RestSampler::pageFetched, this, &EndpointSampler::pageFetched);
    connect(rest, &RestSampler::failed, this, [this, rest](const QString &m) {
        rest->deleteLater();
        if (m_running)
            fail(m);
    });
    connect(rest, &RestSampler::finished, this, [this, rest] {
        rest->deleteLater();
        if (!m_running)
            return;
        const RestSampleResult &r = rest->result();
        m_result.records = r.records;
        m_result.pages = r.pages;
        m_result.pagination = r.pagination;
        m_result.notes = r.notes;
        QSet<QString> fractionKeys;
        for (const SamplePage &page : r.pages) {
            if (page.purpose.isEmpty())
                fractionKeys.unite(SchemaInferrer::keysWithFractions(page.body));
        }
        infer(fractionKeys);
    });
    rest->start(request, options);
}

void EndpointSampler::infer(const QSet<QString> &fractionKeys)
{
    Q_EMIT progress(
        tr("Inferring the schema of %n record(s)…", nullptr, int(m_result.records.size())));
    m_result.recordCount = m_result.records.size();
    const QJsonArray records = m_result.records;
    m_inference.setFuture(QtConcurrent::run([records, fractionKeys] {
        SchemaInferrer inferrer;
        inferrer.addFractionKeys(fractionKeys);
        inferrer.addRecords(records);
        return inferrer.fields();
    }));
}

bool EndpointSampler::reread(const QString &responsePath, int maxRecords)
{
    if (m_running || m_result.pages.isEmpty())
        return false;
    ++m_run;
    m_running = true;
    QJsonArray records;
    QSet<QString> fractionKeys;
    for (SamplePage &page : m_result.pages) {
        if (!page.purpose.isEmpty())
            continue;
        page.records = JsonRecords::records(page.json, responsePath);
        for (const QJsonValue &r : std::as_const(page.records)) {
            if (records.size() < maxRecords)
                records.append(r);
        }
        fractionKeys.unite(SchemaInferrer::keysWithFractions(page.body));
    }
    m_result.records = records;
    infer(fractionKeys);
    return true;
}

void EndpointSampler::stop()
{
    if (!m_running)
        return;
    ++m_run;
    if (m_rest) {
        m_rest->disconnect(this);
        m_rest->stop();
        m_rest->deleteLater();
    }
    if (m_file)
        m_file->disconnect(this); // bounded; its result is dropped
    if (m_database)
        m_database->disconnect(this); // bounded by its timeouts; its result is dropped
    if (m_kafka)
        m_kafka->disconnect(this); // bounded by its timeout; its result is dropped
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->stop();
        m_ws->deleteLater();
    }
    fail(tr("stopped"));
}

} // namespace uis
