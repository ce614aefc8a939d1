// SPDX-License-Identifier: Apache-2.0
#include "sinkcolumns.h"

#include "compileindex.h"
#include "flink/flinkcontext.h"
#include "flink/flinkplanner.h"

namespace uis {

QHash<QString, QStringList> SinkColumns::of(const LoadedSpec &loaded, Engine engine)
{
    QHash<QString, QStringList> out;
    if (!loaded.valid())
        return out;
    Spec spec = loaded.spec;
    // Spark infers a schema-less endpoint's fields from the data: its columns are open. A
    // schema may name a column after the endpoint's field_mapping (Spark reads it under the
    // raw name, uis_runners.spark.schema.reader_schema): plan it under the raw name too.
    if (engine == Engine::Spark) {
        for (Endpoint &e : spec.provider.endpoints) {
            if (!e.hasSchema)
                return out;
            for (SchemaField &f : e.schema) {
                if (mapContains(e.fieldMapping, f.name))
                    continue;
                for (const auto &kv : std::as_const(e.fieldMapping)) {
                    if (kv.second == f.name && !kv.first.contains(QLatin1Char('.'))) {
                        f.name = kv.first;
                        break;
                    }
                }
            }
        }
    }
    const CompileIndex index(spec);
    const CompileOptions options;
    FlinkContext ctx(index, options);
    ctx.setQuiet(true);
    FlinkPlanner planner(ctx);
    planner.plan();
    for (int i : planner.order()) {
        const FlinkRelation in = planner.unionOf(index.transformInputs(i));
        planner.setRelation(spec.provider.transforms.at(i).name, planner.shapeOf(i, in, true));
    }
    for (int i = 0; i < spec.provider.sinks.size(); ++i) {
        const FlinkRelation in = planner.unionOf(index.sinkInputs(i));
        if (!in.known)
            continue;
        bool raw = false;
        for (const FlinkColumn &c : in.columns)
            raw = raw || c.raw;
        if (raw && engine == Engine::Spark)
            continue;
        out.insert(index.sinkName(i), in.columnNames());
    }
    return out;
}

} // namespace uis
