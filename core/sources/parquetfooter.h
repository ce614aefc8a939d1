// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schemainferrer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace uis {

/// What a Parquet file's footer says about its data.
struct ParquetSchema
{
    QList<InferredField> fields; ///< flattened as the inference names nested columns: `a.b`
    qint64 rows = 0;             ///< num_rows of the file
};

/**
 * The schema of a Parquet file from its footer (the Thrift compact-encoded FileMetaData at the
 * end of the file), without reading any data page.
 *
 * Types follow the logical (or legacy converted) annotation, else the physical type: STRING,
 * ENUM, UTF8 → `string`; JSON → `json`; DECIMAL → `decimal(p,s)`; DATE → `date`; TIMESTAMP
 * and INT96 (Spark's legacy timestamps) → `timestamp`; INTEGER by bit width → `int` or `long`;
 * BOOLEAN → `boolean`; INT32 → `int`; INT64 → `long`; FLOAT, DOUBLE → `double`; other binary →
 * `string`. A group annotated LIST or MAP (or a repeated field) is `json`; any other group is
 * flattened into `group.child` columns. A column is nullable when it or a group above it is
 * OPTIONAL.
 */
class ParquetFooter
{
public:
    /// Reads the footer of `path`; nullopt with `error` when it is not a Parquet file.
    static std::optional<ParquetSchema> read(const QString &path, QString *error);
    /// Decodes a serialized FileMetaData.
    static std::optional<ParquetSchema> decode(const QByteArray &metadata, QString *error);
};

} // namespace uis
