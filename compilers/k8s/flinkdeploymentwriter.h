// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "jsonconvert.h"
#include "spec.h"

#include <QByteArray>
#include <QString>

namespace uis {

/**
 * The `flink-deployment` target (docs/COMPILERS.md, "Kubernetes manifests"): a `FlinkDeployment`
 * (`flink.apache.org/v1beta1`) for the Flink Kubernetes Operator, built from the `flink-job`
 * document the Flink compiler made, so both say the same.
 *
 * The operator has no SQL API: its SQL runner (examples/flink-sql-runner-example) is a jar in
 * the image that runs the one script named by `job.args`. The manifest therefore holds two
 * documents: a ConfigMap with the job's SQL script, then the FlinkDeployment, which mounts it
 * into the pods and starts the runner on it.
 */
class FlinkDeploymentWriter
{
public:
    /// The manifest YAML (ConfigMap, `---`, FlinkDeployment) for the job config `job`; notes on
    /// what the image must hold, placeholders and versions go to `diagnostics`.
    static QByteArray write(const Spec &spec, const OrderedJson &job, DiagnosticList *diagnostics);
    /// The FlinkDeployment document.
    static OrderedJson deployment(const Spec &spec, const OrderedJson &job);
    /// The ConfigMap holding the SQL script (key: sqlFileName()).
    static OrderedJson sqlConfigMap(const Spec &spec, const OrderedJson &job);
    /// `1.20` → `v1_20`, the operator's `flinkVersion`.
    static QString operatorFlinkVersion(const QString &flinkVersion);
    /// The script's file name in the ConfigMap and in the pods: `<name>.sql`.
    static QString sqlFileName(const Spec &spec);
    /// The SQL runner jar the FlinkDeployment starts.
    static QString sqlRunnerJar();
    /// Where the ConfigMap is mounted in the pods.
    static QString sqlMountPath();
};

} // namespace uis
