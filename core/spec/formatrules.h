// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"
#include "specschema.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace uis {

/// A rule a single value breaks: the stable diagnostic code and a message a person can act on.
struct FormatProblem
{
    QString code;    ///< e.g. `UIS-E-DURATION`; empty when the value is fine
    QString message; ///< empty when the value is fine

    bool isEmpty() const { return code.isEmpty(); }
};

/**
 * Every rule UIS-SPEC.md sets for one value on its own: names (kebab-case, snake_case),
 * durations and trigger intervals, memory sizes, cron, URLs and their schemes, e-mail, JSONPath,
 * paths, table names, schema types, enums, numeric ranges and the value types of scalar fields.
 *
 * This is the one home of these rules: the validator reports what they return as diagnostics,
 * and the form editors ask them about what the user typed before it is committed, so the two
 * can never disagree. Rules that need other values of the spec (mode against provider type,
 * unique names, inputs) live in the validation passes instead.
 */
class FormatRules
{
public:
    /// `^[a-z][a-z0-9-]{1,62}$`: the pipeline name.
    static bool isKebabName(const QString &text);
    /// `^[a-z][a-z0-9_]*$`: provider and endpoint names.
    static bool isIdentifier(const QString &text);
    /// `<number> <unit>` as Flink writes durations; the space is optional, units are ms, s, sec,
    /// min, mins, h, d, millis and the long forms (`milliseconds`, `second(s)`, `minute(s)`…).
    static bool isDuration(const QString &text);
    /// A trigger interval: `<n> second(s)|minute(s)|hour(s)`, with at least one space.
    static bool isInterval(const QString &text);
    /// `^[0-9]+[kmgt]b?$`, case-insensitive: `512m`, `8g`, `2GB`.
    static bool isMemory(const QString &text);
    static bool isEmail(const QString &text);
    /// One of SpecSchema::schemaTypes() or `decimal(p,s)`.
    static bool isSchemaType(const QString &text);
    /// `namespace.table`: exactly one dot, no spaces.
    static bool isTableName(const QString &text);
    /// The regular expression (valid in ECMA-262 and PCRE alike) that decides `format`, for the
    /// formats one expression decides: KebabName, Identifier, Duration, Interval, TableName.
    /// "" for the others. The JSON Schema generator writes these as `pattern`.
    static QString pattern(FieldDef::Format format);
    /// The expression for `decimal(p,s)` schema types.
    static QString decimalTypePattern();
    /// A duration in milliseconds, or nullopt when `text` is not a duration.
    static std::optional<double> durationMs(const QString &text);
    /// What is wrong with a 5-field cron expression, or "" when it is fine.
    static QString cronProblem(const QString &text);
    /// What is wrong with a JSONPath (`$`, `.name`, `..name`, `['name']`, `[n]`, `[*]`), or "".
    static QString jsonPathProblem(const QString &text);
    /// Joins a base URL and a path with exactly one slash; a path with a scheme is kept as is
    /// (the endpoint URL the compilers write and the samplers request).
    static QString joinUrl(const QString &base, const QString &path);
    /// The URL schemes a provider type's `base_url` may use; empty for "any".
    static QStringList urlSchemesFor(const QString &providerType);

    /// An absolute URL (scheme://host/…, or file:…) with one of `schemes` (any when empty);
    /// `owner` names what decides the schemes in the message, e.g. "provider_type `kafka`".
    static FormatProblem urlProblem(const QString &text, const QStringList &schemes,
                                    const QString &owner);
    /// The check of a string field's format. URLs, e-mail addresses and paths holding a
    /// `{{placeholder}}` are not checked: their value is known only at submit time.
    /// `providerType` decides the schemes a `base_url` may use.
    static FormatProblem formatProblem(FieldDef::Format format, const QString &text,
                                       const QString &providerType = QString());
    /// A number against the field's minimum and maximum (the field must be Integer or Number).
    static FormatProblem rangeProblem(const FieldDef &field, const SourceNode &value);
    /// An enum value against the field's values, suggesting the closest.
    static FormatProblem enumProblem(const FieldDef &field, const QString &text);
    /// A value that is not one of `allowed`, for settings inside free maps (`compression`…).
    static FormatProblem choiceProblem(const QString &name, const QString &text,
                                       const QStringList &allowed);
    /// "`name` must be <expected>, not <the value's type>[; hint]".
    static FormatProblem typeProblem(const QString &name, const SourceNode &value,
                                     const QString &expected, const QString &hint = QString());
    /// Everything checked on one value of a scalar field (String, Integer, Number, Boolean,
    /// Enum): its type first, then its format, range or enum values. Other kinds pass.
    static FormatProblem scalarProblem(const FieldDef &field, const SourceNode &value,
                                       const QString &providerType = QString());
    /// A value of provider `config` under a known key (memory sizes, core counts, durations,
    /// state backend, S3 endpoint, engine versions); other keys pass.
    static FormatProblem configValueProblem(const QString &key, const QString &value);

    /// A kebab-case name close to `text`, for messages.
    static QString suggestKebab(const QString &text);
    /// A snake_case name close to `text` (`MyName` → `my_name`), for messages.
    static QString suggestSnake(const QString &text);
};

} // namespace uis
