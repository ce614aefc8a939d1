// SPDX-License-Identifier: Apache-2.0
// The Sample view on sources that say more than the record's value, against real servers on
// loopback (tests/views/sample_sources.py): a Kafka topic, whose messages' partition, offset,
// timestamp, key and headers show beside each record (table columns and a node of the tree)
// while mapping, Apply as Schema and Keep as Test Case take the value only; and a CDC endpoint
// of two PostgreSQL tables, each row with its table, one schema for the endpoint (the tables'
// merged) and each table's own on the Schema tab. Skips a source that cannot run here.
#include "isolatedhome.h"
#include "jsontreemodel.h"
#include "pipelinedocument.h"
#include "pipelinetests.h"
#include "recordstablemodel.h"
#include "sampledock.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using namespace uis;

namespace {

/// A server of sample_sources.py: where it is, and stopped with this object.
class SourceServer
{
public:
    ~SourceServer()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel(); // the script stops its server and exits
        if (!m_process.waitForFinished(60000))
            m_process.kill();
    }
    /// Starts `kind`; false with `skip` set when the server cannot run here, else `error`.
    bool start(const QString &kind, const QString &dir, QString *skip, QString *error)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(
            QStringLiteral(UIS_SOURCE_DIR "/.venv/bin/python"),
            {QStringLiteral(UIS_SOURCE_DIR "/tests/views/sample_sources.py"), kind, dir});
        QByteArray line;
        QElapsedTimer clock;
        clock.start();
        while (!line.endsWith('\n') && clock.elapsed() < 240000) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(500);
            line += m_process.readAllStandardOutput();
        }
        if (!line.endsWith('\n')) {
            m_process.waitForFinished(5000);
            const QString why = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
            if (m_process.state() == QProcess::NotRunning && m_process.exitCode() == 77)
                *skip = why;
            else
                *error = QStringLiteral("%1 did not start: %2").arg(kind, why);
            return false;
        }
        m_info = QJsonDocument::fromJson(line).object();
        return true;
    }
    QJsonObject info() const { return m_info; }

private:
    QProcess m_process;
    QJsonObject m_info;
};

QString writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text.toUtf8());
    return path;
}

int columnOf(const QAbstractItemModel *m, const QString &name)
{
    for (int c = 0; c < m->columnCount(); ++c) {
        if (m->headerData(c, Qt::Horizontal).toString() == name)
            return c;
    }
    return -1;
}

QString cell(const QAbstractItemModel *m, int row, const QString &column)
{
    return m->index(row, columnOf(m, column)).data().toString();
}

} // namespace

class TestSampleSources : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateHome(m_dir.filePath(QStringLiteral("home")));
    }

    void kafkaMetadataBesideTheValue()
    {
        SourceServer kafka;
        QString skip, error;
        if (!kafka.start(QStringLiteral("kafka"), m_dir.filePath(QStringLiteral("kafka")), &skip,
                         &error)) {
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QFAIL(qPrintable(error));
        }
        const QString path =
            writeFile(m_dir.filePath(QStringLiteral("clicks.uis.yaml")),
                      QStringLiteral("version: \"1.1\"\nname: clicks\nprovider:\n  name: events\n"
                                     "  provider_type: kafka\n  mode: streaming\n"
                                     "  config: { kafka_bootstrap_servers: \"%1\" }\n"
                                     "  endpoints:\n    - name: clicks\n      topic: clicks\n"
                                     "      format: json\n"
                                     "  sinks:\n    - name: out\n      type: console\n")
                          .arg(kafka.info().value(QStringLiteral("bootstrap")).toString()));
        PipelineDocument doc;
        QVERIFY(doc.open(path));
        const QString original = doc.text();
        SampleDock dock(&doc, nullptr);
        dock.resize(1100, 600);
        dock.show();
        QAbstractItemModelTester tableTester(dock.recordsView()->model());
        QAbstractItemModelTester treeTester(dock.treeModel());
        dock.sample();
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isRunning(), 60000);
        QVERIFY2(dock.hasSample(), qPrintable(dock.statusLabel()->text()));
        QCOMPARE(dock.sampleResult().records.size(), 5);

        // The table: the message's metadata first, set apart, then the value's fields.
        auto *records = qobject_cast<RecordsTableModel *>(dock.recordsView()->model());
        QVERIFY(records);
        QCOMPARE(records->metadataColumns(),
                 QStringList({QStringLiteral("partition"), QStringLiteral("offset"),
                              QStringLiteral("timestamp"), QStringLiteral("key"),
                              QStringLiteral("headers")}));
        QCOMPARE(records->columns(), QStringList({QStringLiteral("id"), QStringLiteral("page")}));
        QVERIFY(records->headerData(0, Qt::Horizontal, Qt::FontRole).value<QFont>().italic());
        QVERIFY(!records->headerData(5, Qt::Horizontal, Qt::FontRole).value<QFont>().italic());
        int withHeaders = 0;
        for (int row = 0; row < records->rowCount(); ++row) {
            // Each message's metadata on its own record's row: key uN goes with id N.
            const QString id = cell(records, row, QStringLiteral("id"));
            QCOMPARE(cell(records, row, QStringLiteral("key")), QStringLiteral("u") + id);
            QCOMPARE(cell(records, row, QStringLiteral("page")), QStringLiteral("/p") + id);
            QCOMPARE(cell(records, row, QStringLiteral("partition")),
                     id.toInt() <= 3 ? QStringLiteral("0") : QStringLiteral("1"));
            QCOMPARE(cell(records, row, QStringLiteral("timestamp")),
                     QStringLiteral("2026-01-01T00:00:0%1.000Z").arg(id));
            if (cell(records, row, QStringLiteral("headers")) ==
                QLatin1String(R"({"source":"web"})"))
                ++withHeaders;
        }
        QCOMPARE(withHeaders, 3);

        // The tree: the value's fields, then the message's node, which maps nothing.
        int row = -1;
        for (int r = 0; r < records->rowCount() && row < 0; ++r)
            row = cell(records, r, QStringLiteral("key")) == QLatin1String("u2") ? r : -1;
        QVERIFY(row >= 0);
        dock.recordsView()->selectRow(row);
        JsonTreeModel *tree = dock.treeModel();
        QCOMPARE(tree->rowCount(), 3); // id, page, the message
        const QModelIndex meta = tree->index(2, JsonTreeModel::ColKey);
        QVERIFY(tree->isMetadata(meta));
        QCOMPARE(meta.data().toString(), QStringLiteral("(Kafka message)"));
        QVERIFY(tree->path(meta).isEmpty());
        QModelIndex key;
        for (int r = 0; r < tree->rowCount(meta); ++r) {
            const QModelIndex i = tree->index(r, JsonTreeModel::ColKey, meta);
            if (i.data().toString() == QLatin1String("key"))
                key = i;
        }
        QVERIFY(key.isValid());
        QCOMPARE(tree->index(key.row(), JsonTreeModel::ColValue, meta).data().toString(),
                 QStringLiteral("u2"));
        QCOMPARE(dock.actionFor(key).kind, MapAction::None);
        QString why;
        QVERIFY(!dock.map(key, {}, &why));
        QVERIFY2(why.contains(QStringLiteral("not part of its value")), qPrintable(why));

        // A field of the value maps as on any source.
        const QModelIndex page = tree->indexFor({{QStringLiteral("page"), -1}});
        QVERIFY(page.isValid() && !tree->isMetadata(page));
        QVERIFY2(dock.map(page, QStringLiteral("page_path"), &why), qPrintable(why));
        QCOMPARE(
            mapValue(doc.spec().provider.endpoints.first().fieldMapping, QStringLiteral("page")),
            QStringLiteral("page_path"));

        // Apply as Schema and Keep as Test Case take the value only.
        QVERIFY2(dock.applySchema(&why), qPrintable(why));
        QStringList names;
        for (const SchemaField &f : doc.spec().provider.endpoints.first().schema)
            names << f.name;
        QCOMPARE(names, QStringList({QStringLiteral("id"), QStringLiteral("page_path")}));
        QVERIFY2(dock.keepAsTestCase(&why), qPrintable(why));
        const QString testsPath = PipelineTests::pathForSpec(path);
        const PipelineTests tests = PipelineTests::readFile(testsPath);
        QVERIFY(!hasErrors(tests.diagnostics));
        QCOMPARE(tests.cases.first().inputs.first().rows.size(), 5);
        QFile tf(testsPath);
        QVERIFY(tf.open(QIODevice::ReadOnly));
        const QByteArray testsText = tf.readAll();
        for (const char *notValue : {"partition", "offset", "headers", "u1", "2026-01-01"})
            QVERIFY2(!testsText.contains(notValue), notValue);
        QVERIFY(testsText.contains("/p1"));
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(doc.text(), original);
    }

    void cdcOfTwoTables()
    {
        SourceServer pg;
        QString skip, error;
        if (!pg.start(QStringLiteral("postgres"), m_dir.filePath(QStringLiteral("pg")), &skip,
                      &error)) {
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QFAIL(qPrintable(error));
        }
        qputenv("UIS_VIEW_PG_PW", pg.info().value(QStringLiteral("password")).toString().toUtf8());
        const QString path = writeFile(
            m_dir.filePath(QStringLiteral("cdc.uis.yaml")),
            QStringLiteral("version: \"1.1\"\nname: cdc\nprovider:\n  name: db\n"
                           "  provider_type: database\n  mode: streaming\n"
                           "  endpoints:\n    - name: activity\n      connector: postgres-cdc\n"
                           "      hostname: 127.0.0.1\n      port: %1\n"
                           "      database_name: shop\n      tables: [visits, orders]\n"
                           "      username: postgres\n"
                           "      password: \"{{env.UIS_VIEW_PG_PW}}\"\n"
                           "      slot_name: uis_slot\n"
                           "  sinks:\n    - name: out\n      type: console\n")
                .arg(pg.info().value(QStringLiteral("port")).toInt()));
        PipelineDocument doc;
        QVERIFY(doc.open(path));
        SampleDock dock(&doc, nullptr);
        dock.resize(1100, 600);
        dock.show();
        dock.sample();
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isRunning(), 60000);
        QVERIFY2(dock.hasSample(), qPrintable(dock.statusLabel()->text()));

        // Every table's rows, each with its table.
        const QAbstractItemModel *records = dock.recordsView()->model();
        QCOMPARE(records->rowCount(), 5);
        QCOMPARE(records->headerData(0, Qt::Horizontal).toString(), QStringLiteral("table"));
        QStringList seen;
        for (int r = 0; r < records->rowCount(); ++r)
            seen << cell(records, r, QStringLiteral("table")) + QLatin1Char(':') +
                        cell(records, r, QStringLiteral("id"));
        QCOMPARE(seen, QStringList(
                           {QStringLiteral("public.visits:1"), QStringLiteral("public.visits:2"),
                            QStringLiteral("public.orders:10"), QStringLiteral("public.orders:11"),
                            QStringLiteral("public.orders:12")}));
        dock.recordsView()->selectRow(3);
        const QModelIndex source =
            dock.treeModel()->index(dock.treeModel()->rowCount() - 1, JsonTreeModel::ColKey);
        QVERIFY(dock.treeModel()->isMetadata(source));
        QCOMPARE(source.data().toString(), QStringLiteral("(source table)"));

        // One schema for the endpoint, the tables' merged; each table's own on the Schema tab.
        QComboBox *of = dock.schemaOfBox();
        QVERIFY(!of->isHidden());
        QCOMPARE(of->count(), 3);
        QCOMPARE(of->itemText(2), QStringLiteral("public.orders"));
        const auto shown = [&dock] {
            QStringList rows;
            const QTableWidget *t = dock.schemaTable();
            for (int r = 0; r < t->rowCount(); ++r)
                rows << t->item(r, 0)->text() + QLatin1Char(' ') + t->item(r, 1)->text() +
                            QLatin1Char(' ') + t->item(r, 2)->text();
            return rows;
        };
        QCOMPARE(shown(),
                 QStringList({QStringLiteral("id long no"), QStringLiteral("page string yes"),
                              QStringLiteral("amount decimal(8,2) yes")}));
        of->setCurrentIndex(1);
        QCOMPARE(shown(),
                 QStringList({QStringLiteral("id int no"), QStringLiteral("page string no")}));
        of->setCurrentIndex(0);
        QString why;
        QVERIFY2(dock.applySchema(&why), qPrintable(why));
        QStringList declared;
        for (const SchemaField &f : doc.spec().provider.endpoints.first().schema)
            declared << f.name + QLatin1Char(' ') + f.type;
        QCOMPARE(declared, QStringList({QStringLiteral("id long"), QStringLiteral("page string"),
                                        QStringLiteral("amount decimal(8,2)")}));
        for (const Diagnostic &d : dock.drift())
            QVERIFY2(d.severity != Severity::Error, qPrintable(d.message));
    }
};

QTEST_MAIN(TestSampleSources)
#include "tst_samplesources.moc"
