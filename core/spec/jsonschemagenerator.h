// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace uis {

/**
 * Generates the JSON Schema (draft 2020-12) of UIS 1.1 from SpecSchema, for editors such as
 * VS Code's YAML extension and JetBrains IDEs. Unknown keys are allowed, as they are warnings,
 * not errors, in the validator.
 */
class JsonSchemaGenerator
{
public:
    static QByteArray generate();
};

} // namespace uis
