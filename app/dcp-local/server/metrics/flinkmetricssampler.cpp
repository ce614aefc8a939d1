// SPDX-License-Identifier: Apache-2.0
#include "flinkmetricssampler.h"

#include "metricshelper.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

namespace uis::dcplocal {

namespace {

constexpr int RequestTimeoutMs = 4000;
constexpr int RelistEvery = 12;
const QStringList JobMetrics{
    QStringLiteral("lastCheckpointDuration"), QStringLiteral("lastCheckpointSize"),
    QStringLiteral("numberOfFailedCheckpoints"), QStringLiteral("numberOfCompletedCheckpoints"),
    QStringLiteral("numRestarts")};
// OperatorMetricGroup truncates operator names in metric scopes to this many characters.
constexpr int MaxOperatorNameLength = 80;
const QStringList RecordMetrics{QStringLiteral("numRecordsIn"), QStringLiteral("numRecordsOut"),
                                QStringLiteral("numRecordsInPerSecond"),
                                QStringLiteral("numRecordsOutPerSecond")};
const QString BackPressure = QStringLiteral("backPressuredTimeMsPerSecond");

const QRegularExpression &offsetRe()
{
    static const QRegularExpression re(
        QStringLiteral(R"(KafkaSourceReader\.topic\.(.+)\.partition\.(\d+)\.currentOffset$)"));
    return re;
}

/// `{"id": {"sum": …, "max": …}}` of a subtasks/metrics answer.
QHash<QString, QJsonObject> byId(const QJsonArray &values)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : values)
        out.insert(v[QLatin1String("id")].toString(), v.toObject());
    return out;
}

} // namespace

FlinkMetricsSampler::FlinkMetricsSampler(QNetworkAccessManager *network, MetricsHelper *helper,
                                         QString jobConfigPath, QObject *parent)
    : QObject(parent), m_network(network), m_helper(helper), m_jobConfig(std::move(jobConfigPath))
{
}

QString FlinkMetricsSampler::metricScopeName(const QString &operatorName)
{
    QString s = operatorName.left(MaxOperatorNameLength);
    for (QChar &c : s) {
        if (c == QLatin1Char(' ') || c == QLatin1Char(':') || c == QLatin1Char('.') ||
            c == QLatin1Char(','))
            c = QLatin1Char('_');
    }
    return s;
}

bool FlinkMetricsSampler::sample(const QUrl &restBase, const QString &flinkId, Done done)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_base = restBase;
    m_flinkId = flinkId;
    m_done = std::move(done);
    m_result = {};
    m_atMs = QDateTime::currentMSecsSinceEpoch();
    // The job's tasks change only when its graph does: asked again once a minute, not on every
    // sample (the answer is the largest of all).
    if (!m_vertices.isEmpty() && ++m_samplesSinceJob < RelistEvery) {
        readAll();
        return true;
    }
    m_samplesSinceJob = 0;
    get(QStringLiteral("/jobs/%1").arg(flinkId), [this](const QJsonValue &v, const QString &e) {
        if (!e.isEmpty()) {
            m_result.error = e;
            finish();
            return;
        }
        onJob(v.toObject());
    });
    return true;
}

void FlinkMetricsSampler::get(const QString &path,
                              std::function<void(const QJsonValue &, const QString &)> then)
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
                path.left(q < 0 ? path.size() : q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(RequestTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, then = std::move(then)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            then({}, QStringLiteral("%1: %2").arg(reply->url().toString(), reply->errorString()));
            return;
        }
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &pe);
        if (pe.error != QJsonParseError::NoError) {
            then({}, QStringLiteral("%1: not JSON").arg(reply->url().toString()));
            return;
        }
        then(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), QString());
    });
}

void FlinkMetricsSampler::onJob(const QJsonObject &job)
{
    const QJsonArray vertices = job.value(QLatin1String("vertices")).toArray();
    QStringList ids;
    for (const QJsonValue &v : vertices)
        ids << v[QLatin1String("id")].toString();
    if (ids.join(QLatin1Char(',')) != m_vertexKey) {
        m_vertexKey = ids.join(QLatin1Char(','));
        m_vertices.clear();
        for (const QJsonValue &v : vertices)
            m_vertices.append({v[QLatin1String("id")].toString(),
                               v[QLatin1String("name")].toString().split(QStringLiteral(" -> ")),
                               {},
                               {},
                               false,
                               0});
    }
    readAll();
}

void FlinkMetricsSampler::readAll()
{
    m_outstanding = int(m_vertices.size()) + 1;
    for (int i = 0; i < m_vertices.size(); ++i) {
        // Listed again now and then: a source may be given more partitions.
        if (m_vertices[i].listed && ++m_vertices[i].samplesSinceListing < RelistEvery)
            readVertex(i);
        else
            listVertex(i);
    }
    // The job's own gauges: a small answer, where /checkpoints carries the whole history.
    get(QStringLiteral("/jobs/%1/metrics?get=%2").arg(m_flinkId, JobMetrics.join(QLatin1Char(','))),
        [this](const QJsonValue &v, const QString &e) {
            if (e.isEmpty())
                onJobMetrics(v.toArray());
            stepDone();
        });
}

void FlinkMetricsSampler::listVertex(int i)
{
    const QString vid = m_vertices[i].id;
    get(QStringLiteral("/jobs/%1/vertices/%2/subtasks/metrics").arg(m_flinkId, vid),
        [this, i, vid](const QJsonValue &v, const QString &e) {
            if (i >= m_vertices.size() || m_vertices[i].id != vid)
                return stepDone();
            if (!e.isEmpty()) {
                m_result.error = e;
                return stepDone();
            }
            Vertex &vx = m_vertices[i];
            QSet<QString> available;
            for (const QJsonValue &m : v.toArray())
                available.insert(m[QLatin1String("id")].toString());
            vx.metricIds.clear();
            int found = 0;
            for (const QString &op : std::as_const(vx.operators)) {
                const QString scope = metricScopeName(op);
                // A sink's writer has numRecordsIn only, a source numRecordsOut (and In).
                if (available.contains(scope + QStringLiteral(".numRecordsOut")) ||
                    available.contains(scope + QStringLiteral(".numRecordsIn")))
                    ++found;
                for (const QString &m : RecordMetrics)
                    if (available.contains(scope + QLatin1Char('.') + m))
                        vx.metricIds << scope + QLatin1Char('.') + m;
            }
            bool offsets = false;
            for (const QString &id : std::as_const(available)) {
                if (offsetRe().match(id).hasMatch()) {
                    vx.metricIds << id;
                    offsets = true;
                }
            }
            if (available.contains(BackPressure))
                vx.metricIds << BackPressure;
            // Operators register their metrics as they start, a Kafka reader its partitions'
            // offsets once they are assigned: list again until all are there.
            const bool source = vx.operators.first().startsWith(QLatin1String("Source: "));
            vx.listed = found == vx.operators.size() && (!source || offsets);
            vx.samplesSinceListing = 0;
            readVertex(i);
        });
}

void FlinkMetricsSampler::readVertex(int i)
{
    const QString vid = m_vertices[i].id;
    if (m_vertices[i].metricIds.isEmpty())
        return stepDone();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("get"), m_vertices[i].metricIds.join(QLatin1Char(',')));
    q.addQueryItem(QStringLiteral("agg"), QStringLiteral("sum,max"));
    get(QStringLiteral("/jobs/%1/vertices/%2/subtasks/metrics?%3")
            .arg(m_flinkId, vid, q.toString(QUrl::FullyEncoded)),
        [this, i, vid](const QJsonValue &v, const QString &e) {
            if (i < m_vertices.size() && m_vertices[i].id == vid) {
                if (e.isEmpty())
                    m_vertices[i].values = v.toArray();
                else
                    m_result.error = e;
            }
            stepDone();
        });
}

void FlinkMetricsSampler::onJobMetrics(const QJsonArray &values)
{
    QHash<QString, double> v;
    for (const QJsonValue &m : values) {
        bool ok = false;
        const double d = m[QLatin1String("value")].toString().toDouble(&ok);
        if (ok)
            v.insert(m[QLatin1String("id")].toString(), d);
    }
    const auto add = [this](const QString &name, const QString &unit, double value) {
        m_result.samples.append({name, {}, {}, unit, m_atMs, value});
    };
    if (v.contains(QStringLiteral("numberOfFailedCheckpoints")))
        add(QStringLiteral("checkpoint_failures"), QStringLiteral("count"),
            v.value(QStringLiteral("numberOfFailedCheckpoints")));
    if (v.value(QStringLiteral("numberOfCompletedCheckpoints")) > 0) {
        add(QStringLiteral("checkpoints_completed"), QStringLiteral("count"),
            v.value(QStringLiteral("numberOfCompletedCheckpoints")));
        add(QStringLiteral("checkpoint_duration_ms"), QStringLiteral("ms"),
            v.value(QStringLiteral("lastCheckpointDuration")));
        add(QStringLiteral("checkpoint_size_bytes"), QStringLiteral("bytes"),
            v.value(QStringLiteral("lastCheckpointSize")));
    }
    if (v.contains(QStringLiteral("numRestarts")))
        add(QStringLiteral("restarts"), QStringLiteral("count"),
            v.value(QStringLiteral("numRestarts")));
}

void FlinkMetricsSampler::stepDone()
{
    if (--m_outstanding == 0)
        mapNodes();
}

void FlinkMetricsSampler::mapNodes()
{
    QJsonArray operators;
    double backPressure = -1;
    bool anyValues = false;
    for (const Vertex &vx : std::as_const(m_vertices)) {
        const QHash<QString, QJsonObject> values = byId(vx.values);
        anyValues = anyValues || !values.isEmpty();
        const QString task = vx.operators.join(QStringLiteral(" -> "));
        for (const QString &op : vx.operators) {
            const QString scope = metricScopeName(op) + QLatin1Char('.');
            const auto sum = [&](const char *m) {
                return values.value(scope + QLatin1String(m))[QLatin1String("sum")].toDouble();
            };
            if (!values.contains(scope + QStringLiteral("numRecordsOut")) &&
                !values.contains(scope + QStringLiteral("numRecordsIn")))
                continue;
            operators.append(QJsonObject{{QStringLiteral("name"), op},
                                         {QStringLiteral("task"), task},
                                         {QStringLiteral("in"), qint64(sum("numRecordsIn"))},
                                         {QStringLiteral("out"), qint64(sum("numRecordsOut"))},
                                         {QStringLiteral("rate_in"), sum("numRecordsInPerSecond")},
                                         {QStringLiteral("rate"), sum("numRecordsOutPerSecond")}});
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const QRegularExpressionMatch m = offsetRe().match(it.key());
            // One subtask reads a partition; the others do not report it (max, not sum).
            if (m.hasMatch())
                m_result.consumed.insert(m.captured(1) + QLatin1Char('/') + m.captured(2),
                                         qint64(it.value()[QLatin1String("max")].toDouble()));
        }
        if (values.contains(BackPressure))
            backPressure = std::max(
                backPressure, values.value(BackPressure)[QLatin1String("max")].toDouble() / 1000.0);
    }
    if (backPressure >= 0)
        m_result.samples.append({QStringLiteral("backpressure_ratio"),
                                 {},
                                 {},
                                 QStringLiteral("ratio"),
                                 m_atMs,
                                 backPressure});
    if (operators.isEmpty() || m_jobConfig.isEmpty()) {
        if (!anyValues && m_result.error.isEmpty())
            m_result.error = QStringLiteral("the JobManager reports no operator metrics yet");
        return finish();
    }
    m_helper->request(
        QStringLiteral("flink_nodes"),
        {{QStringLiteral("job_config"), m_jobConfig}, {QStringLiteral("operators"), operators}},
        [this, alive = QPointer<FlinkMetricsSampler>(this)](const QJsonObject &result,
                                                            const QString &error) {
            if (!alive)
                return; // the job ended and its sampler is gone
            if (!error.isEmpty()) {
                m_result.error = error;
                return finish();
            }
            for (const QJsonValue &n : result[QLatin1String("nodes")].toArray()) {
                const QString node = n[QLatin1String("node")].toString();
                for (const char *key : {"rows_in_per_second", "rows_out_per_second"})
                    if (n.toObject().contains(QLatin1String(key)))
                        m_result.samples.append({QString::fromLatin1(key),
                                                 node,
                                                 {},
                                                 QStringLiteral("rows/s"),
                                                 m_atMs,
                                                 n[QLatin1String(key)].toDouble()});
                NodeRunStats s = NodeRunStats::fromJson(n.toObject());
                const QJsonValue rate = n.toObject().contains(QLatin1String("rows_out_per_second"))
                                            ? n[QLatin1String("rows_out_per_second")]
                                            : n[QLatin1String("rows_in_per_second")];
                if (rate.isDouble())
                    s.rowsPerSecond = rate.toDouble();
                m_result.nodes.append(s);
            }
            finish();
        });
}

void FlinkMetricsSampler::finish()
{
    m_busy = false;
    const Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(m_result);
}

} // namespace uis::dcplocal
