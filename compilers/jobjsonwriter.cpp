// SPDX-License-Identifier: Apache-2.0
#include "jobjsonwriter.h"

#include "compilesupport.h"

#include <cmath>

namespace uis {

JobJsonWriter::JobJsonWriter(const CompileIndex &index, JobJsonTraits &traits)
    : m_index(index), m_traits(traits)
{
}

void JobJsonWriter::write(OrderedJson &job)
{
    job["sources"] = sources();
    job["transforms"] = transforms();
    job["sinks"] = sinks();
}

QString JobJsonWriter::relation(const QString &name) const
{
    if (const Endpoint *e = m_index.endpoint(name))
        return e->fieldMapping.isEmpty() ? m_traits.sourceName(*e)
                                         : QStringLiteral("map_") + e->name;
    return name;
}

QStringList JobJsonWriter::relations(const QStringList &names) const
{
    QStringList out;
    out.reserve(names.size());
    for (const QString &n : names)
        out.append(relation(n));
    return out;
}

OrderedJson JobJsonWriter::sources()
{
    const Provider &p = m_index.spec().provider;
    const std::string type = toStd(m_traits.sourceType());
    OrderedJson out = OrderedJson::array();
    out.get_ref<OrderedJson::array_t &>().reserve(size_t(p.endpoints.size()));
    for (int i = 0; i < p.endpoints.size(); ++i) {
        const Endpoint &e = p.endpoints.at(i);
        OrderedJson s = objectWithRoom(24); // a source's keys; its schema comes last
        s["type"] = type;
        s["name"] = toStd(m_traits.sourceName(e));
        s["endpoint"] = toStd(e.name);
        m_traits.sourceKeys(s, e, i);
        if (e.hasSchema) {
            s["schema"] = schema(e.schema);
        } else if (const QList<SchemaField> derived =
                       CompileSupport::derivedColumns(m_index.spec(), i);
                   !derived.isEmpty()) {
            // No schema: the columns the spec names, read from the JSON records by both engines
            // (`timestamp` columns as text parsed from ISO-8601 or epoch milliseconds).
            s["schema"] = schema(derived);
            s["schema_derived"] = true;
        }
        out.push_back(std::move(s));
    }
    return out;
}

OrderedJson JobJsonWriter::transforms()
{
    const Provider &p = m_index.spec().provider;
    const bool single = m_traits.singleInputKey();
    OrderedJson out = OrderedJson::array();
    // Each endpoint's field_mapping first, then the spec's transforms in document order.
    for (const Endpoint &e : p.endpoints) {
        if (e.fieldMapping.isEmpty())
            continue;
        const QString source = m_traits.sourceName(e);
        OrderedJson o = OrderedJson::object();
        o["type"] = "field_mapping";
        o["name"] = toStd(QStringLiteral("map_") + e.name);
        if (single)
            o["input"] = toStd(source);
        o["inputs"] = stringList({source});
        o["mapping"] = stringMap(e.fieldMapping);
        out.push_back(std::move(o));
    }
    for (int i = 0; i < p.transforms.size(); ++i) {
        const Transform &t = p.transforms.at(i);
        const QStringList inputs = relations(m_index.transformInputs(i));
        OrderedJson o = objectWithRoom(12);
        o["type"] = toStd(t.type);
        o["name"] = toStd(t.name);
        if (single && t.type == QLatin1String("field_mapping") && inputs.size() == 1)
            o["input"] = toStd(inputs.first());
        o["inputs"] = stringList(inputs);
        if (t.type == QLatin1String("field_mapping")) {
            o["mapping"] = stringMap(t.mapping);
        } else if (t.type == QLatin1String("sql")) {
            o["query"] = toStd(t.query);
        } else if (t.type == QLatin1String("filter")) {
            o["condition"] = toStd(t.condition);
        } else if (t.type == QLatin1String("schema_validation")) {
            o["schema"] = schema(t.schema);
            o["on_invalid"] = toStd(t.onInvalid.isEmpty() ? QStringLiteral("drop") : t.onInvalid);
        } else if (t.type == QLatin1String("dedupe")) {
            o["keys"] = stringList(t.keys);
            if (!t.within.isEmpty())
                m_traits.duration(o, "within", t.within);
        } else if (t.type == QLatin1String("watermark")) {
            m_traits.watermarkKeys(o, t);
        } else if (t.type == QLatin1String("window_aggregate")) {
            o["time_column"] = toStd(t.timeColumn);
            m_traits.duration(o, "window", t.window);
            if (!t.slide.isEmpty())
                m_traits.duration(o, "slide", t.slide);
            if (!t.watermark.isEmpty())
                m_traits.duration(o, "watermark", t.watermark);
            o["group_by"] = stringList(t.groupBy);
            o["aggregates"] = stringMap(t.aggregates);
        }
        out.push_back(std::move(o));
    }
    return out;
}

OrderedJson JobJsonWriter::sinks()
{
    const Provider &p = m_index.spec().provider;
    OrderedJson out = OrderedJson::array();
    for (int i = 0; i < p.sinks.size(); ++i) {
        const Sink &s = p.sinks.at(i);
        OrderedJson o = objectWithRoom(24);
        o["type"] = toStd(s.type);
        o["name"] = toStd(m_index.sinkName(i));
        o["inputs"] = stringList(relations(m_index.sinkInputs(i)));
        m_traits.sinkKeys(o, s, i);
        out.push_back(std::move(o));
    }
    return out;
}

OrderedJson JobJsonWriter::stringMap(const StringMap &map)
{
    OrderedJson o = OrderedJson::object();
    for (const auto &kv : map)
        o[toStd(kv.first)] = toStd(kv.second);
    return o;
}

OrderedJson JobJsonWriter::stringList(const QStringList &list)
{
    OrderedJson a = OrderedJson::array();
    for (const QString &s : list)
        a.push_back(toStd(s));
    return a;
}

OrderedJson JobJsonWriter::schema(const QList<SchemaField> &fields)
{
    // Member by member: an initializer list copies each value once more.
    OrderedJson a = OrderedJson::array();
    a.get_ref<OrderedJson::array_t &>().reserve(size_t(fields.size()));
    for (const SchemaField &f : fields) {
        OrderedJson o = objectWithRoom(3);
        o["name"] = toStd(f.name);
        o["type"] = toStd(f.type);
        o["nullable"] = f.nullable;
        a.push_back(std::move(o));
    }
    return a;
}

OrderedJson JobJsonWriter::number(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
        return qint64(v);
    return v;
}

} // namespace uis
