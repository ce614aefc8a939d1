// SPDX-License-Identifier: Apache-2.0
// Quoting: specs whose names, SQL and values hold quotes, backticks, spaces, newlines, `$` and
// non-ASCII text. The shell lines are re-read by a real POSIX shell and must give back the exact
// argv; the Flink SQL is tokenized and every identifier and literal must unescape to the value
// the spec holds.
#include "compilertest.h"

#include "flink/flinkcompiler.h"
#include "flink/flinksqlwriter.h"
#include "pipelinecompiler.h"
#include "shellquote.h"
#include "spark/sparkcompiler.h"

#include <QProcess>

using namespace uis;
using namespace uis::test;

namespace {

/// Runs `line` with its first word replaced by printf, so the shell prints each argument it
/// parsed, NUL-terminated. Returns the argv the shell saw (without the program name).
QStringList shellArgv(const QString &line, QString *error)
{
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    const QString rest = space < 0 ? QString() : line.mid(space + 1);
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"),
             {QStringLiteral("-c"), QStringLiteral("printf '%s\\0' ") + rest});
    if (!sh.waitForFinished(10000)) {
        *error = QStringLiteral("sh did not finish");
        return {};
    }
    if (sh.exitCode() != 0) {
        *error = QString::fromUtf8(sh.readAllStandardError());
        return {};
    }
    QByteArray out = sh.readAllStandardOutput();
    QStringList args;
    for (const QByteArray &a : out.split('\0'))
        args.append(QString::fromUtf8(a));
    if (!args.isEmpty())
        args.removeLast(); // after the last NUL
    return args;
}

struct SqlToken
{
    enum Kind { Identifier, Literal, Comment, Semicolon, Other } kind;
    QString text; ///< unescaped content for identifiers and literals
};

/// A tokenizer for the parts of Flink SQL that matter to quoting. Fails on an unterminated
/// quote or a bad escape.
QList<SqlToken> tokenize(const QString &sql, QString *error)
{
    QList<SqlToken> out;
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
            out.append({SqlToken::Comment, sql.mid(i, (end < 0 ? n : end) - i)});
            i = end < 0 ? n : end;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            QString text;
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                if (sql.at(j) == c) {
                    if (j + 1 < n && sql.at(j + 1) == c) {
                        text += c;
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                text += sql.at(j++);
            }
            if (!closed) {
                *error = QStringLiteral("unterminated %1 at offset %2").arg(c).arg(i);
                return {};
            }
            out.append({c == QLatin1Char('`') ? SqlToken::Identifier : SqlToken::Literal, text});
            i = j + 1;
            continue;
        }
        if (c == QLatin1Char(';')) {
            out.append({SqlToken::Semicolon, QStringLiteral(";")});
            ++i;
            continue;
        }
        if (c == QLatin1Char('"')) {
            *error = QStringLiteral("a double quote outside quotes at offset %1").arg(i);
            return {};
        }
        ++i;
    }
    return out;
}

QStringList tokens(const QList<SqlToken> &all, SqlToken::Kind kind)
{
    QStringList out;
    for (const SqlToken &t : all) {
        if (t.kind == kind)
            out.append(t.text);
    }
    return out;
}

/// The value of `'key' = 'value'` pairs in order, for one key.
QStringList optionValues(const QList<SqlToken> &all, const QString &key)
{
    QStringList out;
    for (int k = 0; k + 1 < all.size(); ++k) {
        if (all.at(k).kind == SqlToken::Literal && all.at(k).text == key &&
            all.at(k + 1).kind == SqlToken::Literal)
            out.append(all.at(k + 1).text);
    }
    return out;
}

} // namespace

class TestQuoting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellQuoteRules()
    {
        QCOMPARE(ShellQuote::quote(QString()), QStringLiteral("''"));
        QCOMPARE(ShellQuote::quote(QStringLiteral("plain-word_1.2:/x=y,z@h%")),
                 QStringLiteral("plain-word_1.2:/x=y,z@h%"));
        QCOMPARE(ShellQuote::quote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(ShellQuote::quote(QStringLiteral("local[*]")), QStringLiteral("'local[*]'"));
        QCOMPARE(ShellQuote::quote(QStringLiteral("~root")), QStringLiteral("'~root'"));
        QCOMPARE(ShellQuote::quote(QStringLiteral("ünï")), QStringLiteral("'ünï'"));
        QCOMPARE(ShellQuote::join({QStringLiteral("a"), QStringLiteral("b c")}),
                 QStringLiteral("a 'b c'"));
    }

    void shellRoundTrip_data()
    {
        QTest::addColumn<QString>("arg");
        QTest::newRow("space") << QStringLiteral("a b");
        QTest::newRow("single quote") << QStringLiteral("it's");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"");
        QTest::newRow("backticks") << QStringLiteral("`id`");
        QTest::newRow("dollar") << QStringLiteral("$HOME $(id) ${x}");
        QTest::newRow("newline") << QStringLiteral("line one\nline two");
        QTest::newRow("tab") << QStringLiteral("a\tb");
        QTest::newRow("glob") << QStringLiteral("*.csv ?[a]");
        QTest::newRow("backslash") << QStringLiteral("a\\b\\'c");
        QTest::newRow("unicode") << QStringLiteral("naïve ✓ 日本");
        QTest::newRow("operators") << QStringLiteral("a;b&&c|d>e<f");
        QTest::newRow("empty") << QString();
        QTest::newRow("only quotes") << QStringLiteral("''''");
        QTest::newRow("comment") << QStringLiteral("#not a comment");
    }

    void shellRoundTrip()
    {
        QFETCH(QString, arg);
        const QStringList argv{QStringLiteral("prog"), arg, QStringLiteral("--flag"), arg + arg};
        QString error;
        const QStringList back = shellArgv(ShellQuote::join(argv), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back, argv.mid(1));
    }

    /// The spark-submit line of a spec full of hostile values re-parses to the exact argv, on
    /// Kubernetes and locally.
    void sparkSubmitLineReparses()
    {
        const LoadedSpec loaded = SpecLoader::loadFile(
            sourcePath(QStringLiteral("tests/compilers/data/hostile-spark.uis.yaml")));
        QVERIFY2(loaded.valid(), qPrintable(diagnosticsText(loaded.diagnostics)));
        for (const QString &master : {QString(), QStringLiteral("local[*]")}) {
            CompileOptions o;
            o.master = master;
            o.jobConfigPath = QStringLiteral("/tmp/it's a dir/job.json");
            const CompileResult r = SparkCompiler::compile(loaded, o);
            QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
            const QStringList argv = SparkCompiler::submitArgs(loaded.spec, o);
            QString line = artifactText(r, QStringLiteral("spark-submit"));
            QVERIFY(line.endsWith(QLatin1Char('\n')));
            line.chop(1);
            QString error;
            QCOMPARE(shellArgv(line, &error), argv.mid(1));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            // The hostile values arrive intact, including the conf value with a newline.
            QVERIFY(argv.contains(QStringLiteral("spark.app.tag=naïve ✓ line one\nline two")));
            QVERIFY(argv.contains(QStringLiteral(
                "spark.driver.extraJavaOptions=-Dkey='a b' -Dother=\"$HOME\" -Dcmd=`id`")));
            QVERIFY(argv.contains(QStringLiteral("/tmp/it's a dir/job.json")));
            // The placeholder is passed through, never resolved.
            QVERIFY(argv.contains(
                QStringLiteral("spark.hadoop.fs.s3a.access.key={{secret.s3:access_key}}")));
        }
    }

    void flinkRunLineReparses()
    {
        const LoadedSpec loaded = SpecLoader::loadFile(
            sourcePath(QStringLiteral("tests/compilers/data/hostile-flink.uis.yaml")));
        QVERIFY2(loaded.valid(), qPrintable(diagnosticsText(loaded.diagnostics)));
        CompileOptions o;
        o.runnerPath = QStringLiteral("/opt/my runner/it's.py");
        const CompileResult r = FlinkCompiler::compile(loaded, o);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QString line = artifactText(r, QStringLiteral("flink-run"));
        line.chop(1);
        QString error;
        QCOMPARE(shellArgv(line, &error), FlinkCompiler::runArgs(loaded.spec, o).mid(1));
        QVERIFY(line.contains(QStringLiteral("'-Dkubernetes.namespace=team'\\''s ns'")));
    }

    /// Every identifier and literal of the generated SQL unescapes to a value of the spec, and
    /// the script splits into the statements it was written as.
    void flinkSqlQuoting()
    {
        const LoadedSpec loaded = SpecLoader::loadFile(
            sourcePath(QStringLiteral("tests/compilers/data/hostile-flink.uis.yaml")));
        const CompileResult r = FlinkCompiler::compile(loaded);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        const QString sql = artifactText(r, QStringLiteral("flink-sql"));
        QString error;
        const QList<SqlToken> all = tokenize(sql, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Statements: 13 SETs (incl. the pass-through conf, the UTC time zone and the two
        // stable-uid options), 4 tables (the source's poison count sink `__invalid` too),
        // 5 views (the source's `__checked` and good-record views too), 3 INSERTs in a
        // statement set (the poison count's too; END closes it).
        QCOMPARE(tokens(all, SqlToken::Semicolon).size(), 13 + 4 + 5 + 3 + 1);

        const QStringList ids = tokens(all, SqlToken::Identifier);
        for (const QString &name :
             {QStringLiteral("user name"), QStringLiteral("it's"), QStringLiteral("back`tick"),
              QStringLiteral("naïve ✓"), QStringLiteral("semi;colon"), QStringLiteral("event time"),
              QStringLiteral("what's new"), QStringLiteral("n events"), QStringLiteral("max ✓")})
            QVERIFY2(ids.contains(name), qPrintable(name));
        QVERIFY(sql.contains(QStringLiteral("`back``tick` BIGINT")));

        QCOMPARE(optionValues(all, QStringLiteral("topic")),
                 (QStringList{QStringLiteral("events; DROP TABLE x -- it's"),
                              QStringLiteral("out'topic\nline two")}));
        QCOMPARE(optionValues(all, QStringLiteral("properties.group.id")),
                 QStringList{QStringLiteral("grüppe 'eins' ✓")});
        QCOMPARE(optionValues(all, QStringLiteral("key.fields")),
                 QStringList{QStringLiteral("user name")});
        QCOMPARE(optionValues(all, QStringLiteral("pipeline.operator-chaining.enabled")),
                 QStringList{QStringLiteral("false")});

        // The filter condition is SQL the user wrote: it is copied verbatim.
        QVERIFY(sql.contains(QStringLiteral(
            "WHERE `user name` <> 'O''Brien; --not a comment' AND `back``tick` > 0")));
        // Comments never swallow SQL: every comment line holds only comment text, and each
        // line of user text in a comment starts with `--`.
        for (const QString &line : sql.split(QLatin1Char('\n'))) {
            if (line.contains(QStringLiteral("line two")) && !line.startsWith(QLatin1String("--")))
                QCOMPARE(line, QStringLiteral("line two',")); // the end of the topic literal
        }
    }

    void flinkSqlWriterRules()
    {
        QCOMPARE(FlinkSqlWriter::identifier(QStringLiteral("a`b")), QStringLiteral("`a``b`"));
        QCOMPARE(FlinkSqlWriter::literal(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(FlinkSqlWriter::path({QStringLiteral("c"), QStringLiteral("d b")}),
                 QStringLiteral("`c`.`d b`"));
        QCOMPARE(FlinkSqlWriter::interval(5000), QStringLiteral("INTERVAL '5' SECOND"));
        QCOMPARE(FlinkSqlWriter::interval(60000), QStringLiteral("INTERVAL '1' MINUTE"));
        QCOMPARE(FlinkSqlWriter::interval(7200000), QStringLiteral("INTERVAL '2' HOUR"));
        QCOMPARE(FlinkSqlWriter::interval(86400000), QStringLiteral("INTERVAL '1' DAY"));
        QCOMPARE(FlinkSqlWriter::interval(1500), QStringLiteral("INTERVAL '1.500' SECOND"));
        FlinkSqlWriter w;
        w.comment(QStringLiteral("two\nlines\r"));
        w.set(QStringLiteral("k"), QStringLiteral("v'1"));
        QCOMPARE(w.text(), QStringLiteral("-- two\n-- lines\nSET 'k' = 'v''1';\n"));
    }

    /// The JSON artifacts of the hostile specs are valid JSON that hold the values unchanged.
    void jsonArtifactsKeepValues()
    {
        const LoadedSpec spark = SpecLoader::loadFile(
            sourcePath(QStringLiteral("tests/compilers/data/hostile-spark.uis.yaml")));
        const CompileResult r = PipelineCompiler::compile(spark, Engine::None);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        const OrderedJson job = artifactJson(r, QStringLiteral("spark-job"));
        QVERIFY(job.is_object());
        QCOMPARE(js(job["sources"][0]["headers"]["X-Quote"]),
                 QStringLiteral("it's \"quoted\" `and` $(ticked)"));
        QCOMPARE(js(job["sources"][0]["url"]),
                 QStringLiteral("https://api.example.com/v1/items/it's here"));
        QCOMPARE(js(job["sinks"][0]["path"]),
                 QStringLiteral("s3a://bucket with space/it's/ünïcode"));
        const OrderedJson req = artifactJson(r, QStringLiteral("dcp-request"));
        QCOMPARE(js(req["user"]), QStringLiteral("O'Brien ✓"));
        // The manifest is YAML that the core reader parses back to the same user text.
        const QByteArray manifest = r.artifact(QStringLiteral("dcp-manifest"))->content;
        const LoadedSpec back = SpecLoader::load(manifest, SpecFormat::Yaml);
        QVERIFY(back.parsed());
        QCOMPARE(back.tree->at(u"/spec/coreEtl/jobSpec/sources/0/headers/X-Quote")->text(),
                 QStringLiteral("it's \"quoted\" `and` $(ticked)"));
        QCOMPARE(back.tree->at(u"/metadata/annotations/description")->text(),
                 QStringLiteral("It's a \"test\""));
    }
};

QTEST_GUILESS_MAIN(TestQuoting)
#include "tst_quoting.moc"
