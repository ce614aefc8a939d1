// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "jsonconvert.h"
#include "specloader.h"

#include <QStringList>

namespace uis {

/**
 * Compiles a spec of either engine to the DCP job API (docs/COMPILERS.md, "DCP request and
 * manifest"; shared/docs/DCP-API.md).
 *
 * Artifacts: `dcp-request` (the body of `POST /api/v1/jobs`; Flink specs use the
 * `config.engine: "flink"` extension) and, for Spark specs, `dcp-manifest` (the GitOps YAML,
 * `kind: SparkJob`).
 */
class DcpCompiler
{
public:
    static CompileResult compile(const LoadedSpec &spec, const CompileOptions &options = {});
    /// Only the artifact of `target` (`dcp-request` or `dcp-manifest`), with the diagnostics
    /// compile() gives: on large specs the other artifact costs as much as the one asked for.
    /// No artifact when the target does not apply (`dcp-manifest` of a Flink spec).
    /// `documentOut` takes the request document, when one is made: a caller about to end need
    /// not free it node by node.
    static CompileResult compileTarget(const LoadedSpec &spec, const QString &target,
                                       const CompileOptions &options = {},
                                       OrderedJson *documentOut = nullptr);

    /// The targets produced for a spec of `engine`.
    static QStringList targets(Engine engine);

    /// The request body for a spec that validated.
    static OrderedJson request(const Spec &spec, const CompileOptions &options = {},
                               DiagnosticList *diagnostics = nullptr);
    /// The manifest YAML for a Spark spec that validated.
    static QByteArray manifest(const Spec &spec, const CompileOptions &options = {});

private:
    /// The request around the engine's job config `job`.
    /// `shareJobSpec`: core_etl.job_spec is left for RequestDumper (dcpcompiler.cpp) to fill.
    static OrderedJson requestFor(const Spec &spec, const CompileOptions &options, OrderedJson job,
                                  bool shareJobSpec = false);
    /// The manifest around the Spark job config `job` (whose parts it takes over).
    static QByteArray manifestFor(const Spec &spec, const CompileOptions &options, OrderedJson job);
    /// compile() with `request` and/or `manifest` (the targets that apply of those asked for).
    static CompileResult compileArtifacts(const LoadedSpec &spec, const CompileOptions &options,
                                          bool request, bool manifest,
                                          OrderedJson *documentOut = nullptr);
};

} // namespace uis
