// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "inferredtype.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

#include <string>
#include <unordered_map>
#include <vector>

namespace uis {

/// One column of an inferred schema, with the counts it was decided from.
struct InferredField
{
    QString name;          ///< flattened path as `field_mapping` writes it: `a.b`
    QString type;          ///< a UIS schema type: int, long, double, decimal(p,s), boolean,
                           ///< string, date, timestamp or json
    bool nullable = false; ///< null or missing in at least one record
    qint64 nulls = 0;      ///< records where it was `null`
    qint64 missing = 0;    ///< records where it was absent (or its parent was not an object)
    bool everNull() const { return nulls > 0; }
};

/**
 * Infers a UIS schema from JSON records, one record at a time (so a sample of any size is read
 * once, in constant memory per field).
 *
 * The rules (also in core/sources/README.md; the types and how they widen are InferredType's):
 * - Numbers: an integer that fits 32 bits is `int`, one that fits 64 bits `long` (bigint), any
 *   other number `double`. A column widens int → long → double as values come.
 * - Strings: ISO-8601 timestamps (TemporalText) are `timestamp`, `YYYY-MM-DD` alone is `date`
 *   (a column of dates and timestamps is `timestamp`), a plain decimal number written as a
 *   string (`"19.90"`, a fraction point, no exponent) is `decimal(p,s)` with the largest
 *   integer digits and scale seen (p ≤ 38). Anything else is `string`.
 * - Epoch milliseconds: integers (and digit strings) in a field whose name says time
 *   (TemporalText::isTimeName) and in 2000–2100 are `timestamp`; mixed with ISO strings they
 *   stay `timestamp` (the engines read both in one column); mixed with other integers they are
 *   `long`.
 * - `true`/`false` is `boolean`.
 * - Objects are flattened: `{"a": {"b": 1}}` gives the column `a.b`. An array, an empty object
 *   or a field that is an object in some records and a scalar in others is `json`.
 * - Mixed scalars (a number and a string, a boolean and a number, …) become `string`.
 * - Nullability: a column is nullable when it is `null` or absent in at least one record
 *   (absent includes a parent that is missing or null). A column only ever `null` is a
 *   nullable `string`.
 * - A record that is not an object is the single column `value`.
 *
 * Columns come out in the order they were first seen, the keys of one object in alphabetical
 * order (QJsonObject keeps them sorted). `1.0` needs noteRawText(): Qt's reader makes it 1.
 */
class SchemaInferrer
{
public:
    void addRecord(const QJsonValue &record);
    void addRecords(const QJsonArray &records);
    qint64 recordCount() const { return m_records; }

    /**
     * Qt's JSON reader turns `1.0` into the integer 1, so the raw text the records came from is
     * scanned for keys written with a fraction or an exponent (`"amount": 2.0`); an integer
     * column whose own name (the last segment) is among them is `double`. Over-approximates
     * when the same key name appears at another depth: wider, so it still accepts every record.
     */
    void noteRawText(const QByteArray &json);
    /// The keys a JSON text writes a number with a fraction or exponent for.
    static QSet<QString> keysWithFractions(const QByteArray &json);
    void addFractionKeys(const QSet<QString> &keys) { m_fractionKeys.unite(keys); }

    /**
     * Reads records straight from JSON text, without building documents: JSON lines (one record
     * per line) or, with `lines` false, one document whose top-level array holds the records (an
     * object is one record). Numbers keep their written form (`1.0` is a double) and keys their
     * order. At most `maxRecords` (-1: all). Returns false and an error on malformed text.
     */
    bool addJsonText(const QByteArray &text, bool lines, qint64 maxRecords = -1,
                     QString *error = nullptr);

    /// The schema so far.
    QList<InferredField> fields() const;

private:
    struct Column
    {
        QString path;
        int parent = -1;
        bool timeName = false;
        InferredType type;  // what it has held; the type is decided from it at the end
        qint64 present = 0; // records holding the key (null or not)
        qint64 nulls = 0;
        bool hasChildren = false;
        QHash<QString, int> children;
        std::unordered_map<std::string, int> childrenUtf8; // the text reader's index
    };
    friend class JsonTextReader;

    int child(int parent, const QString &key);
    void addValue(int column, const QJsonValue &v);
    void addObject(int column, const QJsonObject &o);
    int childUtf8(int parent, const std::string &key);
    QString typeOf(const Column &c) const;
    QString keyOf(const Column &c) const;

    std::vector<Column> m_columns; // index 0: the record itself
    qint64 m_records = 0;
    QSet<QString> m_fractionKeys;
};

} // namespace uis
