// SPDX-License-Identifier: Apache-2.0
// The Metrics tab offscreen: a metrics answer (the shape GET /api/v1/jobs/{id}/metrics gives)
// becomes one chart line per node, partition and duration series within the chosen range,
// the summary shows the newest source rate and the summed lag, a narrower range drops the
// older points, and the hover text names the line, value and time.
#include "jobsconnections.h"
#include "metricschart.h"
#include "metricsdock.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QTest>

using namespace uis;

namespace {

QJsonObject series(const QString &name, const QString &node, const QString &part,
                   const QList<std::pair<qint64, double>> &points)
{
    QJsonArray pts;
    for (const auto &[t, v] : points)
        pts.append(QJsonArray{t, v});
    QJsonObject s{{QStringLiteral("name"), name},
                  {QStringLiteral("unit"), QStringLiteral("x")},
                  {QStringLiteral("points"), pts}};
    if (!node.isEmpty())
        s.insert(QStringLiteral("node"), node);
    if (!part.isEmpty())
        s.insert(QStringLiteral("partition"), part);
    return s;
}

} // namespace

class TestMetricsDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chartsFollowTheSeriesAndTheRange()
    {
        JobsConnections connections{QString()};
        MetricsDock dock(&connections);
        dock.rangeBox()->setCurrentIndex(1); // 15 minutes
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 old = now - 10 * 60'000; // inside 15 min, outside 5 min
        const QJsonObject answer{
            {QStringLiteral("job_id"), QStringLiteral("job-1")},
            {QStringLiteral("series"),
             QJsonArray{
                 series(QStringLiteral("rows_out_per_second"), QStringLiteral("clicks"), {},
                        {{old, 30}, {now - 5000, 40}}),
                 series(QStringLiteral("rows_in_per_second"), QStringLiteral("per_minute"), {},
                        {{now - 5000, 39}}),
                 series(QStringLiteral("kafka_lag"), {}, QStringLiteral("clicks/0"),
                        {{now - 5000, 7}}),
                 series(QStringLiteral("kafka_lag"), {}, QStringLiteral("clicks/1"),
                        {{now - 5000, 5}}),
                 series(QStringLiteral("checkpoint_duration_ms"), {}, {}, {{now - 5000, 41}}),
                 series(QStringLiteral("state_rows"), {}, {}, {{now - 5000, 3}})}}};
        dock.setMetrics(answer);
        QStringList rates = dock.ratesChart()->lines();
        rates.sort();
        QCOMPARE(rates, (QStringList{QStringLiteral("clicks (out)=2"),
                                     QStringLiteral("per_minute (in)=1")}));
        QStringList lag = dock.lagChart()->lines();
        lag.sort();
        QCOMPARE(lag, (QStringList{QStringLiteral("clicks/0=1"), QStringLiteral("clicks/1=1")}));
        QCOMPARE(dock.checkpointChart()->lines(),
                 QStringList{QStringLiteral("checkpoint_duration_ms=1")});
        QVERIFY2(dock.summary()->text().contains(QStringLiteral("40.0 rows/s")),
                 qPrintable(dock.summary()->text()));
        QVERIFY2(dock.summary()->text().contains(QStringLiteral("Kafka lag 12")),
                 qPrintable(dock.summary()->text()));

        dock.rangeBox()->setCurrentIndex(0); // 5 minutes: the old point is out of range
        rates = dock.ratesChart()->lines();
        rates.sort();
        QCOMPARE(rates.first(), QStringLiteral("clicks (out)=1"));
    }

    void hoverNamesLineValueAndTime()
    {
        const qint64 at =
            QDateTime(QDate(2026, 12, 7), QTime(5, 6, 7), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(MetricsChart::hoverText(QStringLiteral("clicks (out)"), at, 42,
                                         QStringLiteral("rows/s")),
                 QStringLiteral("clicks (out): 42 rows/s at 05:06:07"));
    }

    void timeAxisLabelsFitTheRange_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QString>("format");
        QTest::addColumn<qint64>("stepMs");
        QTest::newRow("5 min") << 5 << QStringLiteral("HH:mm") << qint64(60'000);
        QTest::newRow("15 min") << 15 << QStringLiteral("HH:mm") << qint64(5 * 60'000);
        QTest::newRow("1 h") << 60 << QStringLiteral("HH:mm") << qint64(15 * 60'000);
        QTest::newRow("6 h") << 360 << QStringLiteral("HH:mm") << qint64(2 * 3'600'000);
        QTest::newRow("24 h") << 1440 << QStringLiteral("MMM d HH:mm") << qint64(6 * 3'600'000);
        QTest::newRow("2 min") << 2 << QStringLiteral("HH:mm:ss") << qint64(30'000);
    }

    void timeAxisLabelsFitTheRange()
    {
        QFETCH(int, minutes);
        QFETCH(QString, format);
        QFETCH(qint64, stepMs);
        const qint64 to =
            QDateTime(QDate(2026, 12, 7), QTime(11, 47, 23, 456), Qt::UTC).toMSecsSinceEpoch();
        const qint64 from = to - qint64(minutes) * 60'000;
        const MetricsChart::TimeAxisPlan p = MetricsChart::planTimeAxis(from, to);
        QCOMPARE(p.format, format);
        QCOMPARE(p.stepMs, stepMs);
        // Ticks at round times, the whole range inside, at most 7 labels.
        QCOMPARE(p.fromMs % stepMs, 0);
        QCOMPARE(p.toMs % stepMs, 0);
        QVERIFY(p.fromMs <= from && p.toMs >= to);
        QVERIFY(p.toMs - p.fromMs < (to - from) + 2 * stepMs);
        QCOMPARE(p.tickCount, int((p.toMs - p.fromMs) / stepMs + 1));
        QVERIFY(p.tickCount >= 2 && p.tickCount <= 7);

        // A wide chart takes the plan; a narrow one fewer, longer steps.
        MetricsChart chart(QStringLiteral("rates"), {QStringLiteral("rows_out_per_second")},
                           QStringLiteral("rows/s"));
        chart.resize(1400, 300);
        QCOMPARE(chart.maxTimeTicks(), 7);
        chart.setSeries({}, from, to);
        QCOMPARE(chart.timeAxis()->format(), format);
        QCOMPARE(chart.timeAxis()->tickCount(), p.tickCount);
        QCOMPARE(chart.timeAxis()->min().toMSecsSinceEpoch(), p.fromMs);
        chart.resize(300, 300);
        chart.setSeries({}, from, to);
        QCOMPARE(chart.maxTimeTicks(), 3);
        QVERIFY(chart.timeAxis()->tickCount() <= chart.maxTimeTicks());
        QCOMPARE(chart.timeAxis()->tickCount(),
                 MetricsChart::planTimeAxis(from, to, chart.maxTimeTicks()).tickCount);
    }

    void anEmptyAnswerSaysSo()
    {
        JobsConnections connections{QString()};
        MetricsDock dock(&connections);
        dock.setMetrics({{QStringLiteral("job_id"), QStringLiteral("job-2")},
                         {QStringLiteral("series"), QJsonArray()}});
        QVERIFY(dock.ratesChart()->lines().isEmpty());
        QVERIFY(dock.summary()->text().contains(QStringLiteral("no metrics")));
    }
};

QTEST_MAIN(TestMetricsDock)
#include "tst_metricsdock.moc"
