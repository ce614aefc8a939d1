// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compileindex.h"
#include "compiler.h"

#include <QSet>

namespace uis {

/**
 * What every part of the Flink compile shares: the spec and its index, the options, the
 * diagnostics so far, and the names the parts agree on (source tables, JSON pointers).
 */
class FlinkContext
{
public:
    FlinkContext(const CompileIndex &index, const CompileOptions &options);

    const Spec &spec() const { return m_index.spec(); }
    const Provider &provider() const { return m_index.spec().provider; }
    const CompileIndex &index() const { return m_index; }
    const CompileOptions &options() const { return m_options; }
    const DiagnosticList &diagnostics() const { return m_diagnostics; }
    DiagnosticList &diagnostics() { return m_diagnostics; }

    void error(const QString &code, const QString &message, const QString &pointer);
    void warning(const QString &code, const QString &message, const QString &pointer);
    void info(const QString &code, const QString &message, const QString &pointer);
    /// While quiet, diagnostics are dropped. Returns the previous setting.
    bool setQuiet(bool quiet);

    static QString endpointPointer(int i);
    static QString transformPointer(int i);
    static QString sinkPointer(int i);

    /// The provider's records arrive through a Kafka bridge (websocket, webhook).
    bool bridged() const;
    /// `cdc` for database providers, else the provider type.
    QString sourceKind() const { return sourceKind(provider().providerType); }
    /// The same for a provider type (the prefix of source tables and job sources).
    static QString sourceKind(const QString &providerType);
    /// `<kind>_<endpoint>`: the source table of an endpoint.
    QString sourceTable(const Endpoint &e) const;
    /// `config.kafka_bootstrap_servers`.
    QString bootstrap() const { return m_bootstrap; }
    /// `config.flink_version`, else the default.
    QString flinkVersion() const;
    /// `s3://` → `s3a://`, with an info diagnostic at `pointer`.
    QString s3a(const QString &url, const QString &pointer);

private:
    void add(Severity severity, const QString &code, const QString &message,
             const QString &pointer);

    const CompileIndex &m_index;
    const CompileOptions &m_options;
    DiagnosticList m_diagnostics;
    QSet<QString> m_seen; ///< the diagnostics so far, so adding one does not scan them all
    bool m_quiet = false;
    QString m_bootstrap;
};

} // namespace uis
