// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schemainferrer.h"
#include "spec.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <limits>

namespace uis {

/// What a file sample holds.
struct FileSampleResult
{
    QStringList files;          ///< the files read, in order
    QJsonArray records;         ///< at most the limit
    QStringList notes;          ///< bounds reached
    QString error;              ///< why nothing could be read, "" otherwise
    QSet<QString> fractionKeys; ///< JSON keys written with a fraction (SchemaInferrer)
    /// Parquet: the schema its footer declares (no record is read), and its row count.
    QList<InferredField> fileSchema;
    qint64 fileRows = 0;
};

/**
 * Samples a `file_ftp` endpoint: `base_url` (`file://`, a path, or `s3a://bucket/prefix`) +
 * the endpoint's glob (wildcards in the last segment), read in name order. `s3a://` objects are
 * listed and read by S3ObjectReader (ranged GETs: the first maxBytes; of Parquet only the
 * footer), then parsed exactly as local files are.
 *
 * - CSV: the `header` option (`"true"`: the first line names the columns, else `_c0`, `_c1`, …
 *   as Spark names them) and `sep`/`delimiter` (default `,`); quoted fields with `""` escapes
 *   and line breaks. Each cell becomes the JSON value a reader with schema inference would
 *   see: empty → null, `true`/`false` → boolean, an integer or a decimal number → a number,
 *   anything else a string.
 * - JSON: one document (an array is its records, an object one record) or JSON lines.
 * - Parquet: the schema of the first file, from its footer (ParquetFooter), in `fileSchema`;
 *   no record is read.
 *
 * Bounded by `maxBytes` read per file and `maxRecords`.
 */
class FileSampler : public QObject
{
    Q_OBJECT
public:
    explicit FileSampler(QObject *parent = nullptr);

    /// Reads synchronously (call it off the GUI thread, or use start()).
    /// With `inferInto`, the records go to that inferrer instead of the result: JSON is read
    /// as text, without building documents (SchemaInferrer::addJsonText), which is what makes
    /// `uisctl sample --infer` fast on large files.
    static FileSampleResult sample(const Provider &provider, const Endpoint &endpoint,
                                   int maxRecords = 100, qint64 maxBytes = 64 * 1024 * 1024,
                                   SchemaInferrer *inferInto = nullptr);
    /**
     * The files the endpoint's glob names, in name order; an error text in `error`. An S3
     * listing goes page after page until `maxFiles` match or it has read `maxListBytes` (then
     * `notes` says so).
     */
    static QStringList files(const Provider &provider, const Endpoint &endpoint, QString *error,
                             int maxFiles = std::numeric_limits<int>::max(),
                             qint64 maxListBytes = 64 * 1024 * 1024, QStringList *notes = nullptr);

    /// Runs sample() on the thread pool; finished() follows.
    void start(const Provider &provider, const Endpoint &endpoint, int maxRecords = 100,
               qint64 maxBytes = 64 * 1024 * 1024);
    const FileSampleResult &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    QFutureWatcher<FileSampleResult> m_watcher;
    FileSampleResult m_result;
};

} // namespace uis
