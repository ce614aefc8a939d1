// SPDX-License-Identifier: Apache-2.0
#include "libgit2init.h"

#include <git2.h>

namespace uis {

void LibGit2Init::ensure()
{
    // A function-local static is initialised exactly once, even with threads (the designer
    // diffs off the GUI thread); libgit2 stays initialised until the process ends.
    static const int once = git_libgit2_init();
    (void)once;
}

} // namespace uis
