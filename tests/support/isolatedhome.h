// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace uis::test {

/// Points this process's HOME and XDG config/data/state folders into `dir`, turns the keychain off
/// and forgets any DCP server the developer's shell names, so a GUI test neither reads nor writes
/// the developer's settings, tokens or environments. Call before the first widget is created.
void isolateHome(const QString &dir);

} // namespace uis::test
