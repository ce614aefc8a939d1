// SPDX-License-Identifier: Apache-2.0
#include "compiler.h"

namespace uis {

bool CompileResult::succeeded() const
{
    return !hasErrors(diagnostics);
}

const Artifact *CompileResult::artifact(const QString &target) const
{
    for (const Artifact &a : artifacts) {
        if (a.target == target)
            return &a;
    }
    return nullptr;
}

} // namespace uis
