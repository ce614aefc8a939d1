// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace uis {

class MainWindow;

/// Adds the feature integrations to the designer window — Jobs (with upgrades and the run
/// overlay), Clusters, Data Preview (with the warm engines' status), Sample, Engines and Changes
/// — with their docks, menus, toolbar actions and status bar widgets. The window itself knows
/// none of them; main() and the GUI tests assemble the same designer through this one function.
void installStudioExtensions(MainWindow &window);

} // namespace uis
