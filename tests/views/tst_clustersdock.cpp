// SPDX-License-Identifier: Apache-2.0
// The Clusters view against a real dcp-local started with a targets file: `local`, a Flink
// session and a Spark standalone master that nobody serves (closed ports). The targets model and
// the jobs-per-target model are checked with QAbstractItemModelTester; the reachable flags, the
// overview, the jobs running on a target, the web UI link, the submit dialog's target combo
// (engine filter, unreachable targets not selectable, the choice sent as config.target) and the
// Jobs dock's "confirmed … ago" and restart-loop flag are checked on the real widgets.
#include "clustersdock.h"
#include "clustersintegration.h"
#include "clustersmodel.h"
#include "dcpclient.h"
#include "dcplocalserver.h"
#include "environmentstore.h"
#include "isolatedhome.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "jobsintegration.h"
#include "jobsmodel.h"
#include "pipelinedocument.h"
#include "platformpanel.h"
#include "submitdialog.h"
#include "submitflow.h"
#include "targetjobsmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace uis;
using uis::test::DcpLocalServer;
using uis::test::waitFor;

namespace {

/// A loopback port nobody listens on (bound, then released).
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestClustersDock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    DcpLocalServer m_server;
    QString m_flinkUrl;

    /// Refreshes until `condition` holds (the server checks its targets on its own clock).
    bool refreshUntil(ClustersDock &dock, const std::function<bool()> &condition,
                      int timeoutMs = 30000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            QSignalSpy done(&dock, &ClustersDock::refreshed);
            dock.refresh();
            if (!done.wait(15000))
                return false;
            if (condition())
                return true;
            QTest::qWait(300);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateHome(m_home.path());
        qputenv("UIS_PLATFORM_DIR", (m_home.path() + QStringLiteral("/platform")).toUtf8());
        qputenv("API_KEY", "k-123"); // the template's only placeholder: the dialog asks for nothing
        QVERIFY2(QFileInfo(DcpLocalServer::binary()).isExecutable(), "build dcp-local first");

        const QString spark =
            m_server.script(QStringLiteral("spark-submit"),
                            "#!/bin/sh\necho running\nwhile true; do sleep 0.1; done\n");
        m_flinkUrl = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
        const quint16 sparkPort = closedPort();
        const QString targets = m_home.filePath(QStringLiteral("targets.yaml"));
        QFile f(targets);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "targets:\n"
                    "  - {name: local, kind: local}\n"
                    "  - {name: far-flink, kind: flink-session, rest_url: %1}\n"
                    "  - {name: far-spark, kind: spark-standalone, master: spark://127.0.0.1:%2, "
                    "master_ui: http://127.0.0.1:%2}\n")
                    .arg(m_flinkUrl)
                    .arg(sparkPort)
                    .toUtf8());
        f.close();
        QVERIFY2(
            m_server.start({QStringLiteral("--targets"), targets, QStringLiteral("--spark-submit"),
                            spark, QStringLiteral("--kill-grace"), QStringLiteral("2")}),
            qPrintable(m_server.output()));
        // `local` is this server (its data directory names it, as for the embedded default).
        EnvironmentStore().setLocalDataDir(m_server.dataDir());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void targetsWithHealthAndOverview()
    {
        JobsConnections connections;
        ClustersDock dock(&connections, nullptr);
        ClustersModel *model = dock.model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester jobsTester(dock.jobsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList opened;
        dock.setUrlOpener([&opened](const QUrl &u) { opened << u.toString(); });
        dock.show();

        const auto farChecked = [&] {
            const int row = model->rowOf(QStringLiteral("far-flink"));
            return row >= 0 &&
                   model->index(row, 0).data(ClustersModel::CheckedAtRole).toDateTime().isValid() &&
                   model->rowOf(QStringLiteral("far-spark")) >= 0 &&
                   model->index(model->rowOf(QStringLiteral("far-spark")), 0)
                       .data(ClustersModel::CheckedAtRole)
                       .toDateTime()
                       .isValid();
        };
        QVERIFY2(refreshUntil(dock, farChecked), qPrintable(dock.statusLabel()->text()));
        QCOMPARE(model->rowCount(), 3);
        const QModelIndex local = model->index(model->rowOf(QStringLiteral("local")), 0);
        const QModelIndex flink = model->index(model->rowOf(QStringLiteral("far-flink")), 0);
        const QModelIndex spark = model->index(model->rowOf(QStringLiteral("far-spark")), 0);
        QCOMPARE(local.data(ClustersModel::KindRole).toString(), QStringLiteral("local"));
        QVERIFY(local.data(ClustersModel::ReachableRole).toBool());
        QCOMPARE(flink.data(ClustersModel::KindRole).toString(), QStringLiteral("flink-session"));
        QVERIFY(!flink.data(ClustersModel::ReachableRole).toBool());
        QVERIFY(!spark.data(ClustersModel::ReachableRole).toBool());
        QVERIFY(!flink.data(ClustersModel::ErrorRole).toString().isEmpty());
        QCOMPARE(flink.siblingAtColumn(ClustersModel::HealthColumn).data().toString(),
                 QStringLiteral("✗ unreachable"));
        QCOMPARE(local.siblingAtColumn(ClustersModel::HealthColumn).data().toString(),
                 QStringLiteral("✓ reachable"));
        QCOMPARE(local.data(ClustersModel::EnginesRole).toStringList(),
                 QStringList({QStringLiteral("spark"), QStringLiteral("flink")}));
        QVERIFY2(
            local.siblingAtColumn(ClustersModel::OverviewColumn)
                .data()
                .toString()
                .contains(QLatin1String("running")),
            qPrintable(local.siblingAtColumn(ClustersModel::OverviewColumn).data().toString()));
        QVERIFY(flink.siblingAtColumn(ClustersModel::CheckedColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1String("ago")));
        QVERIFY(dock.statusLabel()->text().contains(QLatin1String("1 of 3")));

        QCOMPARE(local.data(ClustersModel::RunningJobsRole).toInt(), 0);

        // The Flink figures of an overview, as a Flink session answers them.
        TargetInfo t;
        t.kind = QStringLiteral("flink-session");
        t.reachable = true;
        t.overview = QJsonObject{{QStringLiteral("taskmanagers"), 1},
                                 {QStringLiteral("slots_total"), 2},
                                 {QStringLiteral("slots_available"), 1},
                                 {QStringLiteral("jobs_running"), 1}};
        QCOMPARE(ClustersModel::overviewText(t),
                 QStringLiteral("1 TaskManager(s) · 1/2 slots free · 1 running job(s)"));
        t.kind = QStringLiteral("spark-standalone");
        t.overview = QJsonObject{{QStringLiteral("alive_workers"), 1},
                                 {QStringLiteral("cores"), 2},
                                 {QStringLiteral("cores_used"), 0},
                                 {QStringLiteral("memory_mb"), 2048},
                                 {QStringLiteral("memory_used_mb"), 512}};
        QCOMPARE(
            ClustersModel::overviewText(t),
            QStringLiteral("1 alive worker(s) · 2 cores (0 used) · 2.0 GiB memory (512 MiB used)"));

        // Web UI: the platform's hint for a target the server names no UI for.
        model->setUiHints({{QStringLiteral("far-flink"), QUrl(m_flinkUrl)}});
        dock.selectTarget(QStringLiteral("far-flink"));
        QVERIFY(dock.openWebUiAction()->isEnabled());
        QVERIFY(dock.webUiLabel()->text().contains(m_flinkUrl));
        dock.openWebUiAction()->trigger();
        QCOMPARE(opened, QStringList{m_flinkUrl});
        dock.selectTarget(QStringLiteral("local"));
        QVERIFY(!dock.openWebUiAction()->isEnabled());
    }

    void submitOffersTargetsAndJobsShowConfirmation()
    {
        QMainWindow window;
        PipelineDocument doc;
        QVERIFY(doc.open(QStringLiteral(UIS_SOURCE_DIR
                                        "/resources/templates/rest-to-parquet-iceberg.uis.yaml")));
        JobsIntegration *jobs = JobsIntegration::install(
            &window, window.menuBar()->addMenu(QStringLiteral("Jobs")), nullptr, &doc);
        ClustersIntegration *clusters = ClustersIntegration::install(
            &window, window.menuBar()->addMenu(QStringLiteral("View")), jobs);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Tabbed with the Jobs dock; toggled from the menu.
        QVERIFY(window.tabifiedDockWidgets(jobs->jobsDock()).contains(clusters->dock()));
        QVERIFY(window.menuBar()->actions().last()->menu()->actions().contains(
            clusters->dock()->toggleViewAction()));
        // The platform panel lists every service, stopped, and offers Start only.
        PlatformPanel *panel = clusters->platformPanel();
        QCOMPARE(panel->services()->topLevelItemCount(), 10);
        QVERIFY(panel->row(QStringLiteral("iceberg-rest")));
        QCOMPARE(panel->row(QStringLiteral("dcp-local"))->text(1), QStringLiteral("stopped"));
        QVERIFY(panel->startButton()->isEnabled());
        QVERIFY(!panel->stopButton()->isEnabled());

        jobs->submitAction()->trigger();
        QVERIFY(waitFor([&] { return jobs->submitFlow()->dialog() != nullptr; }));
        SubmitDialog *dialog = jobs->submitFlow()->dialog();
        QComboBox *combo = dialog->targetCombo();
        QCOMPARE(combo->itemText(0), QStringLiteral("(server picks)"));
        // The spark job is offered `local` and the (unreachable, not selectable) Spark master;
        // the Flink session does not run Spark.
        QVERIFY(waitFor([&] { return combo->count() == 3; }, 20000));
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(combo->findData(QStringLiteral("far-flink")), -1);
        const int far = combo->findData(QStringLiteral("far-spark"));
        QVERIFY(far > 0);
        QVERIFY(combo->itemText(far).contains(QLatin1String("unreachable")));
        QVERIFY(!qobject_cast<QStandardItemModel *>(combo->model())->item(far)->isEnabled());
        QCOMPARE(dialog->request().target, QString());
        combo->setCurrentIndex(combo->findData(QStringLiteral("local")));
        QCOMPARE(dialog->request().target, QStringLiteral("local"));
        QVERIFY(dialog->preview()->toPlainText().contains(QLatin1String("\"target\": \"local\"")));
        QVERIFY(dialog->submitButton()->isEnabled());
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);

        // The job runs on `local`; the Jobs dock says when the engine last confirmed it.
        JobsModel *model = jobs->jobsModel();
        QVERIFY(waitFor([&] { return model->rowCount() == 1; }));
        QVERIFY(waitFor([&] {
            return model->entry(0)->status.state == JobState::Running &&
                   !model->entry(0)->status.target.isEmpty();
        }));
        QCOMPARE(model->index(0, JobsModel::TargetColumn).data().toString(),
                 QStringLiteral("local"));
        // A local child process is the server's own: there is no engine confirmation to show.
        QCOMPARE(model->index(0, JobsModel::ConfirmedColumn).data().toString(), QString());
        QVERIFY(!model->index(0, JobsModel::EngineStateColumn)
                     .data(JobsModel::RestartLoopRole)
                     .toBool());

        // The Clusters dock shows it under `local`.
        ClustersDock *dock = clusters->dock();
        QAbstractItemModelTester tester(dock->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        dock->show();
        dock->raise();
        QVERIFY(refreshUntil(*dock, [&] {
            const int row = dock->model()->rowOf(QStringLiteral("local"));
            return row >= 0 &&
                   dock->model()->index(row, 0).data(ClustersModel::RunningJobsRole).toInt() == 1;
        }));
        dock->selectTarget(QStringLiteral("local"));
        QCOMPARE(dock->jobsModel()->rowCount(), 1);
        QCOMPARE(dock->jobsModel()->index(0, TargetJobsModel::NameColumn).data().toString(),
                 QStringLiteral("market-data-ingestion"));
        // On a cluster the engine confirms the state: "confirmed 3 s ago" (the dock's clock ticks).
        JobStatus onCluster = model->entry(0)->status;
        onCluster.target = QStringLiteral("far-flink");
        onCluster.lastConfirmedAt = QDateTime::currentDateTimeUtc().addSecs(-3);
        JobsModel confirmedModel;
        confirmedModel.upsert(QStringLiteral("local"), onCluster);
        QCOMPARE(confirmedModel.index(0, JobsModel::ConfirmedColumn).data().toString(),
                 QStringLiteral("confirmed 3 s ago"));
        QVERIFY(confirmedModel.index(0, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("confirmed 3 s ago")));
        onCluster.lastConfirmedAt = {};
        confirmedModel.upsert(QStringLiteral("local"), onCluster);
        QCOMPARE(confirmedModel.index(0, JobsModel::ConfirmedColumn).data().toString(),
                 QStringLiteral("not confirmed yet"));

        // A job the engine keeps restarting is flagged, with the error in the tooltip.
        JobStatus looping = model->entry(0)->status;
        looping.engineState = QStringLiteral("RESTARTING (3 restarts)");
        looping.error = QStringLiteral("java.lang.ArithmeticException: / by zero");
        JobsModel plain;
        QAbstractItemModelTester plainTester(
            &plain, QAbstractItemModelTester::FailureReportingMode::QtTest);
        plain.upsert(QStringLiteral("local"), looping);
        const QModelIndex state = plain.index(0, JobsModel::EngineStateColumn);
        QVERIFY(state.data(JobsModel::RestartLoopRole).toBool());
        QVERIFY(state.data(Qt::DecorationRole).canConvert<QIcon>());
        const QString tip = state.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("keeps restarting")) &&
                     tip.contains(QLatin1String("/ by zero")),
                 qPrintable(tip));

        // Cancel it, so the server ends with nothing running.
        DcpClient client;
        client.setBaseUrl(m_server.url());
        client.setToken(m_server.token());
        std::unique_ptr<DcpReply> cancel(client.cancel(model->entry(0)->status.jobId));
        QVERIFY(cancel->wait(20000));
    }

    void localClientFollowsAReplacedServer()
    {
        // The platform replaces the server on `local`'s data directory (new port, same token):
        // the client the jobs' followers hold is pointed at the new one.
        JobsConnections connections;
        DcpClient *client = nullptr;
        connections.withClient(EnvironmentStore::localName(),
                               [&client](DcpClient *c, const QString &) { client = c; });
        QVERIFY(waitFor([&] { return client != nullptr; }, 20000));
        QCOMPARE(client->baseUrl(), m_server.url());
        const QUrl before = m_server.url();
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(m_server.start());
        QVERIFY(m_server.url() != before);
        connections.followLocalServer();
        QCOMPARE(client->baseUrl(), m_server.url());
        std::unique_ptr<DcpReply> targets(client->targets());
        QVERIFY2(targets->wait(20000), qPrintable(targets->error().message));
    }
};

QTEST_MAIN(TestClustersDock)
#include "tst_clustersdock.moc"
