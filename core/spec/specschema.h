// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace uis {

/// One field of an object in the UIS format.
struct FieldDef
{
    enum class Kind {
        String,
        Integer,
        Number,
        Boolean,
        Enum,       ///< string from `enumValues`
        StringList, ///< list of strings (a lone string is accepted for `inputs`)
        TextMap,    ///< map string → scalar, shown as text (headers, mappings, options)
        ScalarMap,  ///< map string → scalar, typed (provider `config`)
        FreeMap,    ///< map of anything (sink `config`)
        Object,     ///< nested object of type `objectType`
        ObjectList, ///< list of `objectType`
        Any,        ///< any JSON value (a POST body)
    };
    /// Extra checks on a string beyond its kind.
    enum class Format { None, KebabName, Identifier, Url, Duration, Interval, Cron, Memory, Email,
                        JsonPath, AbsPath, TableName, SchemaType };

    QString name;
    Kind kind = Kind::String;
    bool required = false;
    QStringList enumValues;
    QString objectType;
    Format format = Format::None;
    std::optional<double> minimum;
    std::optional<double> maximum;
    bool exclusiveMinimum = false;
    QString description;
};

/// An object type: its fields in canonical (written) order.
struct ObjectDef
{
    QString name;
    QString title;
    QList<FieldDef> fields;
    const FieldDef *field(QStringView name) const;
    QStringList fieldNames() const;
};

/**
 * The UIS 1.1 format as data. The validator, the JSON Schema generator, the writer's key order
 * and the form editor all read this one table, so they cannot drift apart.
 *
 * Object names: `spec`, `provider`, `schedule`, `schema_field`, `reconnect`, `endpoint.<type>`
 * per provider type, `transform.<type>` per transform type, `sink.<type>` per sink type.
 */
class SpecSchema
{
public:
    static const SpecSchema &instance();

    const ObjectDef *object(QStringView name) const;
    const QList<ObjectDef> &objects() const { return m_objects; }

    static QStringList versions();
    static QStringList providerTypes();
    static QStringList modes();
    static QStringList engines(); ///< provider.engine: spark, flink
    static QStringList transformTypes();
    static QStringList sinkTypes();
    static QStringList schemaTypes(); ///< without the `decimal(p,s)` pattern
    /// Modes a provider type allows (UIS-SPEC.md table).
    static QStringList modesFor(const QString &providerType);
    /// Known provider `config` keys, and the description of each.
    static QList<QPair<QString, QString>> configKeys();

    static QString endpointObject(const QString &providerType)
    {
        return QStringLiteral("endpoint.") + providerType;
    }
    static QString transformObject(const QString &type) { return QStringLiteral("transform.") + type; }
    static QString sinkObject(const QString &type) { return QStringLiteral("sink.") + type; }

    /// Every endpoint field of any provider type, for "does not apply to" messages.
    QStringList allEndpointFields() const;
    /// The provider types whose endpoints have `field`.
    QStringList providerTypesWithEndpointField(const QString &field) const;

private:
    SpecSchema();
    QList<ObjectDef> m_objects;
};

/// The closest candidate by edit distance, or "" when none is close enough to suggest.
QString closestMatch(const QString &word, const QStringList &candidates);

} // namespace uis
