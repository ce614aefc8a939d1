// SPDX-License-Identifier: Apache-2.0
#include "compileindex.h"

namespace uis {

CompileIndex::CompileIndex(const Spec &spec) : m_spec(spec)
{
    const Provider &p = spec.provider;
    QStringList allEndpoints;
    allEndpoints.reserve(p.endpoints.size());
    m_endpoints.reserve(p.endpoints.size());
    // The first name wins, as the scans this replaces found it first.
    for (const Endpoint &e : p.endpoints)
        allEndpoints.append(e.name);
    for (int i = p.transforms.size() - 1; i >= 0; --i)
        m_transforms.insert(p.transforms.at(i).name, i);
    for (int i = p.endpoints.size() - 1; i >= 0; --i)
        m_endpoints.insert(p.endpoints.at(i).name, i);

    // Spec::effectiveTransformInputs/effectiveSinkInputs and Spec::sinkName, each in one pass.
    m_transformInputs.reserve(p.transforms.size());
    for (int i = 0; i < p.transforms.size(); ++i) {
        const Transform &t = p.transforms.at(i);
        if (!t.inputs.isEmpty())
            m_transformInputs.append(t.inputs);
        else if (i > 0)
            m_transformInputs.append(QStringList{p.transforms.at(i - 1).name});
        else
            m_transformInputs.append(allEndpoints);
    }
    QHash<QString, int> perType;
    m_sinkNames.reserve(p.sinks.size());
    m_sinkInputs.reserve(p.sinks.size());
    for (int i = 0; i < p.sinks.size(); ++i) {
        const Sink &s = p.sinks.at(i);
        const int n = ++perType[s.type];
        m_sinkNames.append(s.name.isEmpty() ? QStringLiteral("%1_%2").arg(s.type).arg(n) : s.name);
        if (!s.inputs.isEmpty())
            m_sinkInputs.append(s.inputs);
        else if (!p.transforms.isEmpty())
            m_sinkInputs.append(QStringList{p.transforms.last().name});
        else
            m_sinkInputs.append(allEndpoints);
    }
    for (int i = p.sinks.size() - 1; i >= 0; --i)
        m_sinks.insert(m_sinkNames.at(i), i);
}

const Endpoint *CompileIndex::endpoint(const QString &name) const
{
    const auto it = m_endpoints.constFind(name);
    return it == m_endpoints.constEnd() ? nullptr : &m_spec.provider.endpoints.at(*it);
}

int CompileIndex::transformIndex(const QString &name) const
{
    return m_transforms.value(name, -1);
}

int CompileIndex::sinkIndex(const QString &name) const
{
    return m_sinks.value(name, -1);
}

} // namespace uis
