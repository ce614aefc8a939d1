// SPDX-License-Identifier: Apache-2.0
#include "validator.h"

#include "graphpass.h"
#include "lineagepass.h"
#include "schemapass.h"
#include "semanticpass.h"
#include "validationcontext.h"

namespace uis {

DiagnosticList Validator::validate(const SourceNode &root, const Spec *spec)
{
    ValidationContext context(root, spec);
    // The later passes read structure the schema pass has vouched for (or reported), and a
    // document that is not a mapping has nothing for them to read.
    if (SchemaPass(context).run()) {
        SemanticPass(context).run();
        GraphPass(context).run();
        LineagePass(context).run();
    }
    return context.takeDiagnostics();
}

} // namespace uis
