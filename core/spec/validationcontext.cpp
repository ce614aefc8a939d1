// SPDX-License-Identifier: Apache-2.0
#include "validationcontext.h"

#include "specbuilder.h"
#include "specschema.h"

namespace uis {

ValidationContext::ValidationContext(const SourceNode &root, const Spec *spec)
    : m_root(root), m_schema(SpecSchema::instance()), m_spec(spec)
{
    m_providerType = textAt(u"/provider/provider_type");
}

ValidationContext::~ValidationContext() = default;

const Spec &ValidationContext::spec()
{
    if (!m_spec) {
        m_builtSpec = std::make_unique<Spec>(SpecBuilder::build(m_root));
        m_spec = m_builtSpec.get();
    }
    return *m_spec;
}

void ValidationContext::add(Severity s, const QString &code, const QString &message,
                            const QString &pointer, SourcePos pos)
{
    m_out.append(Diagnostic{s, code, message, pointer, pos.line, pos.column});
}

void ValidationContext::error(const QString &code, const QString &message, const QString &pointer,
                              SourcePos pos)
{
    add(Severity::Error, code, message, pointer, pos);
}

void ValidationContext::warning(const QString &code, const QString &message, const QString &pointer,
                                SourcePos pos)
{
    add(Severity::Warning, code, message, pointer, pos);
}

bool ValidationContext::report(const FormatProblem &problem, const QString &pointer, SourcePos pos)
{
    if (problem.isEmpty())
        return false;
    error(problem.code, problem.message, pointer, pos);
    return true;
}

SourcePos ValidationContext::posOf(QString ptr) const
{
    while (true) {
        if (const SourceNode *n = m_root.at(ptr))
            return n->pos();
        const qsizetype slash = ptr.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            return m_root.pos();
        ptr = ptr.left(slash);
    }
}

QString ValidationContext::textAt(QStringView ptr) const
{
    const SourceNode *n = m_root.at(ptr);
    return (n && n->isScalar()) ? n->text() : QString();
}

DiagnosticList ValidationContext::takeDiagnostics()
{
    sortDiagnostics(m_out);
    return std::move(m_out);
}

} // namespace uis
