// SPDX-License-Identifier: Apache-2.0
// Parquet schemas from the footer (ParquetFooter), on files written by a real Parquet writer
// (pyarrow in .venv), then through FileSampler as a `file_ftp` endpoint reads them.
#include "filesampler.h"
#include "parquetfooter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;

namespace {

const char *const kWriter = R"py(
import sys, datetime, decimal
import pyarrow as pa, pyarrow.parquet as pq
schema = pa.schema([
    pa.field("id", pa.int64(), nullable=False),
    pa.field("small", pa.int32()),
    pa.field("tiny", pa.int8()),
    pa.field("score", pa.float64()),
    pa.field("ratio", pa.float32()),
    pa.field("ok", pa.bool_()),
    pa.field("name", pa.string(), nullable=False),
    pa.field("raw", pa.binary()),
    pa.field("day", pa.date32()),
    pa.field("at", pa.timestamp("ms", tz="UTC")),
    pa.field("local", pa.timestamp("us")),
    pa.field("amount", pa.decimal128(10, 2)),
    pa.field("user", pa.struct([pa.field("rank", pa.int32(), nullable=False),
                                pa.field("tag", pa.string())]), nullable=False),
    pa.field("tags", pa.list_(pa.string())),
    pa.field("attrs", pa.map_(pa.string(), pa.int64())),
])
rows = [{"id": i, "small": i, "tiny": 1, "score": 0.5, "ratio": 1.5, "ok": True, "name": "n",
         "raw": b"x", "day": datetime.date(2024, 1, 1),
         "at": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
         "local": datetime.datetime(2024, 1, 1), "amount": decimal.Decimal("1.25"),
         "user": {"rank": 1, "tag": "t"}, "tags": ["a"], "attrs": [("k", 1)]} for i in range(7)]
pq.write_table(pa.Table.from_pylist(rows, schema=schema), sys.argv[1])
pq.write_table(pa.Table.from_pylist(rows, schema=schema), sys.argv[2], use_deprecated_int96_timestamps=True,
               version="1.0")
)py";

QString python()
{
    const QString venv = QStringLiteral(UIS_SOURCE_DIR "/.venv/bin/python");
    return QFile::exists(venv) ? venv : QStringLiteral("python3");
}

} // namespace

class TestParquetFooter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;
    QString m_legacy;

    QString typeOf(const ParquetSchema &s, const QString &name, bool *nullable = nullptr)
    {
        for (const InferredField &f : s.fields) {
            if (f.name == name) {
                if (nullable)
                    *nullable = f.nullable;
                return f.type;
            }
        }
        return QStringLiteral("(absent)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("data.parquet"));
        m_legacy = m_dir.filePath(QStringLiteral("legacy.parquet"));
        QProcess p;
        p.start(python(), {QStringLiteral("-c"), QString::fromUtf8(kWriter), m_file, m_legacy});
        QVERIFY(p.waitForFinished(60000));
        if (p.exitCode() != 0 && p.readAllStandardError().contains("No module named 'pyarrow'"))
            QSKIP("pyarrow is not installed (make deps)");
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void typesFromTheFooter()
    {
        QString error;
        const auto s = ParquetFooter::read(m_file, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->rows, 7);
        bool nullable = true;
        QCOMPARE(typeOf(*s, QStringLiteral("id"), &nullable), QStringLiteral("long"));
        QVERIFY(!nullable);
        QCOMPARE(typeOf(*s, QStringLiteral("small"), &nullable), QStringLiteral("int"));
        QVERIFY(nullable);
        QCOMPARE(typeOf(*s, QStringLiteral("tiny")), QStringLiteral("int"));
        QCOMPARE(typeOf(*s, QStringLiteral("score")), QStringLiteral("double"));
        QCOMPARE(typeOf(*s, QStringLiteral("ratio")), QStringLiteral("double"));
        QCOMPARE(typeOf(*s, QStringLiteral("ok")), QStringLiteral("boolean"));
        QCOMPARE(typeOf(*s, QStringLiteral("name"), &nullable), QStringLiteral("string"));
        QVERIFY(!nullable);
        QCOMPARE(typeOf(*s, QStringLiteral("raw")), QStringLiteral("string"));
        QCOMPARE(typeOf(*s, QStringLiteral("day")), QStringLiteral("date"));
        QCOMPARE(typeOf(*s, QStringLiteral("at")), QStringLiteral("timestamp"));
        QCOMPARE(typeOf(*s, QStringLiteral("local")), QStringLiteral("timestamp"));
        QCOMPARE(typeOf(*s, QStringLiteral("amount")), QStringLiteral("decimal(10,2)"));
        // A struct is flattened as the inference names nested fields; nullability inherits.
        QCOMPARE(typeOf(*s, QStringLiteral("user.rank"), &nullable), QStringLiteral("int"));
        QVERIFY(!nullable);
        QCOMPARE(typeOf(*s, QStringLiteral("user.tag"), &nullable), QStringLiteral("string"));
        QVERIFY(nullable);
        // Lists and maps are one json column each, their inner groups not listed.
        QCOMPARE(typeOf(*s, QStringLiteral("tags")), QStringLiteral("json"));
        QCOMPARE(typeOf(*s, QStringLiteral("attrs")), QStringLiteral("json"));
        QCOMPARE(s->fields.size(), 16);
        QCOMPARE(s->fields.first().name, QStringLiteral("id"));
    }

    void legacyAnnotations()
    {
        // Format 1.0 with INT96 timestamps, as older Spark jobs write them.
        QString error;
        const auto s = ParquetFooter::read(m_legacy, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(typeOf(*s, QStringLiteral("at")), QStringLiteral("timestamp"));
        QCOMPARE(typeOf(*s, QStringLiteral("name")), QStringLiteral("string"));
        QCOMPARE(typeOf(*s, QStringLiteral("amount")), QStringLiteral("decimal(10,2)"));
        QCOMPARE(typeOf(*s, QStringLiteral("tags")), QStringLiteral("json"));
    }

    void badFilesSayWhy()
    {
        QString error;
        const QString json = m_dir.filePath(QStringLiteral("not.parquet"));
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"a\": 1}\n");
        f.close();
        QVERIFY(!ParquetFooter::read(json, &error));
        QVERIFY2(error.contains(QStringLiteral("not a Parquet file")), qPrintable(error));

        // Cut in the middle of its footer: an error, never a crash or a read past the end.
        QFile whole(m_file);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QByteArray data = whole.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut.parquet"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(data.left(data.size() - 200) + data.right(8));
        c.close();
        QVERIFY(!ParquetFooter::read(cut, &error));
        // Every prefix of a real footer decodes to a schema or an error (run under ASan, no
        // read goes past the buffer).
        const quint32 len = quint8(data[data.size() - 8]) | quint8(data[data.size() - 7]) << 8;
        const QByteArray meta = data.mid(data.size() - 8 - len, len);
        for (qsizetype n = 0; n < meta.size(); n += 7) {
            QString e;
            if (!ParquetFooter::decode(meta.left(n), &e))
                QVERIFY(!e.isEmpty());
        }
        QVERIFY(ParquetFooter::decode(meta, &error));
        QVERIFY(!ParquetFooter::decode(QByteArray("\x19\xff\xff\xff\xff\x0f", 6), &error));
    }

    void fileEndpointUsesTheFooter()
    {
        Provider provider;
        provider.providerType = QStringLiteral("file_ftp");
        provider.baseUrl = QStringLiteral("file://") + m_dir.path();
        Endpoint e;
        e.name = QStringLiteral("landing");
        e.path = QStringLiteral("data.parquet");
        e.format = QStringLiteral("parquet");
        const FileSampleResult r = FileSampler::sample(provider, e);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.fileRows, 7);
        QCOMPARE(r.fileSchema.size(), 16);
        QVERIFY(r.records.isEmpty());
        QVERIFY(r.notes.join(u' ').contains(QStringLiteral("footer")));
    }
};

QTEST_GUILESS_MAIN(TestParquetFooter)
#include "tst_parquetfooter.moc"
