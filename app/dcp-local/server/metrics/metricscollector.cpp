// SPDX-License-Identifier: Apache-2.0
#include "metricscollector.h"

#include "flinkmetricssampler.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "metricshelper.h"
#include "metricsstore.h"
#include "sparkprogress.h"
#include "targets/executiontarget.h"
#include "targets/targetregistry.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace uis::dcplocal {

namespace {

const QByteArray ProgressMark("uis-runner: progress ");

bool onFlinkSession(TargetRegistry *targets, const JobRecord &r)
{
    const ExecutionTarget *t = targets ? targets->targetOf(r) : nullptr;
    return t && t->spec().kind == TargetSpec::Kind::FlinkSession;
}

} // namespace

MetricsCollector::MetricsCollector(JobStore *jobs, JobRunner *runner, TargetRegistry *targets,
                                   MetricsStore *store, MetricsHelper *helper, int intervalMs,
                                   QObject *parent)
    : QObject(parent), m_jobs(jobs), m_runner(runner), m_targets(targets), m_store(store),
      m_helper(helper), m_intervalMs(intervalMs), m_timer(new QTimer(this)),
      m_network(new QNetworkAccessManager(this)), m_lag(new KafkaLagProbe(helper, this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &MetricsCollector::collect);
    connect(runner, &JobRunner::output, this, &MetricsCollector::onOutput);
    connect(runner, &JobRunner::stateChanged, this, &MetricsCollector::onStateChanged);
}

MetricsCollector::~MetricsCollector() = default;

void MetricsCollector::start()
{
    m_timer->start();
}

void MetricsCollector::stop()
{
    m_timer->stop();
}

QString MetricsCollector::jobConfigPath(const QString &id) const
{
    const QString path = m_jobs->jobDir(id) + QStringLiteral("/job-config.json");
    return QFileInfo::exists(path) ? path : QString();
}

void MetricsCollector::collect()
{
    JobQuery q;
    q.status = QStringLiteral("RUNNING");
    q.limit = 500;
    qint64 next = 0;
    for (const JobRecord *r : m_jobs->list(q, &next)) {
        Tracked &st = m_jobStates[r->status.jobId];
        if (!st.kafkaAsked) {
            st.kafkaAsked = true;
            if (const QString config = jobConfigPath(r->status.jobId); !config.isEmpty()) {
                const QString id = r->status.jobId;
                m_helper->request(
                    QStringLiteral("kafka_sources"), {{QStringLiteral("job_config"), config}},
                    [this, id](const QJsonObject &result, const QString &) {
                        auto it = m_jobStates.find(id);
                        if (it == m_jobStates.end())
                            return;
                        for (const QJsonValue &s : result[QLatin1String("sources")].toArray()) {
                            QStringList topics;
                            for (const QJsonValue &t : s[QLatin1String("topics")].toArray())
                                topics << t.toString();
                            it->kafka.append({s[QLatin1String("node")].toString(),
                                              s[QLatin1String("bootstrap")].toString(), topics});
                        }
                    });
            }
        }
        if (r->status.engine == QLatin1String("flink"))
            sampleFlink(r->status.jobId, st);
        sampleLag(r->status.jobId, st);
    }
}

void MetricsCollector::sampleFlink(const QString &id, Tracked &st)
{
    const JobRecord *r = m_jobs->find(id);
    if (!r)
        return;
    const bool session = onFlinkSession(m_targets, *r);
    QUrl base;
    QString flinkId;
    if (session) {
        base = m_targets->targetOf(*r)->spec().restUrl;
        flinkId = r->status.engineJobId;
    } else {
        base = st.localRest;
        flinkId = st.localFlinkId;
    }
    if (!base.isValid() || flinkId.isEmpty())
        return; // not yet known (the runner has not announced its REST address)
    if (!st.flink)
        st.flink = new FlinkMetricsSampler(m_network, m_helper, jobConfigPath(id), this);
    st.flink->sample(base, flinkId, [this, id, session](const FlinkSample &s) {
        store(id, s.samples);
        auto it = m_jobStates.find(id);
        if (it == m_jobStates.end())
            return;
        for (auto c = s.consumed.cbegin(); c != s.consumed.cend(); ++c)
            it->consumed.insert(c.key(), c.value());
        // A local runner counts its nodes itself (exactly, to the last record); a session job
        // has no runner left, so the engine's counters are its counts.
        if (session && !s.nodes.isEmpty())
            setNodes(id, s.nodes);
    });
}

void MetricsCollector::sampleLag(const QString &id, Tracked &st)
{
    if (st.lagBusy || st.kafka.isEmpty() || st.consumed.isEmpty())
        return;
    st.lagBusy = true;
    m_lag->probe(st.kafka, st.consumed, QDateTime::currentMSecsSinceEpoch(),
                 [this, id](const MetricSamples &samples, const QString &) {
                     auto it = m_jobStates.find(id);
                     if (it != m_jobStates.end())
                         it->lagBusy = false;
                     store(id, samples);
                 });
}

void MetricsCollector::onOutput(const QString &id, const QByteArray &lines)
{
    static const QRegularExpression restRe(QStringLiteral(R"(uis-runner: job (\w+) rest (\S+))"));
    qsizetype from = 0;
    while (from < lines.size()) {
        qsizetype nl = lines.indexOf('\n', from);
        if (nl < 0)
            nl = lines.size();
        const QByteArray line = lines.mid(from, nl - from);
        from = nl + 1;
        if (line.startsWith(ProgressMark)) {
            const QJsonObject o = QJsonDocument::fromJson(line.mid(ProgressMark.size())).object();
            Tracked &st = m_jobStates[id];
            QHash<QString, QString> nodes;
            for (const KafkaSourceInfo &k : std::as_const(st.kafka))
                for (const QString &t : k.topics)
                    nodes.insert(t, k.node);
            const SparkProgress p =
                SparkProgress::parse(o, nodes, QDateTime::currentMSecsSinceEpoch());
            for (auto c = p.consumed.cbegin(); c != p.consumed.cend(); ++c)
                st.consumed.insert(c.key(), c.value());
            store(id, p.samples);
        } else if (line.startsWith("uis-runner: job ") && line.contains(" rest ")) {
            const QRegularExpressionMatch m = restRe.match(QString::fromUtf8(line));
            if (m.hasMatch()) {
                Tracked &st = m_jobStates[id];
                st.localFlinkId = m.captured(1);
                st.localRest = QUrl(m.captured(2));
            }
        }
    }
}

void MetricsCollector::onStateChanged(const QString &id, uis::JobState state)
{
    if (!isTerminal(state))
        return;
    auto it = m_jobStates.find(id);
    if (it == m_jobStates.end())
        return;
    // A sample still in flight finishes into a sampler that must outlive it.
    if (it->flink)
        it->flink->deleteLater();
    m_jobStates.erase(it);
}

void MetricsCollector::store(const QString &id, const MetricSamples &samples)
{
    if (samples.isEmpty())
        return;
    if (const QString e = m_store->add(id, samples); !e.isEmpty()) {
        std::fprintf(stderr, "dcp-local: %s\n", qUtf8Printable(e));
        return;
    }
    Q_EMIT sampled(id, samples);
}

void MetricsCollector::setNodes(const QString &id, const QList<NodeRunStats> &nodes)
{
    const JobRecord *r = m_jobs->find(id);
    if (!r || isTerminal(r->status.state) || r->status.nodes == nodes)
        return;
    JobStatus st = r->status;
    st.nodes = nodes;
    m_runner->setStatus(id, st);
}

} // namespace uis::dcplocal
