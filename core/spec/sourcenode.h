// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace uis {

/// A 1-based line and column in a source file; 0 means unknown.
struct SourcePos
{
    int line = 0;
    int column = 0;
};

/**
 * A YAML/JSON value with the source position of every node and key.
 *
 * The reader produces this tree from either format, the validator walks it (so type errors and
 * unknown keys keep their positions), and the writer emits it. Map children keep document order
 * so that output is stable and diagnostics follow the file.
 */
class SourceNode
{
public:
    enum class Kind : quint8 { Null, Scalar, Map, List };
    /// The resolved type of a scalar: quoted YAML and JSON strings are always String.
    enum class ScalarType : quint8 { String, Int, Float, Bool, Null };
    /// How a value was written. Readers set it; the SourcePatcher keeps it when it rewrites a
    /// value. Built nodes are `Any`.
    enum class Style : quint8 {
        Any,
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal, ///< `|` block scalar
        Folded,  ///< `>` block scalar
        Block,   ///< block mapping or sequence (indentation)
        Flow,    ///< `{ }` or `[ ]` (all JSON containers)
        Alias    ///< `*name`: a copy of an anchored value
    };

    SourceNode() = default;

    static SourceNode makeNull();
    static SourceNode makeString(const QString &text);
    static SourceNode makeInt(qint64 v);
    static SourceNode makeFloat(double v);
    static SourceNode makeBool(bool v);
    /// A scalar whose type is given explicitly (used by readers).
    static SourceNode makeScalar(const QString &text, ScalarType type);
    static SourceNode makeMap();
    static SourceNode makeList();

    Kind kind() const { return m_kind; }
    ScalarType scalarType() const { return m_scalarType; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isScalar() const { return m_kind == Kind::Scalar; }
    bool isMap() const { return m_kind == Kind::Map; }
    bool isList() const { return m_kind == Kind::List; }
    bool isString() const { return m_kind == Kind::Scalar && m_scalarType == ScalarType::String; }
    /// "null", "string", "integer", "number", "boolean", "object" or "array".
    QString typeName() const;

    /// The scalar text as written (for strings, the unquoted value).
    const QString &text() const { return m_text; }
    void setText(const QString &text) { m_text = text; }

    std::optional<qint64> toInt() const;
    std::optional<double> toDouble() const;
    std::optional<bool> toBool() const;

    SourcePos pos() const { return m_pos; }
    void setPos(SourcePos p) { m_pos = p; }

    Style style() const { return m_style; }
    void setStyle(Style s) { m_style = s; }
    /// Byte offsets into the UTF-8 text the value was read from (after a BOM): the value spans
    /// [beginOffset, endOffset); -1 when unknown (built nodes). Block collections end where their
    /// last child ends, block scalars after their last non-blank character.
    int beginOffset() const { return m_begin; }
    int endOffset() const { return m_end; }
    void setSpan(int begin, int end)
    {
        m_begin = begin;
        m_end = end;
    }
    /// For children of a map: the byte offset of the key, or -1.
    int keyOffset() const { return m_keyOffset; }
    void setKeyOffset(int offset) { m_keyOffset = offset; }

    /// For children of a map: the key and where it was written.
    const QString &key() const { return m_key; }
    SourcePos keyPos() const { return m_keyPos; }
    void setKeyPos(SourcePos p) { m_keyPos = p; }

    const std::vector<SourceNode> &children() const { return m_children; }
    std::vector<SourceNode> &children() { return m_children; }
    int size() const { return int(m_children.size()); }

    /// Map lookup by key, nullptr when absent or not a map.
    const SourceNode *find(QStringView key) const;
    SourceNode *find(QStringView key);
    /// Appends a list item.
    SourceNode &append(SourceNode child);
    /// Sets (or replaces in place, keeping order) a map entry.
    SourceNode &insert(const QString &key, SourceNode child, SourcePos keyPos = {});
    /// Appends a map entry whose key the map does not have yet (the caller checked).
    SourceNode &appendEntry(const QString &key, SourceNode child, SourcePos keyPos);
    /// Removes a map entry; returns whether it existed.
    bool remove(QStringView key);

    /// The node a JSON Pointer names, or nullptr.
    const SourceNode *at(QStringView pointer) const;
    SourceNode *at(QStringView pointer);

    /// Structural equality that ignores positions, offsets and styles.
    bool operator==(const SourceNode &o) const;
    bool operator!=(const SourceNode &o) const { return !(*this == o); }

private:
    Kind m_kind = Kind::Null;
    ScalarType m_scalarType = ScalarType::Null;
    Style m_style = Style::Any;
    int m_begin = -1;
    int m_end = -1;
    int m_keyOffset = -1;
    QString m_text;
    QString m_key;
    SourcePos m_pos;
    SourcePos m_keyPos;
    std::vector<SourceNode> m_children;
};

/// Escapes a reference token for a JSON Pointer (`~` → `~0`, `/` → `~1`).
QString escapePointerToken(QStringView token);
/// `base` + "/" + escaped token.
QString pointerAppend(const QString &base, QStringView token);
QString pointerAppend(const QString &base, int index);
/// Splits a JSON Pointer into unescaped tokens.
QStringList splitPointer(QStringView pointer);
/// The pointer of the container that holds `pointer`'s value ("" for a top-level key).
QString parentPointer(const QString &pointer);

/// Resolves a plain (unquoted) YAML scalar by the YAML 1.2 core schema.
SourceNode::ScalarType resolvePlainScalar(QStringView text);

} // namespace uis
