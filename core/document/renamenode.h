// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "documentcommand.h"
#include "graphmodel.h"

namespace uis {

/// Renames a node and every explicit input that names it; its canvas position moves along.
class RenameNode : public DocumentCommand
{
public:
    RenameNode(PipelineDocument *document, NodeId id, const QString &newName, QUndoCommand *parent = nullptr);
};

} // namespace uis
