// SPDX-License-Identifier: Apache-2.0
#include "jsonschemagenerator.h"

#include "formatrules.h"
#include "jsonconvert.h"
#include "specschema.h"

namespace uis {

namespace {

using K = FieldDef::Kind;
using F = FieldDef::Format;

OrderedJson strings(const QStringList &l)
{
    OrderedJson a = OrderedJson::array();
    for (const QString &s : l)
        a.push_back(toStd(s));
    return a;
}

OrderedJson ref(const QString &def)
{
    return OrderedJson{{"$ref", "#/$defs/" + toStd(def)}};
}

OrderedJson stringSchema(const FieldDef &f)
{
    OrderedJson s{{"type", "string"}};
    // The very expressions the validator checks with, where one expression decides.
    if (const QString p = FormatRules::pattern(f.format); !p.isEmpty())
        s["pattern"] = toStd(p);
    switch (f.format) {
    case F::JsonPath:
        s["pattern"] = "^\\$";
        break;
    case F::SchemaType: {
        OrderedJson alt = OrderedJson::array();
        alt.push_back(OrderedJson{{"enum", strings(SpecSchema::schemaTypes())}});
        alt.push_back(OrderedJson{{"pattern", toStd(FormatRules::decimalTypePattern())}});
        s["anyOf"] = alt;
        break;
    }
    case F::KebabName:
    case F::Identifier:
    case F::Duration:
    case F::Interval:
    case F::TableName:
        break; // the pattern above
    case F::Email:
    case F::Url:
    case F::Cron:
    case F::Memory:
    case F::AbsPath:
    case F::None:
        break; // placeholders may stand in these values, so no pattern would be right
    }
    return s;
}

OrderedJson fieldSchema(const FieldDef &f)
{
    OrderedJson s;
    switch (f.kind) {
    case K::String:
        s = stringSchema(f);
        break;
    case K::Integer:
    case K::Number:
        s["type"] = f.kind == K::Integer ? "integer" : "number";
        if (f.minimum)
            s[f.exclusiveMinimum ? "exclusiveMinimum" : "minimum"] = *f.minimum;
        if (f.maximum)
            s["maximum"] = *f.maximum;
        break;
    case K::Boolean:
        s["type"] = "boolean";
        break;
    case K::Enum:
        s["type"] = "string";
        s["enum"] = strings(f.enumValues);
        break;
    case K::StringList:
        s["type"] = "array";
        s["items"] = OrderedJson{{"type", "string"}};
        break;
    case K::TextMap:
    case K::ScalarMap:
        s["type"] = "object";
        s["additionalProperties"] = OrderedJson{{"type", {"string", "number", "boolean"}}};
        break;
    case K::FreeMap:
        s["type"] = "object";
        break;
    case K::Object:
        s = ref(f.objectType);
        break;
    case K::ObjectList:
        s["type"] = "array";
        s["items"] = ref(f.objectType);
        if (f.required)
            s["minItems"] = 1;
        break;
    case K::Any:
        break;
    }
    if (!f.description.isEmpty())
        s["description"] = toStd(f.description);
    return s;
}

OrderedJson objectSchema(const ObjectDef &def)
{
    OrderedJson props = OrderedJson::object();
    QStringList required;
    for (const FieldDef &f : def.fields) {
        props[toStd(f.name)] = fieldSchema(f);
        if (f.required)
            required.append(f.name);
    }
    OrderedJson o{{"title", toStd(def.title)}, {"type", "object"}};
    if (!required.isEmpty())
        o["required"] = strings(required);
    o["properties"] = props;
    return o;
}

/// `transform` / `sink`: the type field picks the variant.
OrderedJson dispatchSchema(const QString &kind, const QStringList &types)
{
    OrderedJson allOf = OrderedJson::array();
    for (const QString &t : types) {
        allOf.push_back(OrderedJson{
            {"if", {{"properties", {{"type", {{"const", toStd(t)}}}}}, {"required", {"type"}}}},
            {"then", ref(kind + QLatin1Char('.') + t)}});
    }
    OrderedJson o{{"type", "object"},
                  {"required", kind == QLatin1String("sink") ? OrderedJson{"type"}
                                                             : OrderedJson{"name", "type"}},
                  {"properties", {{"type", {{"enum", strings(types)}}}}},
                  {"allOf", allOf}};
    return o;
}

} // namespace

QByteArray JsonSchemaGenerator::generate()
{
    const SpecSchema &schema = SpecSchema::instance();
    OrderedJson defs = OrderedJson::object();
    for (const ObjectDef &o : schema.objects()) {
        if (o.name == QLatin1String("spec"))
            continue;
        defs[toStd(o.name)] = objectSchema(o);
    }
    defs["transform"] = dispatchSchema(QStringLiteral("transform"), SpecSchema::transformTypes());
    defs["sink"] = dispatchSchema(QStringLiteral("sink"), SpecSchema::sinkTypes());
    defs["endpoint"] = OrderedJson{{"type", "object"}, {"required", {"name"}}};

    // The provider type picks the endpoint variant and the modes that fit.
    OrderedJson allOf = OrderedJson::array();
    for (const QString &t : SpecSchema::providerTypes()) {
        OrderedJson then{{"properties",
                          {{"mode", {{"enum", strings(SpecSchema::modesFor(t))}}},
                           {"endpoints", {{"items", ref(SpecSchema::endpointObject(t))}}}}}};
        if (t == QLatin1String("rest_api") || t == QLatin1String("websocket") ||
            t == QLatin1String("file_ftp"))
            then["required"] = {"base_url"};
        allOf.push_back(OrderedJson{{"if",
                                     {{"properties", {{"provider_type", {{"const", toStd(t)}}}}},
                                      {"required", {"provider_type"}}}},
                                    {"then", then}});
    }
    defs["provider"]["allOf"] = allOf;
    defs["schedule"]["oneOf"] = OrderedJson::array(
        {OrderedJson{{"required", {"trigger_interval"}}}, OrderedJson{{"required", {"cron"}}}});

    OrderedJson root = objectSchema(*schema.object(u"spec"));
    OrderedJson out{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                    {"$id", "https://uis-studio.dev/schemas/uis-1.1.json"},
                    {"title", "Unified Ingestion Spec (UIS) 1.1"},
                    {"description", "One ingestion pipeline: a provider, its endpoints, "
                                    "transforms and sinks. Generated by `uisctl schema`."}};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != "title")
            out[it.key()] = it.value();
    }
    out["$defs"] = defs;
    return dumpJson(out);
}

} // namespace uis
