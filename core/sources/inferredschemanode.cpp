// SPDX-License-Identifier: Apache-2.0
#include "inferredschemanode.h"

namespace uis {

SourceNode InferredSchemaNode::build(const QList<InferredField> &fields,
                                     const QMap<QString, QString> &fieldMapping)
{
    SourceNode list = SourceNode::makeList();
    list.setStyle(SourceNode::Style::Block);
    for (const InferredField &f : fields) {
        SourceNode entry = SourceNode::makeMap();
        // One line per column keeps the patch (and its diff) one line per added column.
        entry.setStyle(SourceNode::Style::Flow);
        entry.insert(QStringLiteral("name"),
                     SourceNode::makeString(fieldMapping.value(f.name, f.name)));
        entry.insert(QStringLiteral("type"), SourceNode::makeString(f.type));
        entry.insert(QStringLiteral("nullable"), SourceNode::makeBool(f.nullable));
        list.append(entry);
    }
    return list;
}

} // namespace uis
