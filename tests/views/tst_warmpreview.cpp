// SPDX-License-Identifier: Apache-2.0
// Data Preview on the warm engine sessions, in the assembled designer (offscreen), on real
// engines: the bundled trades template (its CSV read from resources/samples) previewed through
// the real dock and runner, which start the shared pair (Spark Connect, a Flink session cluster
// with its SQL Gateway) in this test's own state folder and reuse it.
// - two Both previews in a row: the status bar says `Engines: starting…`, then `Engines: warm`;
//   the second run is on the same servers with the same rows, and the speed-up is printed;
// - Stop during a warm run ends it; the server keeps serving and the next preview has rows;
// - two windows previewing different specs at once each get their own rows (the ones each
//   gets alone);
// - the files template's window aggregate previews warm on Flink; with no warm server to be
//   had (a sessions folder that cannot be written) it runs cold with the same rows, and the
//   dock says why;
// - Stop Engines in the status bar's menu stops the pair;
// - Stop while a preview starts the server ends the preview at once; the server finishes
//   starting and serves the next preview.
// Every expectation is a preview of the same spec through the same dock, never rows written here.
#include "datapreviewdock.h"
#include "datapreviewrunner.h"
#include "enginesessionsmonitor.h"
#include "enginestatusindicator.h"
#include "isolatedhome.h"
#include "mainwindow.h"
#include "pipelinedocument.h"
#include "studioextensions.h"

#include "enginepaths.h"
#include "enginesessions.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace uis;

namespace {

constexpr int kRunMs = 20 * 60 * 1000; // a first run starts both servers: minutes when loaded

QString templateText()
{
    QFile f(
        QStringLiteral(UIS_SOURCE_DIR "/resources/templates/sample-trades-to-parquet.uis.yaml"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/// The trades template on the bundled CSV; `condition` replaces its filter's.
QString tradesSpec(const QString &condition)
{
    QString text = templateText();
    text.replace(QRegularExpression(QStringLiteral("(?m)^(\\s*base_url:).*$")),
                 QStringLiteral("\\1 file://" UIS_SOURCE_DIR "/resources/samples"));
    text.replace(QStringLiteral("condition: quantity > 0"),
                 QStringLiteral("condition: ") + condition);
    return text;
}

/// A node's rows, each as compact JSON, sorted: engines and sessions need not keep an order.
QStringList rowsOf(const DataPreviewRunner *r, const QString &node)
{
    QStringList out;
    if (const PreviewNode *n = r->node(node)) {
        for (const QJsonObject &row : n->rows)
            out << QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact));
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Window
{
    std::unique_ptr<MainWindow> window;
    DataPreviewDock *dock = nullptr;
    EngineStatusIndicator *indicator = nullptr;
};

} // namespace

class TestWarmPreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_data;
    QString m_python;
    Window m_one;
    Window m_two;
    Window m_three;

    bool openWindow(Window *w, const QString &fileName, const QString &text)
    {
        const QString path = m_data.filePath(fileName);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
            return false;
        f.close();
        w->window = std::make_unique<MainWindow>();
        installStudioExtensions(*w->window);
        w->window->show();
        w->dock = w->window->findChild<DataPreviewDock *>();
        w->indicator = w->window->statusBar()->findChild<EngineStatusIndicator *>();
        return w->dock && w->indicator && w->window->openFile(path);
    }

    /// Runs the dock's preview to its end; the wall time in `ms`.
    static bool preview(DataPreviewDock *dock, qint64 *ms = nullptr)
    {
        QElapsedTimer t;
        t.start();
        dock->run();
        const bool ended = QTest::qWaitFor([dock] { return !dock->isRunning(); }, kRunMs);
        if (ms)
            *ms = t.elapsed();
        return ended;
    }

    static bool finished(const DataPreviewRunner *r)
    {
        return r->state() == DataPreviewRunner::State::Finished && !r->nodes().isEmpty();
    }

    /// The sessions module's own status (not the monitor under test).
    SessionsStatus moduleStatus()
    {
        QProcess p;
        p.setProcessEnvironment(EngineSessions::sessionsEnvironment(
            DataPreviewRunner::runnersDir(), QProcessEnvironment::systemEnvironment()));
        p.start(m_python, EngineSessions::commandArguments(QStringLiteral("status")));
        p.waitForFinished(60000);
        return EngineSessions::parseStatus(p.readAllStandardOutput());
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A state folder of this test's own: the pair started here is neither the developer's
        // nor another test's, and is stopped at the end.
        test::isolateHome(m_home.path());
        qputenv("UIS_RUNNERS_DIR", UIS_SOURCE_DIR "/runners");
        QString why;
        m_python = DataPreviewRunner::findPython(&why);
        if (m_python.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(!templateText().isEmpty());
        QVERIFY(openWindow(&m_one, QStringLiteral("trades.uis.yaml"),
                           tradesSpec(QStringLiteral("quantity > 0"))));
    }

    void secondPreviewIsFaster()
    {
        DataPreviewDock *dock = m_one.dock;
        QVERIFY(dock->setEngineChoice(DataPreviewDock::EngineChoice::Both));
        QStringList shown; // what the status bar said during the runs
        QObject guard;     // ends the connection with this function
        connect(EngineSessionsMonitor::shared(), &EngineSessionsMonitor::changed, &guard,
                [&shown, this] { shown << m_one.indicator->text(); });
        QTRY_COMPARE_WITH_TIMEOUT(m_one.indicator->text(), QStringLiteral("Engines: stopped"),
                                  60000);

        qint64 first = 0, second = 0;
        QVERIFY(preview(dock, &first));
        QVERIFY2(finished(dock->runner()) && finished(dock->flinkRunner()),
                 qPrintable(dock->message()));
        QVERIFY2(shown.contains(QStringLiteral("Engines: starting…")),
                 qPrintable(shown.join(QLatin1Char(','))));
        const QString spark = dock->runner()->warmUrl();
        const QString flink = dock->flinkRunner()->warmUrl();
        QVERIFY2(spark.startsWith(QLatin1String("sc://127.0.0.1:")),
                 qPrintable(dock->sessionNote()));
        QVERIFY2(flink.startsWith(QLatin1String("http://127.0.0.1:")),
                 qPrintable(dock->sessionNote()));
        const QStringList sparkRows = rowsOf(dock->runner(), QStringLiteral("filled_trades"));
        const QStringList flinkRows = rowsOf(dock->flinkRunner(), QStringLiteral("filled_trades"));
        QVERIFY(!sparkRows.isEmpty());
        QVERIFY(!flinkRows.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_one.indicator->text(), QStringLiteral("Engines: warm"), 60000);

        QVERIFY(preview(dock, &second));
        QVERIFY2(finished(dock->runner()) && finished(dock->flinkRunner()),
                 qPrintable(dock->message()));
        // The same servers, the same rows.
        QCOMPARE(dock->runner()->warmUrl(), spark);
        QCOMPARE(dock->flinkRunner()->warmUrl(), flink);
        QCOMPARE(rowsOf(dock->runner(), QStringLiteral("filled_trades")), sparkRows);
        QCOMPARE(rowsOf(dock->flinkRunner(), QStringLiteral("filled_trades")), flinkRows);
        qInfo("Both, first preview %.1f s (starting the engines), second %.1f s (warm): "
              "second/first = %.3f",
              double(first) / 1000.0, double(second) / 1000.0, double(second) / double(first));
        QVERIFY2(second < first,
                 "the warm preview was not faster than the one that started the engines");
        QCOMPARE(m_one.indicator->text(), QStringLiteral("Engines: warm"));
    }

    void stopDuringAWarmRunKeepsTheSession()
    {
        DataPreviewDock *dock = m_one.dock;
        QVERIFY(dock->setEngineChoice(DataPreviewDock::EngineChoice::Spark));
        const QString url = moduleStatus().spark.url;
        QVERIFY(!url.isEmpty());
        // Stop once the warm engine is at work: its first node's schema has arrived.
        QElapsedTimer stopped;
        {
            QObject guard; // ends the connection after this run
            connect(dock->runner(), &DataPreviewRunner::nodeAdded, &guard, [dock, &stopped] {
                if (!stopped.isValid()) {
                    stopped.start();
                    dock->stop();
                }
            });
            QVERIFY(preview(dock));
        }
        QVERIFY2(stopped.isValid(), "no node arrived to stop at");
        QCOMPARE(dock->runner()->state(), DataPreviewRunner::State::Cancelled);
        QCOMPARE(dock->runner()->warmUrl(), url);
        qInfo("Stop ended the warm Spark preview %lld ms after it was asked", stopped.elapsed());
        // The server keeps serving: same URL, warm, and the next preview has rows on it.
        const SessionsStatus after = moduleStatus();
        QCOMPARE(after.spark.state, SessionServer::State::Warm);
        QCOMPARE(after.spark.url, url);
        QVERIFY(preview(dock));
        QVERIFY2(finished(dock->runner()), qPrintable(dock->message()));
        QCOMPARE(dock->runner()->warmUrl(), url);
        QVERIFY(!rowsOf(dock->runner(), QStringLiteral("filled_trades")).isEmpty());
    }

    void twoWindowsPreviewAtOnce()
    {
        // Same node names over different rows: a preview that saw the other's views or settings
        // would show the other's rows.
        QVERIFY(openWindow(&m_two, QStringLiteral("big-trades.uis.yaml"),
                           tradesSpec(QStringLiteral("quantity > 250"))));
        DataPreviewDock *a = m_one.dock;
        DataPreviewDock *b = m_two.dock;
        QVERIFY(a->setEngineChoice(DataPreviewDock::EngineChoice::Spark));
        QVERIFY(b->setEngineChoice(DataPreviewDock::EngineChoice::Spark));
        b->runner()->setLimit(7);
        const QString node = QStringLiteral("filled_trades");
        QVERIFY(preview(a));
        QVERIFY2(finished(a->runner()), qPrintable(a->message()));
        const QStringList aAlone = rowsOf(a->runner(), node);
        QVERIFY(preview(b));
        QVERIFY2(finished(b->runner()), qPrintable(b->message()));
        const QStringList bAlone = rowsOf(b->runner(), node);
        QVERIFY(!aAlone.isEmpty());
        QVERIFY(!bAlone.isEmpty());
        QVERIFY(aAlone != bAlone);

        a->run();
        b->run();
        QVERIFY(a->isRunning() && b->isRunning());
        QVERIFY(QTest::qWaitFor([a, b] { return !a->isRunning() && !b->isRunning(); }, kRunMs));
        QVERIFY2(finished(a->runner()), qPrintable(a->message()));
        QVERIFY2(finished(b->runner()), qPrintable(b->message()));
        QVERIFY(!a->runner()->warmUrl().isEmpty());
        QCOMPARE(b->runner()->warmUrl(), a->runner()->warmUrl());
        QCOMPARE(rowsOf(a->runner(), node), aAlone);
        QCOMPARE(rowsOf(b->runner(), node), bAlone);
    }

    void aColdFallbackIsExplained()
    {
        // The files template's window aggregate over its views previews warm on Flink (the
        // gateway plans it once the views are inlined). With a sessions folder that cannot be
        // written, no warm server can be had: the runner previews the same spec on a cold
        // engine, with the same rows, and says why; the dock shows that reason.
        QByteArray csv("sensor_id,site,signal_strength,reading_time\n");
        for (int i = 1; i <= 8; ++i)
            csv += QStringLiteral("s%1,site-%2,%3,2024-01-01 12:%4:00\n")
                       .arg(i % 2)
                       .arg(i % 3)
                       .arg(i * 7)
                       .arg(i * 3, 2, 10, QLatin1Char('0'))
                       .toUtf8();
        QVERIFY(QDir().mkpath(m_data.filePath(QStringLiteral("sensors/hourly"))));
        QFile data(m_data.filePath(QStringLiteral("sensors/hourly/part-0001.csv")));
        QVERIFY(data.open(QIODevice::WriteOnly) && data.write(csv) == csv.size());
        data.close();
        QFile f(QStringLiteral(UIS_SOURCE_DIR "/resources/templates/files-to-parquet.uis.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(f.readAll());
        text.replace(QRegularExpression(QStringLiteral("(?m)^(\\s*base_url:).*$")),
                     QStringLiteral("\\1 file://") + m_data.filePath(QStringLiteral("sensors")));
        QVERIFY(openWindow(&m_three, QStringLiteral("sensors.uis.yaml"), text));
        DataPreviewDock *dock = m_three.dock;
        QVERIFY(dock->setEngineChoice(DataPreviewDock::EngineChoice::Flink));
        const QString node = QStringLiteral("per_10_minutes");
        QVERIFY(preview(dock));
        QVERIFY2(finished(dock->runner()), qPrintable(dock->message()));
        QVERIFY2(!dock->runner()->warmUrl().isEmpty(), qPrintable(dock->runner()->coldReason()));
        const QStringList warm = rowsOf(dock->runner(), node);
        QVERIFY(!warm.isEmpty());

        // A regular file where the sessions folder's parent should be: not even root can
        // create it.
        QFile blocker(m_data.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QByteArray saved = qgetenv("UIS_SESSIONS_DIR");
        qputenv("UIS_SESSIONS_DIR", (blocker.fileName() + QStringLiteral("/sessions")).toUtf8());
        const bool ran = preview(dock);
        if (saved.isEmpty())
            qunsetenv("UIS_SESSIONS_DIR");
        else
            qputenv("UIS_SESSIONS_DIR", saved);
        QVERIFY(ran);
        QVERIFY2(finished(dock->runner()), qPrintable(dock->message()));
        QVERIFY(dock->runner()->warmUrl().isEmpty());
        QCOMPARE(rowsOf(dock->runner(), node), warm);
        const QString why = dock->runner()->coldReason();
        QVERIFY2(why.contains(QLatin1String("sessions folder")), qPrintable(why));
        QVERIFY2(dock->message().contains(why), qPrintable(dock->message()));
        qInfo("the dock says: %s", qPrintable(dock->message()));
        // The status bar asked about the pair in the unusable folder meanwhile; with the folder
        // back it finds the pair again.
        EngineSessionsMonitor::shared()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_one.indicator->text(), QStringLiteral("Engines: warm"), 60000);
    }

    void stopEnginesFromTheStatusBar()
    {
        QVERIFY(m_one.indicator->stopAction()->isEnabled());
        m_one.indicator->stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_one.indicator->text(), QStringLiteral("Engines: stopped"),
                                  120000);
        QCOMPARE(m_two.indicator->text(), QStringLiteral("Engines: stopped"));
        const SessionsStatus s = moduleStatus();
        QCOMPARE(s.spark.state, SessionServer::State::Stopped);
        QCOMPARE(s.flink.state, SessionServer::State::Stopped);
    }

    void stopWhileTheServerStartsLetsItStart()
    {
        // The pair is stopped (above). Stop as soon as the runner starts Spark Connect: the
        // preview ends at once, the server goes on starting and is recorded, the next preview
        // runs on it.
        DataPreviewDock *dock = m_one.dock;
        QVERIFY(dock->setEngineChoice(DataPreviewDock::EngineChoice::Spark));
        {
            QObject guard;
            connect(dock->runner(), &DataPreviewRunner::sessionChanged, &guard, [dock] {
                if (dock->runner()->startingSession() && dock->isRunning())
                    dock->stop();
            });
            QVERIFY(preview(dock));
        }
        QCOMPARE(dock->runner()->state(), DataPreviewRunner::State::Cancelled);
        QVERIFY(dock->runner()->warmUrl().isEmpty()); // stopped before the server was up
        QCOMPARE(m_one.indicator->text(), QStringLiteral("Engines: starting…"));
        QTRY_COMPARE_WITH_TIMEOUT(m_one.indicator->text(), QStringLiteral("Engines: warm"), kRunMs);
        const QString url = moduleStatus().spark.url;
        QVERIFY(!url.isEmpty());
        QVERIFY(preview(dock));
        QVERIFY2(finished(dock->runner()), qPrintable(dock->message()));
        QCOMPARE(dock->runner()->warmUrl(), url);
    }

    void cleanupTestCase()
    {
        m_three.window.reset();
        m_two.window.reset();
        m_one.window.reset();
        if (m_python.isEmpty())
            return;
        // Whatever a failed case left running.
        QProcess p;
        p.setProcessEnvironment(EngineSessions::sessionsEnvironment(
            DataPreviewRunner::runnersDir(), QProcessEnvironment::systemEnvironment()));
        p.start(m_python, EngineSessions::commandArguments(QStringLiteral("stop")));
        p.waitForFinished(120000);
    }
};

QTEST_MAIN(TestWarmPreview)
#include "tst_warmpreview.moc"
