// SPDX-License-Identifier: Apache-2.0
// Run Locally's question, answered with Start Local Platform, in the real window (offscreen): the
// bundled example reads s3a:// buckets while the local platform is down, so Run Locally asks
// first; the click starts the real platform (versitygw, Kafka, Flink, Spark, the Iceberg REST
// catalog and the platform's dcp-local, from .venv and .cache, in the default directory under a
// temporary HOME) with
// progress per service in the Clusters view, then opens Submit aimed at `local`, and the job
// submitted there runs on the platform's dcp-local to SUCCEEDED. The platform is stopped at the
// end, also when a check fails. Skipped when `make deps` has not installed the platform.
#include "clustersdock.h"
#include "clustersintegration.h"
#include "isolatedhome.h"
#include "jobsconnections.h"
#include "jobsintegration.h"
#include "jobslocalserver.h"
#include "jobsmodel.h"
#include "mainwindow.h"
#include "platformdcp.h"
#include "platformlayout.h"
#include "platformmanager.h"
#include "platformpanel.h"
#include "previewintegration.h"
#include "submitdialog.h"
#include "submitflow.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>

using namespace uis;

namespace {

/// Stops whatever was started in `dir` when the test leaves, passed or not: no JVMs left behind,
/// and no dcp-local either: neither the platform's nor the one the studio starts (detached, so it
/// outlives the window) on `local`'s data directory once the platform's is gone.
class PlatformGuard
{
public:
    explicit PlatformGuard(const QString &dir) : m_dir(dir) {}
    /// Records every dcp-local `local` starts, to stop it at the end.
    void watch(JobsLocalServer *local)
    {
        QObject::connect(local, &JobsLocalServer::progress, local,
                         [this, local] { m_studioPids << local->startedPid(); });
    }
    ~PlatformGuard()
    {
        PlatformManager manager{PlatformLayout(m_dir)};
        QEventLoop loop;
        QObject::connect(&manager, &PlatformManager::stopped, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        // Inside the loop: with nothing to stop, `stopped` comes at once.
        QTimer::singleShot(0, &manager, &PlatformManager::stop);
        loop.exec();
        qint64 pid = 0;
        QList<qint64> pids = m_studioPids;
        if (!PlatformDcp(PlatformLayout(m_dir)).runningUrl(&pid).isEmpty())
            pids << pid;
        for (const qint64 p : std::as_const(pids)) {
            if (p > 0 && isDcpLocal(p) && ::kill(pid_t(p), SIGTERM) == 0)
                QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(p), 0) != 0, 20000);
        }
    }

private:
    /// Still that dcp-local (an ended one's pid may be another process's by now).
    static bool isDcpLocal(qint64 pid)
    {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        return cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("dcp-local");
    }

    QString m_dir;
    QList<qint64> m_studioPids;
};

} // namespace

class TestRunLocallyPlatform : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateHome(m_home.path());
        qputenv("UIS_RUNNERS_DIR", UIS_SOURCE_DIR "/runners");
        qunsetenv("UIS_PLATFORM_DIR");
    }

    void startLocalPlatformThenRun()
    {
        // The designer's own platform (the default directory, under this test's HOME): only its
        // dcp-local serves the studio's `local` environment.
        const QString platformDir = PlatformLayout::defaultDir();
        QVERIFY(platformDir.startsWith(m_home.path()));
        const QStringList missing = PlatformLayout(platformDir).missing();
        if (!missing.isEmpty())
            QSKIP(qPrintable(missing.join(QLatin1Char('\n'))));
        if (PlatformDcp::findProgram().isEmpty())
            QSKIP("dcp-local is not built");
        PlatformGuard guard(platformDir);

        MainWindow w;
        const auto addDock = [&w](QDockWidget *d, Qt::DockWidgetArea a) {
            w.addExtensionDock(d, a);
        };
        JobsIntegration *jobs = JobsIntegration::install(&w, w.menu(QStringLiteral("jobs")),
                                                         w.mainToolBar(), w.document(), addDock);
        guard.watch(jobs->connections()->localServer());
        ClustersIntegration *clusters = ClustersIntegration::install(
            &w, w.menu(QStringLiteral("jobs")), jobs, addDock, platformDir);
        PreviewIntegration *preview =
            PreviewIntegration::install(&w, w.menu(QStringLiteral("pipeline")), w.mainToolBar(),
                                        w.document(), w.graphScene(), jobs, addDock);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        PlatformPanel *panel = clusters->platformPanel();
        auto prompt = [&w] {
            return w.findChild<QMessageBox *>(QStringLiteral("localPlatformPrompt"));
        };
        auto submitShown = [jobs] {
            SubmitDialog *d = jobs->submitFlow()->dialog();
            return d && d->isVisible();
        };

        QVERIFY(w.openFile(QStringLiteral(
            UIS_SOURCE_DIR "/resources/templates/sample-trades-to-parquet.uis.yaml")));
        preview->runLocallyAction()->trigger();
        QTRY_VERIFY(prompt() != nullptr);
        QElapsedTimer clock;
        clock.start();
        prompt()->findChild<QPushButton *>(QStringLiteral("startPlatformAndRun"))->click();

        // The click starts the real platform: the Clusters view comes forward with its progress,
        // the store's process is launched and recorded, and nothing is submitted yet.
        QVERIFY(panel->manager()->isBusy());
        QVERIFY(clusters->dock()->isVisible());
        auto *progress = panel->findChild<QProgressBar *>();
        QVERIFY(progress && progress->isVisible());
        QCOMPARE(progress->maximum(), panel->services()->topLevelItemCount());
        QVERIFY(!panel->startButton()->isEnabled());
        QVERIFY(!submitShown());
        QTRY_VERIFY_WITH_TIMEOUT(panel->manager()->status().first().pid > 0, 30000);
        QCOMPARE(panel->manager()->status().first().name, QStringLiteral("s3"));
        QTRY_COMPARE_WITH_TIMEOUT(panel->row(QStringLiteral("s3"))->text(1),
                                  QStringLiteral("ready"), 30000);
        QVERIFY(progress->value() >= 1);

        // Once every service answers, the run goes on by itself: Submit, aimed at `local`.
        QTRY_VERIFY_WITH_TIMEOUT(submitShown(), 240000);
        qInfo("platform start, click to Submit dialog: %.1f s", clock.elapsed() / 1000.0);
        QVERIFY(!panel->manager()->isBusy());
        for (int i = 0; i < panel->services()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = panel->services()->topLevelItem(i);
            QVERIFY2(row->text(1) == QLatin1String("running"),
                     qPrintable(row->text(0) + QLatin1String(": ") + row->text(1)));
        }
        QVERIFY(panel->manager()->dcp().runningEnvironment());
        SubmitDialog *dialog = jobs->submitFlow()->dialog();
        QCOMPARE(dialog->environment(), QStringLiteral("local"));

        // The run: the platform's dcp-local takes the job and Spark finishes it.
        QString environment, jobId, failure;
        connect(jobs->submitFlow(), &SubmitFlow::submitted, this,
                [&](const QString &env, const JobStatus &status) {
                    environment = env;
                    jobId = status.jobId;
                });
        connect(jobs->submitFlow(), &SubmitFlow::failed, this,
                [&](const QString &e) { failure = e; });
        QTRY_VERIFY_WITH_TIMEOUT(dialog->submitButton()->isEnabled(), 30000);
        dialog->submitButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!jobId.isEmpty() || !failure.isEmpty(), 60000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(environment, QStringLiteral("local"));
        JobsModel *model = jobs->jobsModel();
        auto state = [model, jobId] {
            const JobEntry *e = model->entry(model->rowOf(QStringLiteral("local"), jobId));
            return e ? e->status.state : JobState::Unknown;
        };
        QTRY_VERIFY_WITH_TIMEOUT(isTerminal(state()), 240000);
        const JobStatus &done = model->entry(model->rowOf(QStringLiteral("local"), jobId))->status;
        QVERIFY2(done.state == JobState::Succeeded,
                 qPrintable(jobStateName(done.state) + QLatin1String(": ") + done.error));
        qInfo("click to job SUCCEEDED: %.1f s", clock.elapsed() / 1000.0);

        // Stop Local Platform ends every service.
        QVERIFY(panel->stopButton()->isEnabled());
        panel->stopButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->manager()->isBusy(), 120000);
        for (const ServiceStatus &s : panel->manager()->status())
            QVERIFY2(s.state == QLatin1String("stopped"),
                     qPrintable(s.name + QLatin1String(": ") + s.state));
    }
};

QTEST_MAIN(TestRunLocallyPlatform)
#include "tst_runlocallyplatform.moc"
