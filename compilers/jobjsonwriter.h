// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compileindex.h"
#include "jobjsontraits.h"
#include "jsonconvert.h"

#include <QStringList>

namespace uis {

/**
 * Writes the `sources`, `transforms` and `sinks` of a job config, the part the Spark and the
 * Flink job JSON share: one walk over the spec's nodes, with the engine's own keys supplied by
 * a JobJsonTraits. Also the small JSON helpers both engines use.
 */
class JobJsonWriter
{
public:
    JobJsonWriter(const CompileIndex &index, JobJsonTraits &traits);

    /// Appends `sources`, `transforms` and `sinks` to `job`, in that order.
    void write(OrderedJson &job);

    /// What a node name means in the job: an endpoint with a field_mapping is read through its
    /// `map_<endpoint>` transform, other endpoints through their source; transforms by name.
    QString relation(const QString &name) const;
    QStringList relations(const QStringList &names) const;

    /// An ordered string map as a JSON object.
    static OrderedJson stringMap(const StringMap &map);
    /// A string list as a JSON array.
    static OrderedJson stringList(const QStringList &list);
    /// A schema as `[{"name", "type", "nullable"}, …]`.
    static OrderedJson schema(const QList<SchemaField> &fields);
    /// A number: integral values as integers, so `20` does not print as `20.0`.
    static OrderedJson number(double value);

private:
    OrderedJson sources();
    OrderedJson transforms();
    OrderedJson sinks();

    const CompileIndex &m_index;
    JobJsonTraits &m_traits;
};

} // namespace uis
