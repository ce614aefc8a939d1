// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "sourcenode.h"
#include "spec.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace uis {

/// Rows for one endpoint (inputs) or one sink (expectations), in file order.
struct PipelineTestRows
{
    QString name;           ///< endpoint or sink name
    QString pointer;        ///< JSON Pointer of the list in the tests file
    SourcePos pos;          ///< where the name was written
    QList<SourceNode> rows; ///< each a map of column → scalar
};

/// One golden-data case of a `*.tests.yaml`.
struct PipelineTestCase
{
    QString name;
    QString pointer;
    SourcePos pos;
    QList<PipelineTestRows> inputs; ///< endpoint → rows, read in this order as a bounded stream
    QList<PipelineTestRows> expect; ///< sink → rows
    QStringList columns;            ///< compare only these; empty = every expected column
    QList<SourcePos> columnPos;     ///< where each of `columns` was written
    bool ordered = false;           ///< compare rows in order instead of as a multiset
    QList<Engine> engines;          ///< empty = every engine that applies
};

/**
 * The `<name>.tests.yaml` next to a spec (UIS-SPEC.md, "Pipeline tests"): golden-data cases that
 * `uisctl test` runs on the real engines. Reading reports shape errors with line and column like
 * a spec; check() reports names that do not exist in the spec.
 */
class PipelineTests
{
public:
    QList<PipelineTestCase> cases;
    DiagnosticList diagnostics;

    /// Parses YAML or JSON text; never throws.
    static PipelineTests read(const QByteArray &data);
    /// Reads a file; an unreadable file is a `UIS-E-IO` diagnostic.
    static PipelineTests readFile(const QString &path);
    /// `dir/pipeline.uis.yaml` → `dir/pipeline.tests.yaml` (`.uis.json` → `.tests.yaml` too).
    static QString pathForSpec(const QString &specPath);

    /// Unknown endpoints and sinks, with "did you mean" where a name is close.
    DiagnosticList check(const Spec &spec) const;
    /// Columns a case names (in `columns:` or as an expected row's key) that its sink does not
    /// have. `sinkColumns` maps a sink to its columns (SinkColumns::of); sinks it leaves out
    /// are not checked.
    DiagnosticList checkColumns(const QHash<QString, QStringList> &sinkColumns) const;
    /// The cases that run on `engine`.
    QList<PipelineTestCase> casesFor(Engine engine) const;
};

} // namespace uis
