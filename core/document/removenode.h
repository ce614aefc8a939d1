// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "documentcommand.h"
#include "graphmodel.h"

#include <QList>

namespace uis {

/// Deletes nodes, drops their names from other nodes' inputs and forgets their positions.
class RemoveNode : public DocumentCommand
{
public:
    RemoveNode(PipelineDocument *document, const QList<NodeId> &ids, QUndoCommand *parent = nullptr);
};

} // namespace uis
