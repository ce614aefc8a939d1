// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spec.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace uis {

/**
 * The nodes of one spec by name, built once at the start of a compile and passed down, so every
 * lookup is a hash probe instead of a scan of the spec (a scan per lookup made compiles
 * quadratic in the number of endpoints).
 *
 * Holds pointers into the spec: it must not outlive it, and the spec must not change meanwhile.
 * A Spec converts to an index implicitly, so the compilers' entry points take either: callers
 * with one spec pass it, a compile that needs several passes indexes once and passes the index.
 */
class CompileIndex
{
public:
    CompileIndex(const Spec &spec); // NOLINT(google-explicit-constructor): see above

    const Spec &spec() const { return m_spec; }
    /// The endpoint called `name`, or nullptr.
    const Endpoint *endpoint(const QString &name) const;
    /// The index of the transform called `name`, or -1.
    int transformIndex(const QString &name) const;
    /// The index of the sink whose effective name is `name`, or -1.
    int sinkIndex(const QString &name) const;
    /// Spec::sinkName(index), computed once for all sinks.
    QString sinkName(int index) const { return m_sinkNames.at(index); }
    /// Spec::effectiveTransformInputs(index), computed once.
    const QStringList &transformInputs(int index) const { return m_transformInputs.at(index); }
    /// Spec::effectiveSinkInputs(index), computed once.
    const QStringList &sinkInputs(int index) const { return m_sinkInputs.at(index); }

private:
    const Spec &m_spec;
    QHash<QString, int> m_endpoints;
    QHash<QString, int> m_transforms;
    QHash<QString, int> m_sinks;
    QStringList m_sinkNames;
    QList<QStringList> m_transformInputs;
    QList<QStringList> m_sinkInputs;
};

} // namespace uis
