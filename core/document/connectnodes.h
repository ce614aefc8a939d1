// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "documentcommand.h"
#include "graphmodel.h"

namespace uis {

/// Makes `to` read from `from` by writing its `inputs`. A node still on default inputs gets
/// exactly the new one: an explicit connection replaces the defaults.
class ConnectNodes : public DocumentCommand
{
public:
    ConnectNodes(PipelineDocument *document, NodeId from, NodeId to, QUndoCommand *parent = nullptr);
};

} // namespace uis
