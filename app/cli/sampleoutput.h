// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "databasesampler.h"
#include "paginationdetector.h"
#include "schemainferrer.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace uis::cli {

/// How `uisctl sample` prints what it sampled (samplecommand.cpp decides what to print).
class SampleOutput
{
public:
    /// One compact JSON document per line.
    static QString jsonLines(const QJsonArray &records);
    /// One indented JSON array.
    static QString jsonArray(const QJsonArray &records);
    /// A text table of the flattened columns, cells cut at `width` characters; first the
    /// records' `metadata` (parallel to them, e.g. Kafka's partition and key) when given.
    static QString table(const QJsonArray &records, const QList<InferredField> &columns,
                         const QJsonArray &metadata = {}, const QStringList &metadataFields = {},
                         int width = 32);
    /**
     * `endpoints: {NAME: {schema: [...], pagination: ...}}` as YAML. `pagination` is written
     * only when a style was confirmed that differs from `declared`; what was seen but not
     * confirmed (and a declared style that was confirmed) is written as comments. Several
     * `tables` (a CDC endpoint) share the one `schema` (UIS-SPEC: one per endpoint, merged by
     * DatabaseSampler::mergeCatalogues()); each table's own is written as comments.
     */
    static QString inferYaml(const QString &endpoint, const QList<InferredField> &schema,
                             const QString &declared, const QList<PaginationProposal> &pagination,
                             qint64 records, const QList<SampledTable> &tables = {});
    /// A YAML plain scalar when it can be one, else double-quoted.
    static QString yamlScalar(const QString &s);
};

} // namespace uis::cli
