// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace uis {

/**
 * Settings that are not part of the spec: where and how the compiled job runs.
 * Every field is optional; an empty value picks the documented default.
 */
struct CompileOptions
{
    /// Spark master: empty = Kubernetes (`k8s://https://kubernetes.default.svc.cluster.local:443`),
    /// or e.g. `local[*]` for a local run (which also selects client deploy mode).
    QString master;
    /// Where the job config JSON will be when the job runs; empty = `/opt/uis/jobs/<name>.json`.
    QString jobConfigPath;
    /// The job runner file; empty = `local:///opt/uis/runners/spark/uis_spark_runner.py` on
    /// Kubernetes, `runners/spark/uis_spark_runner.py` locally (Flink:
    /// `/opt/uis/runners/flink/uis_flink_runner.py` or `runners/flink/uis_flink_runner.py`).
    QString runnerPath;
    /// Spark version (`3.5`, `3.5.7`, `4.0`, …); empty = `config.spark_version`, else 3.5.
    /// Picks the Scala suffix and versions of the `--packages`.
    QString sparkVersion;
    /// `flink run -t` target: `kubernetes-session` (default), `remote`, `local`,
    /// `kubernetes-application`, `yarn-application`.
    QString flinkTarget;
    /// No artifacts: the findings and, when the caller asks for it, the job document. SpecCheck
    /// (validate, Problems) and the DCP compiler need no more, and serialising the engine's
    /// artifacts is a large part of a large spec's compile.
    bool diagnosticsOnly = false;
    /// The one artifact wanted (`flink-sql`, …), empty = all. `flink-sql` and `flink-run` then
    /// skip building and writing the job document.
    QString onlyTarget;
};

/// One generated file.
struct Artifact
{
    QString target;     ///< `spark-job`, `spark-submit`, … (the CLI's `--target`)
    QString fileName;   ///< suggested file name, e.g. `market-data-ingestion.spark-job.json`
    QString language;   ///< `json`, `shell`, `sql` or `yaml` (for highlighting)
    QByteArray content; ///< UTF-8; JSON artifacts end with a newline
};

/// What a compiler returns: artifacts (none when the spec has errors) and diagnostics.
struct CompileResult
{
    QList<Artifact> artifacts;
    DiagnosticList diagnostics;

    /// True when there is no error diagnostic.
    bool succeeded() const;
    /// The artifact for `target`, or nullptr.
    const Artifact *artifact(const QString &target) const;
};

} // namespace uis
