// SPDX-License-Identifier: Apache-2.0
// The Savepoints tab against a real dcp-local whose Flink runner is a script announcing a Flink
// REST endpoint nobody listens on: Trigger and Stop with Savepoint go through the asynchronous
// client, the list follows the IN_PROGRESS savepoints until Flink's answer (here: FAILED, the
// job keeps running), and Delete asks first, then records who deleted it.
#include "dcpclient.h"
#include "dcplocalserver.h"
#include "environmentstore.h"
#include "isolatedhome.h"
#include "jobsconnections.h"
#include "savepointsdock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;
using uis::test::DcpLocalServer;
using uis::test::waitFor;

namespace {

QMessageBox *openBox(const QString &name)
{
    QMessageBox *found = nullptr;
    waitFor(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (w->objectName() == name && w->isVisible())
                    found = qobject_cast<QMessageBox *>(w);
            }
            return found != nullptr;
        },
        10000);
    return found;
}

QString cell(QStandardItemModel *m, int row, int column)
{
    return m->item(row, column) ? m->item(row, column)->text() : QString();
}

} // namespace

class TestSavepointsDock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    DcpLocalServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateHome(m_home.path());
        qputenv("USER", "gui-tester");
        QVERIFY2(QFileInfo(DcpLocalServer::binary()).isExecutable(), "build dcp-local first");
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        const QString flink = m_server.script(
            QStringLiteral("flink"),
            QStringLiteral(
                "#!/bin/sh\necho \"uis-runner: job 0123456789abcdef0123456789abcdef rest "
                "http://127.0.0.1:%1\"\ntrap 'exit 0' TERM\nwhile true; do sleep 0.1; done\n")
                .arg(port)
                .toUtf8());
        QVERIFY2(m_server.start({QStringLiteral("--flink"), flink, QStringLiteral("--kill-grace"),
                                 QStringLiteral("2")}),
                 qPrintable(m_server.output()));
        EnvironmentStore().setLocalDataDir(m_server.dataDir());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void triggerStopAndDelete()
    {
        JobsConnections connections;
        DcpClient *client = nullptr;
        connections.withClient(QStringLiteral("local"),
                               [&](DcpClient *c, const QString &) { client = c; });
        QVERIFY(waitFor([&] { return client != nullptr; }));
        const QJsonObject job{
            {QStringLiteral("name"), QStringLiteral("clicks")},
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("engine"), QStringLiteral("flink")},
                         {QStringLiteral("job_type"), QStringLiteral("STREAMING")},
                         {QStringLiteral("flink"),
                          QJsonObject{{QStringLiteral("sql"), QStringLiteral("SELECT 1;")}}}}}};
        std::unique_ptr<DcpReply> submitted(client->submit(job));
        QVERIFY(submitted->wait(30000));
        const QString id = submitted->submitResult().jobId;
        JobStatus status;
        QVERIFY(waitFor([&] {
            std::unique_ptr<DcpReply> r(client->get(id));
            if (!r->wait(10000))
                return false;
            status = r->status();
            return status.state == JobState::Running && !status.engineJobId.isEmpty();
        }));

        SavepointsDock dock(&connections);
        QAbstractItemModelTester tester(dock.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList messages;
        connect(&dock, &SavepointsDock::message, this, [&](const QString &m) { messages << m; });
        dock.show();
        dock.showJob(QStringLiteral("local"), status);
        QVERIFY(dock.triggerAction()->isEnabled() && dock.stopAction()->isEnabled());
        QVERIFY(!dock.restoreAction()->isEnabled() && !dock.deleteAction()->isEnabled());

        // Trigger: listed IN_PROGRESS, then Flink's answer (nobody listens: FAILED, with why).
        dock.triggerAction()->trigger();
        QVERIFY2(waitFor(
                     [&] {
                         return dock.model()->rowCount() == 1 &&
                                cell(dock.model(), 0, 2) == QLatin1String("FAILED");
                     },
                     20000),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        QCOMPARE(cell(dock.model(), 0, SavepointsDock::KindColumn), QStringLiteral("savepoint"));
        QVERIFY(!dock.model()->item(0, 0)->toolTip().isEmpty());

        // Stop with Savepoint asks first; "Keep Running" does nothing.
        dock.stopAction()->trigger();
        QMessageBox *box = openBox(QStringLiteral("stopWithSavepointConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::No)->click();
        QTest::qWait(300);
        QCOMPARE(dock.model()->rowCount(), 1);
        dock.stopAction()->trigger();
        box = openBox(QStringLiteral("stopWithSavepointConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QVERIFY(waitFor(
            [&] {
                return dock.model()->rowCount() == 2 &&
                       cell(dock.model(), 1, 2) == QLatin1String("FAILED");
            },
            20000));
        std::unique_ptr<DcpReply> after(client->get(id));
        QVERIFY(after->wait(10000));
        QCOMPARE(after->status().state, JobState::Running); // the failed stop left it running

        // Delete the selected one, after a confirmation; the record says who.
        dock.view()->selectRow(0);
        QVERIFY(dock.deleteAction()->isEnabled());
        QVERIFY(!dock.restoreAction()->isEnabled()); // nothing to restore from a failed one
        dock.deleteAction()->trigger();
        box = openBox(QStringLiteral("deleteSavepointConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QVERIFY(
            waitFor([&] { return cell(dock.model(), 0, 2) == QLatin1String("DELETED"); }, 20000));
        QVERIFY2(
            dock.model()->item(0, 0)->toolTip().contains(QLatin1String("deleted by gui-tester")),
            qPrintable(dock.model()->item(0, 0)->toolTip()));

        // A confirmed upgrade restores only from a savepoint Flink has written: here nobody
        // answers, so nothing is submitted and the job keeps running.
        QSignalSpy restore(&dock, &SavepointsDock::restoreRequested);
        messages.clear();
        dock.stopAndRestore();
        QVERIFY2(waitFor(
                     [&] {
                         return messages.join(QLatin1Char('\n'))
                             .contains(QLatin1String("the job keeps running"));
                     },
                     20000),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        QCOMPARE(restore.count(), 0);
        std::unique_ptr<DcpReply> still(client->get(id));
        QVERIFY(still->wait(10000));
        QCOMPARE(still->status().state, JobState::Running);

        std::unique_ptr<DcpReply> cancel(client->cancel(id));
        QVERIFY(cancel->wait(10000));
    }
};

QTEST_MAIN(TestSavepointsDock)
#include "tst_savepointsdock.moc"
