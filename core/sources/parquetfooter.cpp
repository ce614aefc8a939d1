// SPDX-License-Identifier: Apache-2.0
#include "parquetfooter.h"

#include <QFile>

namespace uis {

namespace {

// Thrift compact protocol field types.
enum CType : int {
    Stop = 0,
    True = 1,
    False = 2,
    Byte = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    Double = 7,
    Binary = 8,
    List = 9,
    Set = 10,
    Map = 11,
    Struct = 12
};

/// A bounds-checked reader of the compact protocol: any overrun sets `bad` and reads zeros.
class Compact
{
public:
    explicit Compact(const QByteArray &d) : m_d(d) {}
    bool bad = false;

    quint8 byte()
    {
        if (m_pos >= m_d.size()) {
            bad = true;
            return 0;
        }
        return quint8(m_d.at(m_pos++));
    }
    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64 && !bad; shift += 7) {
            const quint8 b = byte();
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        bad = true;
        return 0;
    }
    qint64 zigzag()
    {
        const quint64 v = varint();
        return qint64(v >> 1) ^ -qint64(v & 1);
    }
    QByteArray binary()
    {
        const quint64 n = varint();
        if (bad || n > quint64(m_d.size() - m_pos)) {
            bad = true;
            return {};
        }
        const QByteArray out = m_d.mid(m_pos, qsizetype(n));
        m_pos += qsizetype(n);
        return out;
    }
    /// The next field header of a struct: false at its end. `id` follows the delta encoding.
    bool field(int *type, int *id)
    {
        const quint8 h = byte();
        *type = h & 0x0f;
        if (bad || *type == Stop)
            return false;
        const int delta = h >> 4;
        *id = delta ? *id + delta : int(zigzag());
        return true;
    }
    void listHeader(int *elemType, qint64 *size)
    {
        const quint8 h = byte();
        *elemType = h & 0x0f;
        *size = (h >> 4) == 15 ? qint64(varint()) : (h >> 4);
        if (*size < 0 || *size > m_d.size())
            bad = true;
    }
    void skip(int type, int depth = 0)
    {
        if (depth > 64) {
            bad = true;
            return;
        }
        switch (type) {
        case True:
        case False:
            return;
        case Byte:
            byte();
            return;
        case I16:
        case I32:
        case I64:
            varint();
            return;
        case Double:
            m_pos += 8;
            bad = bad || m_pos > m_d.size();
            return;
        case Binary:
            binary();
            return;
        case List:
        case Set: {
            int t = 0;
            qint64 n = 0;
            listHeader(&t, &n);
            for (qint64 i = 0; i < n && !bad; ++i)
                t == True || t == False ? void(byte()) : skip(t, depth + 1);
            return;
        }
        case Map: {
            const qint64 n = qint64(varint());
            if (n <= 0)
                return;
            const quint8 kv = byte();
            for (qint64 i = 0; i < n && !bad; ++i) {
                skip(kv >> 4, depth + 1);
                skip(kv & 0x0f, depth + 1);
            }
            return;
        }
        case Struct: {
            int t = 0, id = 0;
            while (!bad && field(&t, &id))
                skip(t, depth + 1);
            return;
        }
        default:
            bad = true;
        }
    }

private:
    const QByteArray &m_d;
    qsizetype m_pos = 0;
};

struct Element
{
    int type = -1;      // physical type, -1 for a group
    int repetition = 0; // 0 REQUIRED, 1 OPTIONAL, 2 REPEATED
    QString name;
    int children = 0;
    int converted = -1;
    int scale = 0;
    int precision = 0;
    int logical = 0; // the LogicalType union's field id, 0 when absent
    int bitWidth = 0;
    bool isSigned = true;
    int logicalScale = 0;
    int logicalPrecision = 0;
};

void readLogical(Compact &c, Element *e)
{
    int t = 0, id = 0;
    while (!c.bad && c.field(&t, &id)) {
        if (t != Struct) {
            c.skip(t);
            continue;
        }
        e->logical = id;
        int ft = 0, fid = 0;
        while (!c.bad && c.field(&ft, &fid)) {
            if (id == 5 && ft == I32)
                (fid == 1 ? e->logicalScale : e->logicalPrecision) = int(c.zigzag());
            else if (id == 10 && fid == 1 && ft == Byte)
                e->bitWidth = qint8(c.byte());
            else if (id == 10 && fid == 2 && (ft == True || ft == False))
                e->isSigned = ft == True;
            else
                c.skip(ft);
        }
    }
}

Element readElement(Compact &c)
{
    Element e;
    int t = 0, id = 0;
    while (!c.bad && c.field(&t, &id)) {
        if (t == I32 && id >= 1 && id <= 9 && id != 4) {
            const int v = int(c.zigzag());
            switch (id) {
            case 1:
                e.type = v;
                break;
            case 3:
                e.repetition = v;
                break;
            case 5:
                e.children = v;
                break;
            case 6:
                e.converted = v;
                break;
            case 7:
                e.scale = v;
                break;
            case 8:
                e.precision = v;
                break;
            default:
                break;
            }
        } else if (id == 4 && t == Binary) {
            e.name = QString::fromUtf8(c.binary());
        } else if (id == 10 && t == Struct) {
            readLogical(c, &e);
        } else {
            c.skip(t);
        }
    }
    return e;
}

// Logical type ids (parquet.thrift LogicalType) and converted types used here.
enum {
    LString = 1,
    LMap = 2,
    LList = 3,
    LEnum = 4,
    LDecimal = 5,
    LDate = 6,
    LTimestamp = 8,
    LInteger = 10,
    LJson = 12
};
enum {
    CUtf8 = 0,
    CMap = 1,
    CMapKeyValue = 2,
    CList = 3,
    CEnum = 4,
    CDecimal = 5,
    CDate = 6,
    CTimestampMillis = 9,
    CTimestampMicros = 10,
    CUint32 = 13,
    CUint64 = 14,
    CInt64 = 18,
    CJson = 19
};

QString typeOf(const Element &e)
{
    switch (e.logical) {
    case LString:
    case LEnum:
        return QStringLiteral("string");
    case LJson:
    case LMap:
    case LList:
        return QStringLiteral("json");
    case LDecimal:
        return QStringLiteral("decimal(%1,%2)").arg(e.logicalPrecision).arg(e.logicalScale);
    case LDate:
        return QStringLiteral("date");
    case LTimestamp:
        return QStringLiteral("timestamp");
    case LInteger:
        return e.bitWidth > 32 || (e.bitWidth == 32 && !e.isSigned) ? QStringLiteral("long")
                                                                    : QStringLiteral("int");
    default:
        break;
    }
    switch (e.converted) {
    case CUtf8:
    case CEnum:
        return QStringLiteral("string");
    case CJson:
    case CMap:
    case CMapKeyValue:
    case CList:
        return QStringLiteral("json");
    case CDecimal:
        return QStringLiteral("decimal(%1,%2)").arg(e.precision).arg(e.scale);
    case CDate:
        return QStringLiteral("date");
    case CTimestampMillis:
    case CTimestampMicros:
        return QStringLiteral("timestamp");
    case CUint32:
    case CUint64:
    case CInt64:
        return QStringLiteral("long");
    default:
        break;
    }
    switch (e.type) {
    case 0:
        return QStringLiteral("boolean");
    case 1:
        return QStringLiteral("int");
    case 2:
        return QStringLiteral("long");
    case 3:
        return QStringLiteral("timestamp"); // INT96: Spark's legacy timestamps
    case 4:
    case 5:
        return QStringLiteral("double");
    default:
        return QStringLiteral("string");
    }
}

/// Walks the depth-first schema list from `*at`; appends the columns below `prefix`.
void walk(const QList<Element> &els, qsizetype *at, const QString &prefix, bool nullable,
          QList<InferredField> *out, int depth)
{
    const Element &e = els.at((*at)++);
    const QString name = prefix.isEmpty() ? e.name : prefix + QLatin1Char('.') + e.name;
    const bool optional = nullable || e.repetition == 1;
    const bool nested = e.logical == LList || e.logical == LMap || e.converted == CList ||
                        e.converted == CMap || e.converted == CMapKeyValue || e.repetition == 2;
    if (e.children > 0 && !nested && depth < 64) {
        for (int i = 0; i < e.children && *at < els.size(); ++i)
            walk(els, at, name, optional, out, depth + 1);
        return;
    }
    // A LIST/MAP group (or repeated field) is one json column: skip what is below it.
    qint64 below = e.children;
    while (below > 0 && *at < els.size())
        below += els.at((*at)++).children - 1;
    InferredField f;
    f.name = name;
    f.type = nested ? QStringLiteral("json") : typeOf(e);
    f.nullable = optional;
    out->append(f);
}

} // namespace

std::optional<ParquetSchema> ParquetFooter::decode(const QByteArray &metadata, QString *error)
{
    Compact c(metadata);
    ParquetSchema out;
    QList<Element> elements;
    int t = 0, id = 0;
    while (!c.bad && c.field(&t, &id)) {
        if (id == 2 && t == List) {
            int et = 0;
            qint64 n = 0;
            c.listHeader(&et, &n);
            for (qint64 i = 0; i < n && !c.bad; ++i)
                elements.append(readElement(c));
        } else if (id == 3 && t == I64) {
            out.rows = c.zigzag();
        } else {
            c.skip(t);
        }
    }
    if (c.bad || elements.isEmpty()) {
        *error =
            QStringLiteral("the Parquet footer does not decode (a damaged or truncated file?)");
        return std::nullopt;
    }
    // Element 0 is the schema root: its children are the columns.
    qsizetype at = 1;
    for (int i = 0; i < elements.first().children && at < elements.size(); ++i)
        walk(elements, &at, QString(), false, &out.fields, 0);
    return out;
}

std::optional<ParquetSchema> ParquetFooter::read(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    const qint64 size = f.size();
    QByteArray tail;
    if (size >= 12 && f.seek(size - 8))
        tail = f.read(8);
    if (tail.size() != 8 || !tail.endsWith("PAR1")) {
        *error = QStringLiteral("%1 is not a Parquet file (no PAR1 footer)").arg(path);
        return std::nullopt;
    }
    const quint32 len = quint32(quint8(tail[0])) | quint32(quint8(tail[1])) << 8 |
                        quint32(quint8(tail[2])) << 16 | quint32(quint8(tail[3])) << 24;
    if (qint64(len) > size - 12 || !f.seek(size - 8 - qint64(len))) {
        *error = QStringLiteral("%1: the Parquet footer length is past the file's start").arg(path);
        return std::nullopt;
    }
    const QByteArray meta = f.read(len);
    auto out = decode(meta, error);
    if (!out)
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return out;
}

} // namespace uis
