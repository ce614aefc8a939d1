// SPDX-License-Identifier: Apache-2.0
// Validation is the compiler's verdict (issue 10): a property test over structure-aware mutations
// of every template and seed example. For each mutant, with a fixed seed:
// - if SpecCheck reports no error, PipelineCompiler::compile for the spec's engine succeeds and
//   produces every target of that engine;
// - every error the compile reports appears in SpecCheck's result.
// It also counts where the validator alone (what `uisctl validate` said before SpecCheck) and the
// compiler disagree, and prints both figures with the classes of disagreement (by error code).
#include "compilertest.h"

#include "compilesupport.h"
#include "flink/flinkcompiler.h"
#include "jsonconvert.h"
#include "pipelinecompiler.h"
#include "speccheck.h"

#include <QMap>

#include <random>

using namespace uis;
using namespace uis::test;

namespace {

using J = OrderedJson;

// A small deterministic random source (std::mt19937 is specified bit for bit).
struct Rng
{
    std::mt19937 gen;
    explicit Rng(unsigned seed) : gen(seed) {}
    int below(int n) { return n <= 0 ? 0 : int(std::uniform_int_distribution<int>(0, n - 1)(gen)); }
    bool coin() { return below(2) == 1; }
    template <typename T> const T &pick(const std::vector<T> &v)
    {
        return v.at(size_t(below(int(v.size()))));
    }
};

J *child(J &j, const char *key)
{
    return j.is_object() && j.contains(key) ? &j[key] : nullptr;
}

J *randomItem(J *list, Rng &r)
{
    if (!list || !list->is_array() || list->empty())
        return nullptr;
    return &(*list)[size_t(r.below(int(list->size())))];
}

void eraseRandomKey(J *map, Rng &r)
{
    if (!map || !map->is_object() || map->empty())
        return;
    auto it = map->begin();
    std::advance(it, r.below(int(map->size())));
    map->erase(it.key());
}

// Every column-like name the spec mentions: schema fields, mapping targets, group_by, keys.
std::vector<std::string> names(const J &spec)
{
    std::vector<std::string> out{"nope", "window_start", "ts", "event_time", "symbol", "ticker"};
    const J &p = spec["provider"];
    for (const char *list : {"endpoints", "transforms"}) {
        if (!p.contains(list))
            continue;
        for (const J &n : p[list]) {
            if (n.contains("schema"))
                for (const J &f : n["schema"])
                    if (f.contains("name") && f["name"].is_string())
                        out.push_back(f["name"]);
            for (const char *m : {"field_mapping", "mapping", "aggregates"})
                if (n.contains(m) && n[m].is_object())
                    for (auto it = n[m].begin(); it != n[m].end(); ++it) {
                        out.push_back(it.key());
                        if (it.value().is_string())
                            out.push_back(it.value());
                    }
            for (const char *l : {"group_by", "keys"})
                if (n.contains(l) && n[l].is_array())
                    for (const J &g : n[l])
                        if (g.is_string())
                            out.push_back(g);
        }
    }
    return out;
}

std::vector<std::string> nodeNames(const J &spec)
{
    std::vector<std::string> out;
    const J &p = spec["provider"];
    for (const char *list : {"endpoints", "transforms"})
        if (p.contains(list))
            for (const J &n : p[list])
                if (n.contains("name") && n["name"].is_string())
                    out.push_back(n["name"]);
    return out;
}

// One structure-aware mutation; returns its name (the kind of change, for the report).
QString mutate(J &spec, Rng &r)
{
    J &p = spec["provider"];
    J *endpoints = child(p, "endpoints");
    J *transforms = child(p, "transforms");
    J *sinks = child(p, "sinks");
    const std::vector<std::string> cols = names(spec);
    static const std::vector<std::string> types{"string",  "int",  "long",      "double",
                                                "boolean", "date", "timestamp", "json"};
    static const std::vector<std::string> modes{"batch", "micro_batch", "streaming", "websocket",
                                                "webhook"};
    static const std::vector<std::string> ttypes{"filter",           "dedupe",        "watermark",
                                                 "window_aggregate", "field_mapping", "sql",
                                                 "schema_validation"};
    switch (r.below(16)) {
    case 0:
        if (J *e = randomItem(endpoints, r); e && e->contains("schema")) {
            e->erase("schema");
            return QStringLiteral("remove a schema");
        }
        break;
    case 1:
        if (J *e = randomItem(endpoints, r);
            e && e->contains("schema") && !(*e)["schema"].empty()) {
            J &s = (*e)["schema"];
            s.erase(s.begin() + r.below(int(s.size())));
            return QStringLiteral("drop a field");
        }
        break;
    case 2:
        if (J *e = randomItem(endpoints, r); e && e->contains("schema")) {
            if (J *f = randomItem(&(*e)["schema"], r)) {
                (*f)["name"] = r.pick(cols) + (r.coin() ? "_x" : "");
                return QStringLiteral("rename a field");
            }
        }
        break;
    case 3:
        if (J *e = randomItem(endpoints, r); e && e->contains("schema")) {
            if (J *f = randomItem(&(*e)["schema"], r)) {
                (*f)["type"] = r.pick(types);
                return QStringLiteral("retype a field");
            }
        }
        break;
    case 4:
        p["mode"] = r.pick(modes);
        return QStringLiteral("change the mode");
    case 5:
        p["engine"] = r.coin() ? "spark" : "flink";
        return QStringLiteral("name an engine");
    case 6:
        if (J *t = randomItem(transforms, r)) {
            const std::vector<std::string> n = nodeNames(spec);
            (*t)["inputs"] = J::array({r.pick(n)});
            return QStringLiteral("swap inputs");
        }
        break;
    case 7:
        eraseRandomKey(child(p, "config"), r);
        return QStringLiteral("remove a provider config key");
    case 8:
        if (J *s = randomItem(sinks, r)) {
            eraseRandomKey(child(*s, "config"), r);
            return QStringLiteral("remove a sink config key");
        }
        break;
    case 9:
        if (J *t = randomItem(transforms, r)) {
            (*t)["type"] = r.pick(ttypes);
            return QStringLiteral("change a transform type");
        }
        break;
    case 10:
        if (J *s = randomItem(sinks, r)) {
            (*s)["type"] = "kafka";
            (*s)["kafka_topic"] = "mutant-out";
            (*s)["kafka_key_field"] = r.pick(cols);
            if (!(*s).contains("config") || !(*s)["config"].is_object())
                (*s)["config"] = J::object();
            (*s)["config"]["bootstrap_servers"] = "k:9092";
            return QStringLiteral("key a kafka sink");
        }
        break;
    case 11:
        if (J *e = randomItem(endpoints, r)) {
            if (r.coin() && e->contains("field_mapping"))
                eraseRandomKey(&(*e)["field_mapping"], r);
            else
                (*e)["field_mapping"][r.pick(cols)] = r.pick(cols) + "_m";
            return QStringLiteral("change a field_mapping");
        }
        break;
    case 12:
        if (transforms && transforms->is_array() && !transforms->empty()) {
            transforms->erase(transforms->begin() + r.below(int(transforms->size())));
            return QStringLiteral("remove a transform");
        }
        break;
    case 13:
        if (J *t = randomItem(transforms, r)) {
            (*t)["time_column"] = r.pick(cols);
            return QStringLiteral("change a time column");
        }
        break;
    case 14:
        if (J *t = randomItem(transforms, r)) {
            (*t)["group_by"] = J::array({r.pick(cols)});
            return QStringLiteral("change group_by");
        }
        break;
    case 15:
        if (J *e = randomItem(endpoints, r); e && !e->contains("schema")) {
            (*e)["schema"] = J::array({J{{"name", r.pick(cols)}, {"type", r.pick(types)}}});
            return QStringLiteral("add a schema");
        }
        break;
    }
    return {};
}

QStringList errorCodes(const DiagnosticList &d)
{
    QStringList out;
    for (const Diagnostic &x : d)
        if (x.severity == Severity::Error && !out.contains(x.code))
            out.append(x.code);
    return out;
}

bool containsError(const DiagnosticList &in, const Diagnostic &d)
{
    for (const Diagnostic &x : in)
        if (x.severity == Severity::Error && x.code == d.code && x.pointer == d.pointer &&
            x.message == d.message)
            return true;
    return false;
}

} // namespace

class TestValidateCompile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mutantsAgree()
    {
        constexpr unsigned kSeed = 20261126;
        constexpr int kPerSpec = 56;
        Rng rng(kSeed);
        int cases = 0, validatorOnly = 0, specCheckDisagree = 0, compiled = 0, flinkCases = 0;
        QMap<QString, int> classes; // error codes the validator alone missed
        QStringList failures;
        for (const QString &file : goldenSpecs()) {
            const LoadedSpec base = SpecLoader::loadFile(file);
            QVERIFY2(base.parsed(), qPrintable(file));
            const J original = toOrderedJson(*base.tree);
            for (int k = 0; k < kPerSpec; ++k) {
                J spec = original;
                QStringList what;
                const int n = 1 + rng.below(3);
                for (int m = 0; m < n; ++m)
                    if (const QString w = mutate(spec, rng); !w.isEmpty())
                        what.append(w);
                const LoadedSpec loaded = SpecLoader::load(dumpJson(spec), SpecFormat::Json);
                ++cases;
                const Engine engine = engineFor(loaded.spec);
                const DiagnosticList checked = SpecCheck::check(loaded);
                if (!loaded.parsed() || engine == Engine::None) {
                    QVERIFY(hasErrors(checked) || !loaded.parsed());
                    continue;
                }
                const CompileResult r = PipelineCompiler::compile(loaded, engine);
                bool ok = r.succeeded();
                for (const QString &t : PipelineCompiler::targets(engine)) {
                    // dcp-manifest exists for Spark jobs; targets() lists only the engine's.
                    ok = ok && r.artifact(t);
                }
                compiled += ok ? 1 : 0;
                const QString label = specBaseName(file) + QStringLiteral(" #%1 (").arg(k) +
                                      what.join(QStringLiteral(", ")) + QLatin1Char(')');
                // Before SpecCheck: the validator alone.
                if (!hasErrors(loaded.diagnostics) && !ok) {
                    ++validatorOnly;
                    for (const QString &c : errorCodes(r.diagnostics))
                        classes[c] += 1;
                }
                // SpecCheck and the compiler agree, both ways.
                bool agree = hasErrors(checked) || ok;
                for (const Diagnostic &d : r.diagnostics)
                    agree = agree && (d.severity != Severity::Error || containsError(checked, d));
                if (!agree) {
                    ++specCheckDisagree;
                    failures.append(label + QStringLiteral(": ") + diagnosticsText(r.diagnostics));
                }
                // The Flink findings-only compile (validate's) skips the script's text: it must
                // find exactly what writing the script finds, every severity.
                if (engine == Engine::Flink) {
                    ++flinkCases;
                    CompileOptions findings, script;
                    findings.diagnosticsOnly = true;
                    script.onlyTarget = QStringLiteral("flink-sql");
                    const DiagnosticList a = FlinkCompiler::compile(loaded, findings).diagnostics;
                    const DiagnosticList b = FlinkCompiler::compile(loaded, script).diagnostics;
                    if (a != b)
                        failures.append(label + QStringLiteral(": findings-only ") +
                                        diagnosticsText(a) + QStringLiteral(" vs script ") +
                                        diagnosticsText(b));
                }
            }
        }
        QStringList cls;
        for (auto it = classes.constBegin(); it != classes.constEnd(); ++it)
            cls.append(QStringLiteral("%1 x%2").arg(it.key()).arg(it.value()));
        qInfo("%d mutants of %d specs (seed %u): %d compile for every target; validator alone "
              "clean but compile failing: %d [%s]; SpecCheck disagreeing with the compiler: %d",
              cases, int(goldenSpecs().size()), kSeed, compiled, validatorOnly,
              qPrintable(cls.join(QStringLiteral(", "))), specCheckDisagree);
        QVERIFY(cases >= 400);
        QVERIFY(flinkCases >= 100);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join(QLatin1Char('\n'))));
    }

    /// The seed examples, as the seeds write them, check clean and compile on their engine.
    void seedsCheckClean()
    {
        const QDir d(sourcePath(QStringLiteral("tests/data/seeds")));
        for (const QString &f : d.entryList({QStringLiteral("*.uis.yaml")}, QDir::Files)) {
            const LoadedSpec loaded = SpecLoader::loadFile(d.filePath(f));
            const DiagnosticList checked = SpecCheck::check(loaded);
            QVERIFY2(!hasErrors(checked),
                     qPrintable(f + QLatin1Char('\n') + diagnosticsText(checked)));
            QVERIFY(PipelineCompiler::compile(loaded, Engine::None).succeeded());
        }
    }

    /// The seed's own key field (`symbol`, renamed to `ticker` by its field_mapping) is reported
    /// at validate time, naming the sink, the field and what drops it.
    void droppedKeyFieldIsAnError()
    {
        QByteArray yaml =
            readFile(sourcePath(QStringLiteral("tests/data/seeds/realtime-analytics.uis.yaml")));
        yaml.replace("kafka_key_field: ticker", "kafka_key_field: symbol");
        const LoadedSpec loaded = loadYaml(yaml);
        const DiagnosticList checked = SpecCheck::check(loaded);
        bool found = false;
        for (const Diagnostic &d : checked) {
            if (d.code != QLatin1String("UIS-E-KEY-FIELD-DROPPED"))
                continue;
            found = true;
            QVERIFY(d.message.contains(QStringLiteral("`kafka_1`")));
            QVERIFY(d.message.contains(QStringLiteral("`symbol`")));
            QVERIFY(d.message.contains(QStringLiteral("endpoint `market_ticks`")));
            QVERIFY(d.line > 0);
        }
        QVERIFY(found);
    }

    /// A Kafka JSON endpoint without a schema is read as the columns the spec names, the same
    /// list in the Flink SQL and in the job config the Spark runner reads.
    void derivedColumns()
    {
        const QByteArray yaml = "version: \"1.1\"\nname: clicks-demo\nprovider:\n  name: clicks\n"
                                "  provider_type: kafka\n  mode: streaming\n"
                                "  config: { kafka_bootstrap_servers: \"k:9092\" }\n"
                                "  endpoints:\n    - name: events\n      topic: events\n"
                                "      field_mapping: { uid: user_id }\n"
                                "  transforms:\n    - name: big\n      type: filter\n"
                                "      condition: \"v.amount > 10 AND `page` <> 'x.y'\"\n"
                                "    - name: win\n      type: window_aggregate\n"
                                "      time_column: ts\n      window: 1 min\n"
                                "      watermark: 5 s\n      group_by: [page]\n"
                                "      aggregates: { total: sum(amount), n: count(*) }\n"
                                "  sinks:\n    - name: out\n      type: kafka\n"
                                "      kafka_topic: t\n      kafka_key_field: page\n";
        const LoadedSpec loaded = loadYaml(yaml);
        QVERIFY2(!hasErrors(SpecCheck::check(loaded)),
                 qPrintable(diagnosticsText(SpecCheck::check(loaded))));
        const QList<SchemaField> cols = CompileSupport::derivedColumns(loaded.spec, 0);
        QStringList got;
        for (const SchemaField &f : cols)
            got.append(f.name + QLatin1Char(':') + f.type);
        QCOMPARE(got, (QStringList{QStringLiteral("uid:string"), QStringLiteral("amount:double"),
                                   QStringLiteral("page:string"), QStringLiteral("ts:timestamp")}));
        const CompileResult r = PipelineCompiler::compile(loaded, Engine::None);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-I-DERIVED-COLUMNS")));
        const QString sql = artifactText(r, QStringLiteral("flink-sql"));
        QVERIFY(sql.contains(QStringLiteral("`ts__time` AS CASE")));
        QVERIFY(sql.contains(QStringLiteral("WATERMARK FOR `ts__time`")));
        QVERIFY(sql.contains(QStringLiteral("'format' = 'raw'"))); // checked in views
        const OrderedJson src = artifactJson(r, QStringLiteral("flink-job"))["sources"][0];
        JCOMPARE(src["schema_derived"], true);
        QCOMPARE(js(src["schema"][3]["name"]), QStringLiteral("ts"));
    }

    /// `provider.engine` picks the engine; a connector the engine lacks names the other one.
    void engineSelection()
    {
        QByteArray yaml =
            readFile(sourcePath(QStringLiteral("tests/data/seeds/realtime-analytics.uis.yaml")));
        yaml.replace("  mode: websocket\n", "  mode: websocket\n  engine: spark\n");
        const LoadedSpec loaded = loadYaml(yaml);
        QVERIFY2(loaded.valid(), qPrintable(diagnosticsText(loaded.diagnostics)));
        QCOMPARE(engineFor(loaded.spec), Engine::Spark);
        const DiagnosticList checked = SpecCheck::check(loaded);
        bool named = false;
        for (const Diagnostic &d : checked)
            named = named || (d.code == QLatin1String("UIS-E-ENGINE-CONNECTOR") &&
                              d.message.contains(QStringLiteral("WebSocket")) &&
                              d.message.contains(QStringLiteral("engine: flink")));
        QVERIFY2(named, qPrintable(diagnosticsText(checked)));
        // The market-data spec is Spark's by mode; Flink has no REST source.
        const LoadedSpec rest = SpecLoader::loadFile(
            sourcePath(QStringLiteral("tests/data/seeds/market-data-ingestion.uis.yaml")));
        QCOMPARE(engineFor(rest.spec), Engine::Spark);
        const CompileResult f = PipelineCompiler::compile(rest, Engine::Flink);
        QVERIFY(hasCode(f.diagnostics, QStringLiteral("UIS-E-ENGINE-CONNECTOR")));
    }
};

QTEST_GUILESS_MAIN(TestValidateCompile)
#include "tst_validatecompile.moc"
