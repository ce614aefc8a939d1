// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QString>

namespace uis {

class ValidationContext;
struct FieldDef;
struct ObjectDef;

/**
 * The first validation pass: the document against the tables of SpecSchema. Every key is
 * known (or warned about with a suggestion), every required field is there, and every value
 * has its field's type and passes the FormatRules of its field.
 */
class SchemaPass
{
public:
    explicit SchemaPass(ValidationContext &context);

    /// Returns false when the document is not even a mapping; later passes are then skipped.
    bool run();

private:
    const ObjectDef *resolveObject(const QString &type, const SourceNode &n) const;
    void checkObjectOfType(const SourceNode &n, const QString &type, const QString &ptr);
    void checkObject(const SourceNode &n, const ObjectDef &def, const QString &ptr,
                     const QString &kind = QString());
    void missing(const SourceNode &parent, const QString &ptr, const FieldDef &f,
                 const QString &what);
    void unknownKey(const SourceNode &c, const ObjectDef &def, const QString &ptr,
                    const QString &kind);
    bool expectType(const SourceNode &n, bool ok, const QString &expected, const QString &ptr,
                    const QString &hint = QString());
    void checkField(const SourceNode &n, const FieldDef &f, const QString &ptr);

    ValidationContext &m_ctx;
};

} // namespace uis
