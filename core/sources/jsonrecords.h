// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

namespace uis {

/**
 * The records of a response, found the way the Spark runner finds them
 * (runners/uis_runners/spark/rest_fetch.py): a simple JSONPath (`$`, `$.a.b`, `$.a[0].b`,
 * `$['a']`, `$.a[*]`), then a list is the records, an object is one record, nothing is none.
 */
class JsonRecords
{
public:
    /// The value at `path`, or Undefined when absent. An empty path or `$` is the document.
    static QJsonValue at(const QJsonValue &doc, const QString &path);
    /// The records after `responsePath`.
    static QJsonArray records(const QJsonValue &doc, const QString &responsePath);
    /// The value at a dotted path (`links.next`), or Undefined: the runner's cursor lookup.
    static QJsonValue dotted(const QJsonValue &doc, const QString &path);
    /// A value as a table cell shows it: strings bare, `null`, objects and arrays as compact
    /// JSON, numbers and booleans as JSON writes them; nothing for Undefined (a missing field).
    static QString cellText(const QJsonValue &v);
};

} // namespace uis
