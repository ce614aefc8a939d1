// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "temporaltext.h"

#include <QString>
#include <QStringView>

#include <limits>

namespace uis {

/**
 * The type lattice of schema inference: the kinds of value a column has held, as a set, and the
 * narrowest UIS type that holds them all (the rules in core/sources/README.md). Integers widen
 * int → long → double; dates and timestamps give `timestamp`; text decimals widen their digits;
 * any other mix of scalars is `string`; an object or array anywhere is `json`.
 *
 * A value type: SchemaInferrer keeps one per column while reading records, and merging two
 * columns (a column of two tables read into one endpoint) is the union of what they held.
 */
class InferredType
{
public:
    enum Kind : quint32 {
        Bool = 1u << 0,
        Int = 1u << 1,
        Long = 1u << 2,
        Double = 1u << 3,
        EpochNumber = 1u << 4,
        Date = 1u << 5,
        Timestamp = 1u << 6,
        EpochText = 1u << 7,
        DecimalText = 1u << 8,
        Text = 1u << 9,
        Object = 1u << 10,
        Array = 1u << 11,
    };

    void add(Kind kind) { m_kinds |= kind; }
    /// An integer: epoch milliseconds in a field whose name says time (and in range), else an
    /// `int` when it fits 32 bits, else a `long`.
    void noteInteger(qint64 i, bool timeName)
    {
        if (timeName && TemporalText::isEpochMillisRange(i))
            m_kinds |= EpochNumber;
        else if (i >= std::numeric_limits<qint32>::min() && i <= std::numeric_limits<qint32>::max())
            m_kinds |= Int;
        else
            m_kinds |= Long;
    }
    /// A string: an ISO-8601 timestamp, a date, epoch milliseconds as digits (time-named field
    /// only), a plain decimal number as text, or other text.
    void noteString(QStringView s, bool timeName);
    /// What either column held.
    void merge(const InferredType &other);
    /// Integers that the raw text wrote with a fraction (`1.0`, which Qt reads as 1) are doubles.
    void integersAsDouble();

    quint32 kinds() const { return m_kinds; }
    /// The narrowest UIS type holding every kind seen: int, long, double, decimal(p,s), boolean,
    /// date, timestamp, string or json (`string` when nothing but nulls was seen).
    QString name() const;
    /// What a column declared as UIS type `name` holds, to merge declared types by the same
    /// rules; a name it does not know holds text.
    static InferredType fromName(const QString &name);

private:
    quint32 m_kinds = 0;
    int m_decimalIntDigits = 0; ///< DecimalText: the most integer digits seen
    int m_decimalScale = 0;     ///< DecimalText: the most fraction digits seen
};

} // namespace uis
