// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "documentcommand.h"
#include "graphmodel.h"

namespace uis {

/// Stops `to` reading from `from`. When no explicit input is left the `inputs` key goes, so
/// the spec's defaults apply again.
class DisconnectNodes : public DocumentCommand
{
public:
    DisconnectNodes(PipelineDocument *document, NodeId from, NodeId to, QUndoCommand *parent = nullptr);
};

} // namespace uis
