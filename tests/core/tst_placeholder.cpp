// SPDX-License-Identifier: Apache-2.0
#include "placeholder.h"
#include "specreader.h"

#include <QTest>

using namespace uis;

class TestPlaceholder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scansAllKinds()
    {
        QList<PlaceholderError> errors;
        const auto found = PlaceholderScanner::scan(
            u"Bearer {{api_key}} {{ env.HOME_DIR }} {{secret.db-scope:pg/password}}", &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(found.size(), 3);
        QCOMPARE(found[0].kind, Placeholder::Kind::Name);
        QCOMPARE(found[0].name, QStringLiteral("api_key"));
        QCOMPARE(found[0].offset, 7);
        QCOMPARE(found[1].kind, Placeholder::Kind::Env);
        QCOMPARE(found[1].name, QStringLiteral("HOME_DIR"));
        QCOMPARE(found[2].kind, Placeholder::Kind::Secret);
        QCOMPARE(found[2].scope, QStringLiteral("db-scope"));
        QCOMPARE(found[2].key, QStringLiteral("pg/password"));
        QCOMPARE(found[2].id(), QStringLiteral("secret.db-scope:pg/password"));
    }

    void reportsMalformed()
    {
        QList<PlaceholderError> errors;
        PlaceholderScanner::scan(u"{{secret.nokey}} {{}} {{env.}} {{open", &errors);
        QCOMPARE(errors.size(), 4);
        QVERIFY(!PlaceholderScanner::contains(u"no {{ placeholders"));
        QVERIFY(PlaceholderScanner::contains(u"a {{b}}"));
    }

    void scansTreesWithPointers()
    {
        const ReadResult r = SpecReader::read("a:\n  h: {X: \"{{t}}\"}\n  l: [\"{{env.E}}\", \"{{t}}\"]\n", SpecFormat::Yaml);
        const auto all = PlaceholderScanner::scanTree(*r.root);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].pointer, QStringLiteral("/a/h/X"));
        QCOMPARE(all[1].pointer, QStringLiteral("/a/l/0"));
        QCOMPARE(PlaceholderScanner::unique(all).size(), 2);
    }

    void resolves()
    {
        QStringList missing;
        const QString out = PlaceholderResolver::resolve(
            u"Bearer {{api_key}} / {{secret.s:k}}",
            [](const Placeholder &p) -> std::optional<QString> {
                if (p.name == QLatin1String("api_key"))
                    return QStringLiteral("XYZ");
                return std::nullopt;
            },
            &missing);
        QCOMPARE(out, QStringLiteral("Bearer XYZ / {{secret.s:k}}"));
        QCOMPARE(missing, QStringList{QStringLiteral("secret.s:k")});
        QCOMPARE(PlaceholderResolver::mask(u"Bearer {{api_key}}"), QStringLiteral("Bearer ****"));
    }

    void resolvesFromEnvironment()
    {
        qputenv("UIS_TEST_TOKEN", "t0k");
        qputenv("UIS_SECRET_REG_TOKEN", "s3c");
        qputenv("API_KEY", "k3y");
        const auto env = PlaceholderScanner::scan(u"{{env.UIS_TEST_TOKEN}}{{secret.reg:token}}{{api_key}}{{env.UIS_UNSET_X}}");
        QCOMPARE(PlaceholderResolver::fromEnvironment(env[0]), std::optional<QString>(QStringLiteral("t0k")));
        QCOMPARE(PlaceholderResolver::fromEnvironment(env[1]), std::optional<QString>(QStringLiteral("s3c")));
        QCOMPARE(PlaceholderResolver::fromEnvironment(env[2]), std::optional<QString>(QStringLiteral("k3y")));
        QVERIFY(!PlaceholderResolver::fromEnvironment(env[3]));
    }

    void resolvesTrees()
    {
        const ReadResult r = SpecReader::read("h: {A: \"x {{n}}\"}\nk: 5\n", SpecFormat::Yaml);
        const SourceNode out = PlaceholderResolver::resolveTree(
            *r.root, [](const Placeholder &) { return std::optional<QString>(QStringLiteral("v")); });
        QCOMPARE(out.at(u"/h/A")->text(), QStringLiteral("x v"));
        QCOMPARE(*out.at(u"/k")->toInt(), 5);
        QCOMPARE(r.root->at(u"/h/A")->text(), QStringLiteral("x {{n}}")); // input untouched
    }
};

QTEST_GUILESS_MAIN(TestPlaceholder)
#include "tst_placeholder.moc"
