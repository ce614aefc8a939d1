// SPDX-License-Identifier: Apache-2.0
// The metrics of dcp-local without an engine: the MetricsStore on a real SQLite file (WAL, series
// grouped by name/node/partition, `since` and `names` filters, the newest value per series,
// retention pruning), a Spark runner's progress line read into samples and consumed offsets,
// and the Kafka lag computed from end offsets and consumed offsets.
#include "metrics/kafkalagprobe.h"
#include "metrics/metricsstore.h"
#include "metrics/sparkprogress.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace uis::dcplocal;

namespace {

constexpr qint64 T0 = 1'800'000'000'000;

MetricSample rate(const QString &node, qint64 at, double v)
{
    return {QStringLiteral("rows_in_per_second"), node, {}, QStringLiteral("rows/s"), at, v};
}

MetricSample lag(const QString &part, qint64 at, double v)
{
    return {QStringLiteral("kafka_lag"), {}, part, QStringLiteral("records"), at, v};
}

QJsonObject seriesNamed(const QJsonObject &answer, const QString &name, const QString &node = {},
                        const QString &part = {})
{
    for (const QJsonValue &s : answer[QLatin1String("series")].toArray())
        if (s[QLatin1String("name")].toString() == name &&
            s[QLatin1String("node")].toString() == node &&
            s[QLatin1String("partition")].toString() == part)
            return s.toObject();
    return {};
}

} // namespace

class TestMetricsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seriesAreGroupedAndFiltered()
    {
        QTemporaryDir dir;
        MetricsStore store;
        QCOMPARE(store.open(dir.path(), 3600'000), QString());
        QCOMPARE(
            store.add(QStringLiteral("job-a"),
                      {rate(QStringLiteral("clicks"), T0, 10), rate(QStringLiteral("out"), T0, 4),
                       lag(QStringLiteral("t/0"), T0, 7), lag(QStringLiteral("t/1"), T0, 0)}),
            QString());
        QCOMPARE(store.add(QStringLiteral("job-a"), {rate(QStringLiteral("clicks"), T0 + 5000, 12),
                                                     lag(QStringLiteral("t/0"), T0 + 5000, 9)}),
                 QString());
        QCOMPARE(store.add(QStringLiteral("job-b"), {rate(QStringLiteral("clicks"), T0, 99)}),
                 QString());

        const QJsonObject all = store.series(QStringLiteral("job-a"), 0, {});
        QCOMPARE(all[QLatin1String("job_id")].toString(), QStringLiteral("job-a"));
        QCOMPARE(all[QLatin1String("series")].toArray().size(), 4);
        const QJsonObject clicks =
            seriesNamed(all, QStringLiteral("rows_in_per_second"), QStringLiteral("clicks"));
        QCOMPARE(clicks[QLatin1String("unit")].toString(), QStringLiteral("rows/s"));
        QCOMPARE(clicks[QLatin1String("points")].toArray(),
                 (QJsonArray{QJsonArray{T0, 10.0}, QJsonArray{T0 + 5000, 12.0}}));
        const QJsonObject p0 =
            seriesNamed(all, QStringLiteral("kafka_lag"), {}, QStringLiteral("t/0"));
        QVERIFY(!p0.contains(QLatin1String("node")));
        QCOMPARE(p0[QLatin1String("points")].toArray().size(), 2);

        const QJsonObject recent = store.series(QStringLiteral("job-a"), T0 + 1, {});
        QCOMPARE(recent[QLatin1String("series")].toArray().size(), 2);
        const QJsonObject lagOnly =
            store.series(QStringLiteral("job-a"), 0, {QStringLiteral("kafka_lag")});
        QCOMPARE(lagOnly[QLatin1String("series")].toArray().size(), 2);
        QCOMPARE(
            store.series(QStringLiteral("nobody"), 0, {})[QLatin1String("series")].toArray().size(),
            0);
    }

    void latestIsTheNewestPointOfEachSeries()
    {
        QTemporaryDir dir;
        MetricsStore store;
        QCOMPARE(store.open(dir.path(), 3600'000), QString());
        store.add(QStringLiteral("j"),
                  {rate(QStringLiteral("n"), T0, 1), lag(QStringLiteral("t/0"), T0, 5)});
        store.add(QStringLiteral("j"), {rate(QStringLiteral("n"), T0 + 10, 3)});
        const MetricSamples latest = store.latest(QStringLiteral("j"));
        QCOMPARE(latest.size(), 2);
        for (const MetricSample &s : latest) {
            if (s.name == QLatin1String("rows_in_per_second"))
                QCOMPARE((std::pair{s.atMs, s.value}), (std::pair{T0 + 10, 3.0}));
            else
                QCOMPARE((std::pair{s.atMs, s.value}), (std::pair{T0, 5.0}));
        }
    }

    void retentionPrunesOldPoints()
    {
        QTemporaryDir dir;
        MetricsStore store;
        QCOMPARE(store.open(dir.path(), 60'000), QString());
        store.add(QStringLiteral("j"), {rate(QStringLiteral("n"), T0, 1)});
        store.add(QStringLiteral("j"), {rate(QStringLiteral("n"), T0 + 50'000, 2)});
        // 70 s after the first point: it is past the retention, the second is not.
        QCOMPARE(store.prune(T0 + 70'000), 1);
        const QJsonArray points = seriesNamed(store.series(QStringLiteral("j"), 0, {}),
                                              QStringLiteral("rows_in_per_second"),
                                              QStringLiteral("n"))[QLatin1String("points")]
                                      .toArray();
        QCOMPARE(points, (QJsonArray{QJsonArray{T0 + 50'000, 2.0}}));
    }

    void theDatabaseIsInWalModeAndSurvivesAReopen()
    {
        QTemporaryDir dir;
        {
            MetricsStore store;
            QCOMPARE(store.open(dir.path(), 3600'000), QString());
            store.add(QStringLiteral("j"), {rate(QStringLiteral("n"), T0, 1)});
        }
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
            db.setDatabaseName(dir.filePath(QStringLiteral("metrics.db")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        MetricsStore again;
        QCOMPARE(again.open(dir.path(), 3600'000), QString());
        QCOMPARE(again.series(QStringLiteral("j"), 0, {})[QLatin1String("series")].toArray().size(),
                 1);
    }

    void sparkProgressBecomesSamplesAndOffsets()
    {
        const QJsonObject line = QJsonDocument::fromJson(R"({
            "query": "landing", "batch": 4, "timestamp": "2026-12-07T05:00:00.250Z",
            "rows": 1000, "input_rows_per_second": 200.5, "processed_rows_per_second": 950.0,
            "batch_duration_ms": 1052, "state_rows": null,
            "sources": [{"description": "KafkaV2[Subscribe[clicks]]",
                         "end_offset": {"clicks": {"0": 510, "1": 490}},
                         "input_rows_per_second": 200.5}]})")
                                     .object();
        const SparkProgress p = SparkProgress::parse(
            line, {{QStringLiteral("clicks"), QStringLiteral("click_events")}}, 0);
        const qint64 at =
            QDateTime::fromString(QStringLiteral("2026-12-07T05:00:00.250Z"), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        QStringList got;
        for (const MetricSample &s : p.samples) {
            QCOMPARE(s.atMs, at);
            got << QStringLiteral("%1 %2 %3").arg(s.name, s.node).arg(s.value);
        }
        got.sort();
        QCOMPARE(got, (QStringList{QStringLiteral("batch_duration_ms landing 1052"),
                                   QStringLiteral("processed_rows_per_second landing 950"),
                                   QStringLiteral("rows_in_per_second landing 200.5"),
                                   QStringLiteral("rows_out_per_second click_events 200.5")}));
        QCOMPARE(p.consumed.value(QStringLiteral("clicks/0")), 510);
        QCOMPARE(p.consumed.value(QStringLiteral("clicks/1")), 490);
    }

    void lagIsEndMinusConsumedForKnownPartitions()
    {
        const MetricSamples l = KafkaLagProbe::lag(
            {{QStringLiteral("t/0"), 100}, {QStringLiteral("t/1"), 50}, {QStringLiteral("t/2"), 9}},
            {{QStringLiteral("t/0"), 60}, {QStringLiteral("t/1"), 51}, {QStringLiteral("u/0"), 3}},
            T0);
        QHash<QString, double> byPart;
        for (const MetricSample &s : l)
            byPart.insert(s.partition, s.value);
        // t/2: never consumed (absent); u/0: the broker did not say (absent); t/1 never negative.
        QCOMPARE(byPart,
                 (QHash<QString, double>{{QStringLiteral("t/0"), 40}, {QStringLiteral("t/1"), 0}}));
    }
};

QTEST_GUILESS_MAIN(TestMetricsStore)
#include "tst_metricsstore.moc"
