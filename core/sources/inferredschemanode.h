// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schemainferrer.h"
#include "sourcenode.h"

#include <QList>
#include <QMap>
#include <QString>

namespace uis {

/**
 * An inferred schema as the endpoint's `schema` value (Apply as schema): one flow map
 * `{ name, type, nullable }` per column, in the order the columns were first seen. A column
 * that `field_mapping` renames is declared under its new name, as the compilers see it.
 */
class InferredSchemaNode
{
public:
    static SourceNode build(const QList<InferredField> &fields,
                            const QMap<QString, QString> &fieldMapping = {});
};

} // namespace uis
