// SPDX-License-Identifier: Apache-2.0
// FormatRules on their own, and the shared table of tests/support/formatcases.h checked against
// both FormatRules and the whole validator (tst_fieldeditor holds the form editors to it too).
#include "formatcases.h"
#include "formatrules.h"
#include "placeholder.h"
#include "specreader.h"
#include "specschema.h"
#include "validator.h"

#include <QTest>

using namespace uis;
using namespace uis::test;

namespace {

const FieldDef &fieldOf(const FormatCase &c)
{
    const ObjectDef *o = SpecSchema::instance().object(QString::fromLatin1(c.object));
    Q_ASSERT(o);
    const FieldDef *f = o->field(c.field());
    Q_ASSERT(f);
    return *f;
}

/// The value as YAML reads the text written plain, the way a person types it into a file.
SourceNode plainValue(const FieldDef &f, const QString &text)
{
    if (f.kind == FieldDef::Kind::String)
        return SourceNode::makeString(text);
    const SourceNode::ScalarType t = resolvePlainScalar(text);
    return t == SourceNode::ScalarType::Null ? SourceNode::makeString(text)
                                             : SourceNode::makeScalar(text, t);
}

QString errorsAt(const DiagnosticList &list, const QString &pointer)
{
    QStringList codes;
    for (const Diagnostic &d : list) {
        if (d.severity == Severity::Error && d.pointer == pointer)
            codes.append(d.code);
    }
    return codes.join(QLatin1Char(','));
}

} // namespace

class TestFormatRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedBaseIsValid()
    {
        const ReadResult r = SpecReader::read(kFormatBase, SpecFormat::Yaml);
        QVERIFY(r.root);
        const DiagnosticList d = Validator::validate(*r.root);
        QVERIFY2(d.isEmpty(), qPrintable(d.isEmpty() ? QString() : d.first().message));
    }

    void sharedTable_data()
    {
        QTest::addColumn<int>("index");
        const QList<FormatCase> cases = formatCases();
        QVERIFY(cases.size() >= 100);
        for (int i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(cases[i].name())) << i;
    }

    /// FormatRules and the validator give every value of the shared table its verdict.
    void sharedTable()
    {
        QFETCH(int, index);
        const FormatCase c = formatCases().at(index);
        const FieldDef &f = fieldOf(c);
        const QString text = QString::fromUtf8(c.text);
        const SourceNode value = plainValue(f, text);
        const FormatProblem p = FormatRules::scalarProblem(f, value, QStringLiteral("rest_api"));
        QCOMPARE(p.code, QString::fromLatin1(c.code));
        QCOMPARE(p.message.isEmpty(), p.code.isEmpty());

        ReadResult r = SpecReader::read(kFormatBase, SpecFormat::Yaml);
        const QString pointer = QString::fromLatin1(c.pointer);
        const QString parent = pointer.left(pointer.lastIndexOf(QLatin1Char('/')));
        SourceNode *holder = r.root->at(parent);
        QVERIFY(holder && holder->isMap());
        holder->insert(c.field(), value);
        const DiagnosticList d = Validator::validate(*r.root);
        QCOMPARE(errorsAt(d, pointer), QString::fromLatin1(c.code));
        for (const Diagnostic &diag : d) {
            if (diag.pointer == pointer)
                QCOMPARE(diag.message, p.message); // one message, wherever it is shown
        }
    }

    void names()
    {
        QVERIFY(FormatRules::isIdentifier(QStringLiteral("my_name")));
        QVERIFY(!FormatRules::isIdentifier(QStringLiteral("MyName")));
        QVERIFY(!FormatRules::isIdentifier(QString()));
        QVERIFY(FormatRules::isKebabName(QStringLiteral("ab")));
        QVERIFY(!FormatRules::isKebabName(QStringLiteral("a")));
        QCOMPARE(FormatRules::suggestSnake(QStringLiteral("MyName")), QStringLiteral("my_name"));
        QCOMPARE(FormatRules::suggestSnake(QStringLiteral("DemoApi")), QStringLiteral("demo_api"));
        QCOMPARE(FormatRules::suggestSnake(QStringLiteral("42")), QStringLiteral("my_name"));
        QCOMPARE(FormatRules::suggestKebab(QStringLiteral("Demo_Pipeline")),
                 QStringLiteral("demo-pipeline"));
        QCOMPARE(FormatRules::suggestKebab(QStringLiteral("__")), QStringLiteral("my-pipeline"));
        const FormatProblem p =
            FormatRules::formatProblem(FieldDef::Format::Identifier, QStringLiteral("MyName"));
        QCOMPARE(p.code, QStringLiteral("UIS-E-NAME-FORMAT"));
        QVERIFY2(p.message.contains(QStringLiteral("`my_name`")), qPrintable(p.message));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("duration");
        QTest::addColumn<bool>("interval");
        QTest::addColumn<double>("ms");
        auto row = [](const char *t, bool d, bool i, double ms) {
            QTest::newRow(t) << QString::fromUtf8(t) << d << i << ms;
        };
        row("5 mins", true, false, 300000);
        row("10 sec", true, false, 10000);
        row("100 millis", true, false, 100);
        row("5minutes", true, false, 300000);
        row("5 minutes", true, true, 300000);
        row("30 seconds", true, true, 30000);
        row("1 hour", true, true, 3600000);
        row("2 days", true, false, 172800000);
        row("1.5 h", true, false, 5400000);
        row("500 ms", true, false, 500);
        row(" 30 s ", true, false, 30000);
        row("1 milliseconds", true, false, 1);
        row("5 MIN", false, false, -1);
        row("5", false, false, -1);
        row("ten minutes", false, false, -1);
        row("1 week", false, false, -1);
        row("5 secs", false, false, -1);
        row("", false, false, -1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(bool, duration);
        QFETCH(bool, interval);
        QFETCH(double, ms);
        QCOMPARE(FormatRules::isDuration(text), duration);
        QCOMPARE(FormatRules::isInterval(text), interval);
        const std::optional<double> v = FormatRules::durationMs(text);
        QCOMPARE(v.has_value(), duration);
        if (v)
            QCOMPARE(*v, ms);
    }

    void memory()
    {
        for (const char *ok : {"512m", "8g", "2GB", "1t", "64kb", "4G"})
            QVERIFY2(FormatRules::isMemory(QString::fromLatin1(ok)), ok);
        for (const char *bad : {"4 gigs", "8", "g", "8 g", "1.5g", "8gib", "-1g"})
            QVERIFY2(!FormatRules::isMemory(QString::fromLatin1(bad)), bad);
    }

    void cron()
    {
        QCOMPARE(FormatRules::cronProblem(QStringLiteral("*/15 0-6,22 * JAN-MAR MON-FRI")),
                 QString());
        QVERIFY(FormatRules::cronProblem(QStringLiteral("0 * * *")).contains(u"5 fields"));
        QVERIFY(FormatRules::cronProblem(QStringLiteral("61 * * * *")).contains(u"minute"));
        QVERIFY(FormatRules::cronProblem(QStringLiteral("0 25 * * *")).contains(u"hour"));
        QVERIFY(FormatRules::cronProblem(QStringLiteral("0 0 0 * *")).contains(u"day-of-month"));
        QCOMPARE(FormatRules::cronProblem(QStringLiteral("0 0 * * sun")), QString());
    }

    void urls()
    {
        const QStringList http{QStringLiteral("http"), QStringLiteral("https")};
        QVERIFY(FormatRules::urlProblem(QStringLiteral("https://x.io/in"), http, {}).isEmpty());
        QCOMPARE(FormatRules::urlProblem(QStringLiteral("ws://x.io"), http, {}).code,
                 QStringLiteral("UIS-E-URL-SCHEME"));
        QCOMPARE(FormatRules::urlProblem(QStringLiteral("x.io"), http, {}).code,
                 QStringLiteral("UIS-E-URL"));
        QVERIFY(FormatRules::urlProblem(QStringLiteral("file:///data/in"), {}, {}).isEmpty());
        QCOMPARE(FormatRules::urlSchemesFor(QStringLiteral("websocket")),
                 (QStringList{QStringLiteral("ws"), QStringLiteral("wss")}));
        QVERIFY(FormatRules::urlSchemesFor(QStringLiteral("kafka")).isEmpty());
        const FormatProblem p = FormatRules::formatProblem(
            FieldDef::Format::Url, QStringLiteral("https://x.io"), QStringLiteral("websocket"));
        QCOMPARE(p.code, QStringLiteral("UIS-E-URL-SCHEME"));
        QVERIFY2(p.message.contains(u"`wss`"), qPrintable(p.message));
    }

    void otherFormats()
    {
        using F = FieldDef::Format;
        QVERIFY(
            FormatRules::formatProblem(F::SchemaType, QStringLiteral("decimal(10, 2)")).isEmpty());
        const FormatProblem integer =
            FormatRules::formatProblem(F::SchemaType, QStringLiteral("integer"));
        QCOMPARE(integer.code, QStringLiteral("UIS-E-ENUM"));
        QVERIFY2(integer.message.contains(u"`int`"), qPrintable(integer.message));
        QVERIFY(FormatRules::formatProblem(F::None, QStringLiteral("anything")).isEmpty());
        QCOMPARE(FormatRules::jsonPathProblem(QStringLiteral("$.data[?(@.a > 1)]")), QString());
        QVERIFY(FormatRules::isTableName(QStringLiteral("a.b")));
        QVERIFY(!FormatRules::isTableName(QStringLiteral("a.")));
    }

    void scalarTypesAndEnums()
    {
        const ObjectDef *provider = SpecSchema::instance().object(u"provider");
        const FieldDef &mode = *provider->field(u"mode");
        QVERIFY(FormatRules::scalarProblem(mode, SourceNode::makeString(QStringLiteral("batch")))
                    .isEmpty());
        const FormatProblem typo =
            FormatRules::scalarProblem(mode, SourceNode::makeString(QStringLiteral("microbatch")));
        QCOMPARE(typo.code, QStringLiteral("UIS-E-ENUM"));
        QVERIFY2(typo.message.contains(u"did you mean `micro_batch`"), qPrintable(typo.message));
        const FormatProblem far =
            FormatRules::scalarProblem(mode, SourceNode::makeString(QStringLiteral("zzzzzzzz")));
        QVERIFY2(far.message.contains(u"expected one of `batch`"), qPrintable(far.message));
        const FieldDef &version = *SpecSchema::instance().object(u"spec")->field(u"version");
        QCOMPARE(
            FormatRules::scalarProblem(version, SourceNode::makeString(QStringLiteral("2.0"))).code,
            QStringLiteral("UIS-E-VERSION"));
        const FormatProblem number =
            FormatRules::scalarProblem(version, SourceNode::makeFloat(1.1));
        QCOMPARE(number.code, QStringLiteral("UIS-E-TYPE"));
        QVERIFY2(number.message.contains(u"put it in quotes"), qPrintable(number.message));
        const FieldDef &nullable =
            *SpecSchema::instance().object(u"schema_field")->field(u"nullable");
        QCOMPARE(
            FormatRules::scalarProblem(nullable, SourceNode::makeString(QStringLiteral("no"))).code,
            QStringLiteral("UIS-E-TYPE"));
        QVERIFY(FormatRules::scalarProblem(nullable, SourceNode::makeBool(false)).isEmpty());
        const FieldDef &parallelism = *provider->field(u"parallelism");
        const FormatProblem range = FormatRules::scalarProblem(parallelism, SourceNode::makeInt(0));
        QCOMPARE(range.code, QStringLiteral("UIS-E-RANGE"));
        QVERIFY2(range.message.contains(u"between 1 and 10000"), qPrintable(range.message));
    }

    void configValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        auto row = [](const char *k, const char *v, const char *code) {
            QTest::newRow(
                qPrintable(QStringLiteral("%1=%2").arg(QLatin1String(k), QLatin1String(v))))
                << QString::fromLatin1(k) << QString::fromLatin1(v) << QString::fromLatin1(code);
        };
        row("executor_memory", "8g", "");
        row("driver_memory", "2gb", "");
        row("taskmanager_memory", "4 gigs", "UIS-E-MEMORY");
        row("executor_cores", "4", "");
        row("executor_cores", "0", "UIS-E-RANGE");
        row("task_slots", "two", "UIS-E-RANGE");
        row("checkpoint_interval", "60 s", "");
        row("checkpoint_interval", "5 mins", "");
        row("checkpoint_interval", "soon", "UIS-E-DURATION");
        row("state_backend", "rocksdb", "");
        row("state_backend", "rockdb", "UIS-E-ENUM");
        row("s3_endpoint", "http://minio:9000", "");
        row("s3_endpoint", "{{env.S3}}", "");
        row("s3_endpoint", "s3://bucket", "UIS-E-URL-SCHEME");
        row("spark_version", "3.5.1", "");
        row("spark_version", "2.4", "UIS-E-ENUM");
        row("flink_version", "1.20", "");
        row("flink_version", "1.17", "UIS-E-ENUM");
        row("namespace", "anything", "");
    }
    void configValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QCOMPARE(FormatRules::configValueProblem(key, value).code, code);
    }

    /// The secret-to-variable rule that the Python runners copy (see placeholder.h).
    void secretVariables_data()
    {
        QTest::addColumn<QString>("placeholder");
        QTest::addColumn<QString>("variable");
        auto row = [](const char *p, const char *v) {
            QTest::newRow(p) << QString::fromUtf8(p) << QString::fromUtf8(v);
        };
        row("{{secret.reg:token}}", "UIS_SECRET_REG_TOKEN");
        row("{{secret.prod-db:api.key}}", "UIS_SECRET_PROD_DB_API_KEY");
        row("{{secret.team/a:b__c}}", "UIS_SECRET_TEAM_A_B__C");
        row("{{ secret.S3:Key-1 }}", "UIS_SECRET_S3_KEY_1");
        row("{{env.My_Var}}", "My_Var");
        row("{{api_key}}", "API_KEY");
        row("{{db.host-name}}", "DB.HOST-NAME");
    }
    void secretVariables()
    {
        QFETCH(QString, placeholder);
        QFETCH(QString, variable);
        const QList<Placeholder> found = PlaceholderScanner::scan(placeholder);
        QCOMPARE(found.size(), 1);
        QCOMPARE(PlaceholderResolver::variableFor(found.first()), variable);
        // Characters the scanner would refuse still map one code point to one `_`.
        QCOMPARE(PlaceholderResolver::secretVariable(u"a\U0001F600b", u"k:é"),
                 QStringLiteral("UIS_SECRET_A_B_K__"));
    }
};

QTEST_GUILESS_MAIN(TestFormatRules)
#include "tst_formatrules.moc"
