// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "diagnostic.h"
#include "jsonconvert.h"
#include "spec.h"

#include <QByteArray>

namespace uis {

/**
 * The `spark-application` target (docs/COMPILERS.md, "Kubernetes manifests"): a
 * `SparkApplication` (`sparkoperator.k8s.io/v1beta2`) for the Kubeflow Spark operator, built from
 * the `spark-job` document the Spark compiler made: the same runner, arguments, conf, packages,
 * image and service account as the `spark-submit` line for Kubernetes.
 */
class SparkApplicationWriter
{
public:
    /// The manifest YAML for the job config `job`; notes go to `diagnostics`.
    static QByteArray write(const Spec &spec, const CompileOptions &options, const OrderedJson &job,
                            DiagnosticList *diagnostics);
    /// The SparkApplication document.
    static OrderedJson application(const Spec &spec, const CompileOptions &options,
                                   const OrderedJson &job);
};

} // namespace uis
