// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace uis {

/// libgit2 must be initialised once per process before any call; this does it on first use.
class LibGit2Init
{
public:
    static void ensure();
};

} // namespace uis
