// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace uis {

/// Merge ids of undo commands (QUndoCommand::id); one enum so they never collide.
enum class CommandId : int {
    ReplaceText = 1, ///< consecutive typing in the Source editor
    SetValue,        ///< consecutive edits of the same field
};

} // namespace uis
