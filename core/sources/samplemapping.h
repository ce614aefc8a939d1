// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

namespace uis {

/// One step of a path into a JSON value: an object key, or (index ≥ 0) an array item.
struct JsonStep
{
    QString key;
    int index = -1;
    bool isIndex() const { return index >= 0; }
};

/// What clicking a node of a sampled record proposes to do to the endpoint.
struct MapAction
{
    enum Kind { None, SetResponsePath, AddFieldMapping };
    Kind kind = None;
    QString responsePath; ///< SetResponsePath: the new `response_path`
    QString sourceField;  ///< AddFieldMapping: the flattened source field, `a.b`
    QString targetField;  ///< AddFieldMapping: the proposed target name
    QString description;  ///< one line for the user, e.g. "Map `user.id` as `user_id`"
};

/**
 * Click-to-map: what a node of a sampled record means for the endpoint. A node below an array
 * (or an array itself) says the records are that array: `response_path` becomes the path to it,
 * appended to the current one since the record was read through it. Any other scalar is a field
 * that `field_mapping` can rename, named flat as the schema inference names it (`a.b`). An
 * object proposes nothing: its fields are the columns.
 */
class SampleMapping
{
public:
    static MapAction forNode(const QList<JsonStep> &path, const QJsonValue &value,
                             const QString &responsePath,
                             const QMap<QString, QString> &fieldMapping = {});
    /// `$.a.b` or `$['odd key']`, appended to `base` (`$` when empty).
    static QString appendPath(const QString &base, const QList<JsonStep> &steps);
    /// A snake_case column name for a source field: `user.id` → `user_id`, `createdAt` →
    /// `created_at`.
    static QString suggestedName(const QString &sourceField);
};

} // namespace uis
