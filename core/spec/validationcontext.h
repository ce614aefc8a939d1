// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "formatrules.h"
#include "sourcenode.h"

#include <QString>

#include <memory>

namespace uis {

class SpecSchema;
struct Spec;

/**
 * What the validation passes share while checking one document: the tree, the schema, the
 * provider type most rules depend on, and the diagnostics found so far.
 */
class ValidationContext
{
public:
    /// `spec`, when given, is SpecBuilder::build(root), which the caller already has.
    explicit ValidationContext(const SourceNode &root, const Spec *spec = nullptr);
    ~ValidationContext();

    const SourceNode &root() const { return m_root; }
    const SpecSchema &schema() const { return m_schema; }
    /// `provider.provider_type` as written, "" when absent.
    const QString &providerType() const { return m_providerType; }
    /// The typed model of the tree (built on first use when the caller gave none).
    const Spec &spec();

    void error(const QString &code, const QString &message, const QString &pointer, SourcePos pos);
    void warning(const QString &code, const QString &message, const QString &pointer,
                 SourcePos pos);
    /// Reports a broken format rule as an error; does nothing for an empty problem.
    /// Returns whether there was a problem.
    bool report(const FormatProblem &problem, const QString &pointer, SourcePos pos);

    /// Position of the node at `pointer`, or of its nearest existing ancestor.
    SourcePos posOf(QString pointer) const;
    /// The scalar text at `pointer`, or "".
    QString textAt(QStringView pointer) const;

    /// Everything found, sorted by position.
    DiagnosticList takeDiagnostics();

private:
    void add(Severity s, const QString &code, const QString &message, const QString &pointer,
             SourcePos pos);

    const SourceNode &m_root;
    const SpecSchema &m_schema;
    QString m_providerType;
    DiagnosticList m_out;
    const Spec *m_spec = nullptr;
    std::unique_ptr<Spec> m_builtSpec;
};

} // namespace uis
