// SPDX-License-Identifier: Apache-2.0
// Submit and monitor in the real window (offscreen) against a real dcp-local: submit a template,
// see it in the Jobs dock, follow its log, jump to the root cause, cancel it; the job list
// model is checked with QAbstractItemModelTester and survives a restart. A second case lets
// the studio start its own dcp-local (the embedded default of `local`).
#include "dcpclient.h"
#include "environmentsdialog.h"
#include "environmentstore.h"
#include "graphscene.h"
#include "isolatedhome.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "jobsintegration.h"
#include "jobslocalserver.h"
#include "jobsmodel.h"
#include "localserverinfo.h"
#include "logdock.h"
#include "logview.h"
#include "mainwindow.h"
#include "nodeitem.h"
#include "submitdialog.h"
#include "submitflow.h"
#include "upgradeflow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <csignal>

using namespace uis;

namespace {

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

QString dcpLocal()
{
    return QStringLiteral(UIS_BINARY_DIR "/bin/dcp-local");
}

} // namespace

class TestJobsDock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_data;
    qint64 m_serverPid = 0;
    QString m_script;

private Q_SLOTS:
    void initTestCase()
    {
        // Private settings, data and keychain-free token handling for this run.
        test::isolateHome(m_home.path());
        qputenv("UIS_DCP_LOCAL", dcpLocal().toUtf8());
        qunsetenv("API_KEY");
        QVERIFY2(QFileInfo(dcpLocal()).isExecutable(), "build dcp-local first");

        // A stand-in for spark-submit: a running job whose log has a Java exception chain.
        m_script = m_home.filePath(QStringLiteral("spark-submit"));
        QFile f(m_script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\n"
                "echo job-is-running\n"
                "echo 'Exception in thread \"main\" org.apache.spark.SparkException: Job aborted'\n"
                "printf '\\tat "
                "org.apache.spark.scheduler.DAGScheduler.abortStage(DAGScheduler.scala:2792)\\n'\n"
                "echo 'Caused by: java.io.FileNotFoundException: /data/missing.csv (No such file "
                "or directory)'\n"
                "printf '\\tat java.io.FileInputStream.open0(Native Method)\\n'\n"
                "trap 'echo stopping on SIGTERM; exit 143' TERM\n"
                "while true; do sleep 0.1; done\n");
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        // The `local` environment points at this data directory, where a dcp-local already runs:
        // the studio must reuse it. (Detached: a QProcess child alive in this process made the
        // window's AnalysisRunner hang on destruction under Qt 6.4.)
        QProcess server;
        server.setProgram(dcpLocal());
        server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                             QStringLiteral("--data-dir"), m_data.path(),
                             QStringLiteral("--spark-submit"), m_script,
                             QStringLiteral("--kill-grace"), QStringLiteral("3")});
        server.setStandardOutputFile(m_home.filePath(QStringLiteral("dcp-local.out")));
        QVERIFY(server.startDetached(&m_serverPid));
        QVERIFY(waitFor([&] { return LocalServerInfo::readRunning(m_data.path()).has_value(); }));
        EnvironmentStore().setLocalDataDir(m_data.path());
    }

    void cleanupTestCase()
    {
        if (m_serverPid > 0) {
            ::kill(pid_t(m_serverPid), SIGTERM);
            waitFor([&] { return !LocalServerInfo::readRunning(m_data.path()); });
        }
    }

    void jobsModelIsAModel()
    {
        QTemporaryDir dir;
        JobsModel model(dir.filePath(QStringLiteral("jobs.json")));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobStatus s;
        s.jobId = QStringLiteral("job-1");
        s.name = QStringLiteral("one");
        s.engine = QStringLiteral("spark");
        s.state = JobState::Running;
        s.createdAt = QDateTime::currentDateTimeUtc();
        s.startedAt = s.createdAt;
        model.upsert(QStringLiteral("local"), s);
        s.jobId = QStringLiteral("job-2");
        model.upsert(QStringLiteral("local"), s);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, JobsModel::NameColumn), JobsModel::JobIdRole).toString(),
                 QStringLiteral("job-2"));
        s.state = JobState::Failed;
        s.error = QStringLiteral("boom");
        model.upsert(QStringLiteral("local"), s);
        QCOMPARE(model.data(model.index(0, JobsModel::StatusColumn)).toString(),
                 QStringLiteral("FAILED"));
        QVERIFY(model.data(model.index(0, JobsModel::StatusColumn), Qt::DecorationRole)
                    .canConvert<QIcon>());
        QCOMPARE(
            model.data(model.index(0, JobsModel::StatusColumn), Qt::ForegroundRole).value<QColor>(),
            JobsModel::stateColor(JobState::Failed));
        QVERIFY(model.data(model.index(0, 0), Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("boom")));
        model.tick();
        model.remove(1);
        QCOMPARE(model.rowCount(), 1);
        JobsModel reloaded(dir.filePath(QStringLiteral("jobs.json")));
        QCOMPARE(reloaded.rowCount(), 1);
        QCOMPARE(reloaded.entry(0)->status.error, QStringLiteral("boom"));
    }

    void upgradeActionColoursTheCanvas()
    {
        MainWindow window;
        JobsIntegration *jobs = JobsIntegration::install(
            &window, window.menu(QStringLiteral("jobs")), window.mainToolBar(), window.document(),
            [&window](QDockWidget *d, Qt::DockWidgetArea a) { window.addExtensionDock(d, a); });
        UpgradeFlow *flow = UpgradeFlow::install(&window, jobs->jobsDock(), window.document(),
                                                 jobs->connections(), window.graphScene());
        QVERIFY(window.openFile(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/kafka-dedupe-window.uis.yaml")));
        JobStatus s;
        s.jobId = QStringLiteral("job-up-1");
        s.name = QStringLiteral("click-session-metrics");
        s.engine = QStringLiteral("flink");
        s.state = JobState::Succeeded;
        s.createdAt = QDateTime::currentDateTimeUtc();
        jobs->jobsModel()->upsert(QStringLiteral("staging"), s);
        JobsDock *dock = jobs->jobsDock();
        dock->selectJob(QStringLiteral("staging"), s.jobId);
        QVERIFY(!dock->upgradeAction()->isEnabled()); // only a running job has state to take over
        s.state = JobState::Running;
        jobs->jobsModel()->upsert(QStringLiteral("staging"), s);
        dock->selectJob(QStringLiteral("staging"), s.jobId);
        QVERIFY(dock->upgradeAction()->isEnabled());
        QSignalSpy requested(dock, &JobsDock::upgradeRequested);
        QObject::disconnect(dock, &JobsDock::upgradeRequested, flow, nullptr); // no server here
        dock->upgradeAction()->trigger();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(1).toString(), s.jobId);

        // The server's report colours the nodes it names and waits for confirmation.
        const auto op = [](const char *node, const char *verdict) {
            return QJsonObject{{QStringLiteral("node"), QLatin1String(node)},
                               {QStringLiteral("verdict"), QLatin1String(verdict)},
                               {QStringLiteral("reason"), QStringLiteral("because")}};
        };
        const QJsonObject report{
            {QStringLiteral("restorable"), false},
            {QStringLiteral("operators"),
             QJsonArray{op("unique_clicks", "restored"), op("per_minute", "incompatible"),
                        op("metrics_out", "dropped")}}};
        QSignalSpy confirmed(flow, &UpgradeFlow::upgradeConfirmed);
        flow->present(QStringLiteral("staging"), s.jobId, report);
        QHash<QString, QString> shown;
        for (NodeItem *item : window.graphScene()->nodeItems())
            if (!item->verdict().isEmpty())
                shown.insert(item->node().name, item->verdict());
        QCOMPARE(shown, (QHash<QString, QString>{
                            {QStringLiteral("unique_clicks"), QStringLiteral("restored")},
                            {QStringLiteral("per_minute"), QStringLiteral("incompatible")},
                            {QStringLiteral("metrics_out"), QStringLiteral("dropped")}}));
        QVERIFY(flow->dialog());
        QVERIFY(flow->dialog()->detailedText().contains(QLatin1String("incompatible: because")));
        flow->dialog()->reject(); // Cancel: nothing is upgraded, the colours go
        QCOMPARE(confirmed.count(), 0);
        for (NodeItem *item : window.graphScene()->nodeItems())
            QVERIFY(item->verdict().isEmpty());
        // The Jobs list is saved: leave it as the next test expects it (empty).
        JobsModel *model = jobs->jobsModel();
        for (int row = model->rowCount() - 1; row >= 0; --row) {
            if (model->entry(row)->status.jobId == s.jobId)
                model->remove(row);
        }
    }

    void submitFollowCancel()
    {
        MainWindow window;
        JobsIntegration *jobs = JobsIntegration::install(
            &window, window.menu(QStringLiteral("jobs")), window.mainToolBar(), window.document(),
            [&window](QDockWidget *d, Qt::DockWidgetArea a) { window.addExtensionDock(d, a); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAbstractItemModelTester tester(jobs->jobsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(window.mainToolBar()->actions().contains(jobs->submitAction()));
        QVERIFY(window.menu(QStringLiteral("jobs"))->actions().contains(jobs->submitAction()));
        QSignalSpy notified(jobs, &JobsIntegration::notified);

        QVERIFY(window.openFile(QStringLiteral(
            UIS_SOURCE_DIR "/resources/templates/rest-to-parquet-iceberg.uis.yaml")));
        jobs->submitAction()->trigger();
        QVERIFY(waitFor([&] { return jobs->submitFlow()->dialog() != nullptr; }));
        SubmitDialog *dialog = jobs->submitFlow()->dialog();
        QCOMPARE(dialog->environment(), QStringLiteral("local"));
        // {{api_key}} has no value anywhere: the dialog asks, and Submit waits for it.
        QLineEdit *field = dialog->valueField(QStringLiteral("API_KEY"));
        QVERIFY(field);
        QVERIFY(!dialog->submitButton()->isEnabled());
        QTest::keyClicks(field, QStringLiteral("k-777-secret"));
        QVERIFY(dialog->submitButton()->isEnabled());
        QVERIFY(dialog->preview()->toPlainText().contains(QLatin1String("\"API_KEY\": \"****\"")));
        QVERIFY(!dialog->preview()->toPlainText().contains(QLatin1String("k-777-secret")));
        QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);

        // The job shows up in the Jobs dock and is polled to RUNNING.
        JobsModel *model = jobs->jobsModel();
        QVERIFY(waitFor([&] { return model->rowCount() == 1; }));
        const QString id = model->entry(0)->status.jobId;
        QVERIFY(id.startsWith(QLatin1String("job-")));
        QVERIFY(waitFor([&] { return model->entry(0)->status.state == JobState::Running; }));
        QCOMPARE(model->data(model->index(0, JobsModel::NameColumn)).toString(),
                 QStringLiteral("market-data-ingestion"));
        QCOMPARE(model->data(model->index(0, JobsModel::EngineColumn)).toString(),
                 QStringLiteral("spark"));
        QVERIFY(!model->data(model->index(0, JobsModel::LastPollColumn)).toString().isEmpty());
        QVERIFY(jobs->jobsDock()->isWatching(QStringLiteral("local"), id));

        // Its log is followed in the Logs dock; the root cause is found.
        LogView *log = jobs->logDock()->logView();
        QCOMPARE(jobs->logDock()->jobId(), id);
        QVERIFY(waitFor(
            [&] { return log->text().contains(QLatin1String("java.io.FileNotFoundException")); }));
        QVERIFY(jobs->logDock()->isFollowing());
        QVERIFY(log->jumpToRootCause());
        QVERIFY2(log->statusText().contains(
                     QLatin1String("java.io.FileNotFoundException: /data/missing.csv")),
                 qPrintable(log->statusText()));
        QVERIFY(
            log->editor()->textCursor().selectedText().contains(QLatin1String("SparkException")));
        log->searchField()->setText(QStringLiteral("caused by"));
        QVERIFY(log->findNext());
        QVERIFY(!log->text().contains(QLatin1String("k-777-secret")));

        // Cancel asks first; "Keep Running" leaves the job alone, "Cancel Job" stops it.
        jobs->jobsDock()->view()->setCurrentIndex(model->index(0, 0));
        QVERIFY(jobs->jobsDock()->cancelAction()->isEnabled());
        jobs->jobsDock()->cancelAction()->trigger();
        QMessageBox *box = nullptr;
        QVERIFY(waitFor([&] {
            box =
                jobs->jobsDock()->findChild<QMessageBox *>(QStringLiteral("cancelJobConfirmation"));
            return box && box->isVisible();
        }));
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
        QTest::qWait(300);
        QCOMPARE(model->entry(0)->status.state, JobState::Running);
        jobs->jobsDock()->cancelAction()->trigger();
        QVERIFY(waitFor([&] {
            box =
                jobs->jobsDock()->findChild<QMessageBox *>(QStringLiteral("cancelJobConfirmation"));
            return box && box->isVisible();
        }));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QVERIFY(waitFor([&] { return model->entry(0)->status.state == JobState::Cancelled; }));
        QVERIFY(waitFor([&] { return notified.size() == 1; }));
        QVERIFY(notified.first().at(0).toString().contains(QLatin1String("cancelled")));
        QVERIFY(waitFor([&] { return !jobs->logDock()->isFollowing(); }));
        QVERIFY(log->text().contains(QLatin1String("stopping on SIGTERM")));
        QVERIFY(!jobs->jobsDock()->cancelAction()->isEnabled());

        // Save to file, and the list survives a restart of the studio.
        QTemporaryDir out;
        QVERIFY(log->saveTo(out.filePath(QStringLiteral("job.log"))).isEmpty());
        QFile saved(out.filePath(QStringLiteral("job.log")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), log->text());
        JobsModel again(model->storePath());
        QCOMPARE(again.rowCount(), 1);
        QCOMPARE(again.entry(0)->status.jobId, id);
        QCOMPARE(again.entry(0)->status.state, JobState::Cancelled);
        QFile store(model->storePath());
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(!store.readAll().contains("k-777-secret"));
    }

    void environmentsDialog()
    {
        MainWindow window;
        JobsIntegration *jobs = JobsIntegration::install(
            &window, window.menu(QStringLiteral("jobs")), nullptr, window.document());
        jobs->environmentsAction()->trigger();
        EnvironmentsDialog *dialog = jobs->environmentsDialog();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->list()->count() >= 1);
        // A new environment with a URL and a token; without a keychain the token is refused
        // with a message, and never written anywhere else.
        dialog->list()->clearSelection();
        dialog->nameField()->setReadOnly(false);
        dialog->nameField()->setText(QStringLiteral("staging"));
        dialog->urlField()->setText(QStringLiteral("https://dcp-staging.example.com"));
        QTest::keyClicks(dialog->tokenField(), QStringLiteral("tok-secret-1"));
        QCOMPARE(dialog->tokenField()->echoMode(), QLineEdit::Password);
        dialog->saveCurrent();
        QVERIFY(waitFor([&] { return dialog->statusText().contains(QLatin1String("keychain")); }));
        QVERIFY2(dialog->statusText().contains(QLatin1String("DCP_TOKEN")),
                 qPrintable(dialog->statusText()));
        EnvironmentStore store;
        QCOMPARE(store.url(QStringLiteral("staging")),
                 QUrl(QStringLiteral("https://dcp-staging.example.com")));
        QFile conf(QString::fromUtf8(qgetenv("XDG_CONFIG_HOME")) +
                   QStringLiteral("/uis-studio/environments.conf"));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QVERIFY(!conf.readAll().contains("tok-secret-1"));
        // A bad URL is refused with a reason.
        dialog->urlField()->setText(QStringLiteral("ftp://nope"));
        dialog->saveCurrent();
        QVERIFY(dialog->statusText().contains(QLatin1String("not an http(s) URL")));
        dialog->removeCurrent();
        QVERIFY(!EnvironmentStore().contains(QStringLiteral("staging")));
        dialog->close();
    }

    void connectionsDoNotBlock()
    {
        // The studio's path to a client (environment, token, embedded dcp-local) answers through
        // the event loop: withClient() returns at once, a timer keeps ticking meanwhile, callers
        // waiting for one environment share one resolution, and progress reaches the status bar.
        MainWindow window;
        JobsIntegration *jobs = JobsIntegration::install(
            &window, window.menu(QStringLiteral("jobs")), nullptr, window.document());
        JobsConnections *connections = jobs->connections();
        QVERIFY(!connections->isResolving(QStringLiteral("local"))); // nothing before the loop runs
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!connections->existingClient(QStringLiteral("local")));
        QSignalSpy progress(connections, &JobsConnections::progress);

        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = qMax(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        ticker.start();

        QList<DcpClient *> clients;
        QElapsedTimer call;
        call.start();
        for (int i = 0; i < 2; ++i)
            connections->withClient(QStringLiteral("local"), [&](DcpClient *c, const QString &e) {
                QVERIFY2(c, qPrintable(e));
                clients << c;
            });
        QVERIFY(call.elapsed() < 250);
        QVERIFY(clients.isEmpty()); // answered later, from the event loop
        QVERIFY(connections->isResolving(QStringLiteral("local")));
        QVERIFY(waitFor([&] { return clients.size() == 2; }));
        QCOMPARE(clients.first(), clients.last());
        QVERIFY(!connections->isResolving(QStringLiteral("local")));
        QVERIFY2(longestGap < 500,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longestGap)));
        QVERIFY(!progress.isEmpty());
        QVERIFY2(window.statusBar()->currentMessage().contains(
                     QLatin1String("token from dcp-local token file")),
                 qPrintable(window.statusBar()->currentMessage()));
        std::unique_ptr<DcpReply> list(clients.first()->list());
        QVERIFY2(list->wait(60000), qPrintable(list->error().fullText()));

        // A resolved environment is answered from the event loop too.
        DcpClient *again = nullptr;
        connections->withClient(QStringLiteral("local"),
                                [&](DcpClient *c, const QString &) { again = c; });
        QVERIFY(!again);
        QVERIFY(waitFor([&] { return again != nullptr; }));
        QCOMPARE(again, clients.first());

        // An environment without a URL fails with a reason, by the same path.
        QString error;
        bool failed = false;
        connections->withClient(QStringLiteral("nowhere"), [&](DcpClient *c, const QString &e) {
            failed = !c;
            error = e;
        });
        QVERIFY(!failed);
        QVERIFY(waitFor([&] { return failed; }));
        QVERIFY2(error.contains(QLatin1String("no URL")), qPrintable(error));
        ticker.stop();
    }

    void embeddedServerStarts()
    {
        // No server on this data directory: `local` starts one, detached, and uses it.
        QTemporaryDir data;
        EnvironmentStore settings;
        settings.setLocalDataDir(data.path());
        JobsConnections connections;
        DcpClient *client = nullptr;
        QString error;
        bool done = false;
        connections.withClient(QStringLiteral("local"), [&](DcpClient *c, const QString &e) {
            client = c;
            error = e;
            done = true;
        });
        QVERIFY(waitFor([&] { return done; }, 90000));
        QVERIFY2(client, qPrintable(error));
        const qint64 pid = connections.localServer()->startedPid();
        QVERIFY(pid > 0);
        std::unique_ptr<DcpReply> list(client->list());
        QVERIFY2(list->wait(60000), qPrintable(list->error().fullText()));
        // A second studio reuses it rather than starting another.
        JobsLocalServer second;
        second.setDataDir(data.path());
        QSignalSpy ready(&second, &JobsLocalServer::ready);
        second.ensureRunning();
        QVERIFY(ready.wait(30000));
        QCOMPARE(second.startedPid(), 0);
        QCOMPARE(ready.first().first().toUrl(), client->baseUrl());
        // We started it, so we stop it.
        ::kill(pid_t(pid), SIGTERM);
        QVERIFY(waitFor([&] { return !LocalServerInfo::readRunning(data.path()); }));
        settings.setLocalDataDir(m_data.path());
    }
};

QTEST_MAIN(TestJobsDock)
#include "tst_jobsdock.moc"
