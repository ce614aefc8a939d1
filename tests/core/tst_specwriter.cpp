// SPDX-License-Identifier: Apache-2.0
#include "specbuilder.h"
#include "specloader.h"
#include "specwriter.h"

#include <QDir>
#include <QTest>

using namespace uis;

class TestSpecWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(UIS_SOURCE_DIR "/resources/templates"));
        for (const QString &f : dir.entryList({QStringLiteral("*.uis.yaml")}, QDir::Files))
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void roundTrip()
    {
        QFETCH(QString, path);
        const LoadedSpec original = SpecLoader::loadFile(path);
        QVERIFY(original.valid());

        // model → YAML → model, and model → JSON → model, give the same model.
        const SourceNode tree = SpecWriter::toTree(original.spec);
        for (const bool json : {false, true}) {
            const QByteArray text = json ? SpecWriter::toJson(tree) : SpecWriter::toYaml(tree);
            const LoadedSpec again = SpecLoader::load(text, json ? SpecFormat::Json : SpecFormat::Yaml);
            QVERIFY2(again.valid(), text.constData());
            QVERIFY2(again.spec == original.spec, text.constData());
            // Writing is deterministic: the same model gives the same bytes.
            const QByteArray second = json ? SpecWriter::toJson(SpecWriter::toTree(again.spec))
                                           : SpecWriter::toYaml(SpecWriter::toTree(again.spec));
            QCOMPARE(second, text);
        }
        // The tree written directly (fmt/convert path) reads back to an equal tree.
        const QByteArray normalized = SpecWriter::toYaml(SpecWriter::normalize(*original.tree));
        const LoadedSpec fmt = SpecLoader::load(normalized);
        QVERIFY(fmt.valid());
        QVERIFY(*fmt.tree == SpecWriter::normalize(*original.tree));
    }

    void keyOrderIsCanonical()
    {
        const QByteArray messy = "provider:\n  sinks: [{type: console}]\n  endpoints: [{name: e, topic: t}]\n"
                                 "  mode: micro_batch\n  config: {kafka_bootstrap_servers: \"k:1\"}\n"
                                 "  provider_type: kafka\n  name: p\n"
                                 "name: order-test\nversion: \"1.1\"\n";
        const LoadedSpec l = SpecLoader::load(messy);
        QVERIFY(l.valid());
        const QByteArray out = SpecWriter::toYaml(SpecWriter::normalize(*l.tree));
        QVERIFY(out.startsWith("version: \"1.1\"\nname: order-test\nprovider:\n  name: p\n  provider_type: kafka\n"));
        QVERIFY(out.indexOf("endpoints") < out.indexOf("sinks"));
    }

    void normalizeKeepsUnknownKeys()
    {
        const QByteArray y = "version: \"1.1\"\nx-team-note: keep me\nname: keep-test\n";
        const LoadedSpec l = SpecLoader::load(y);
        const SourceNode n = SpecWriter::normalize(*l.tree);
        QVERIFY(n.find(u"x-team-note"));
        QCOMPARE(n.children().back().key(), QStringLiteral("x-team-note"));
    }

    void stringsThatLookLikeOtherTypesStayStrings()
    {
        SourceNode m = SourceNode::makeMap();
        m.insert(QStringLiteral("a"), SourceNode::makeString(QStringLiteral("1000")));
        m.insert(QStringLiteral("b"), SourceNode::makeString(QStringLiteral("true")));
        m.insert(QStringLiteral("c"), SourceNode::makeString(QString()));
        m.insert(QStringLiteral("d"), SourceNode::makeString(QStringLiteral("SELECT a,\n  b\nFROM t")));
        m.insert(QStringLiteral("d2"), SourceNode::makeString(QStringLiteral("SELECT 1\nFROM t\n")));
        m.insert(QStringLiteral("e"), SourceNode::makeString(QStringLiteral("it's \"quoted\" # not a comment: ünïcode")));
        m.insert(QStringLiteral("f"), SourceNode::makeInt(7));
        m.insert(QStringLiteral("g"), SourceNode::makeBool(false));
        const QByteArray y = SpecWriter::toYaml(m);
        const LoadedSpec back = SpecLoader::load(y, SpecFormat::Yaml);
        QVERIFY2(back.tree && *back.tree == m, y.constData());
        const LoadedSpec backJson = SpecLoader::load(SpecWriter::toJson(m), SpecFormat::Json);
        QVERIFY(backJson.tree && *backJson.tree == m);
    }
};

QTEST_GUILESS_MAIN(TestSpecWriter)
#include "tst_specwriter.moc"
