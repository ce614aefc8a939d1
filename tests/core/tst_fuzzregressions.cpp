// SPDX-License-Identifier: Apache-2.0
// Inputs the fuzzer (or a person) found hostile: each must end in diagnostics, never a crash.
#include "specloader.h"
#include "specwriter.h"

#include <QDir>
#include <QTest>

using namespace uis;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputs_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(UIS_SOURCE_DIR "/tests/data/fuzz-regressions"));
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void inputs()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const SpecFormat fmt : {SpecFormat::Yaml, SpecFormat::Json}) {
            const LoadedSpec l = SpecLoader::load(bytes, fmt);
            if (!l.tree) {
                QVERIFY(hasErrors(l.diagnostics));
                for (const Diagnostic &d : l.diagnostics)
                    QVERIFY(d.line >= 1);
                continue;
            }
            const SourceNode n = SpecWriter::normalize(*l.tree);
            QVERIFY(SpecLoader::load(SpecWriter::toYaml(n), SpecFormat::Yaml).tree.has_value());
            QVERIFY(SpecLoader::load(SpecWriter::toJson(n), SpecFormat::Json).tree.has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
