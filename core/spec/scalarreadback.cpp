// SPDX-License-Identifier: Apache-2.0
#include "scalarreadback.h"

#include "specreader.h"

#include <algorithm>

namespace uis {

namespace {

int characters(QByteArrayView bytes)
{
    int n = 0;
    for (const char c : bytes)
        n += (uchar(c) & 0xC0) != 0x80;
    return n;
}

/// Offsets at or after `end` move by `delta` bytes; columns after `column` on `line`, by
/// `columns` characters (the replaced scalar's own node is set afterwards).
void shift(SourceNode &n, int end, int delta, int line, int column, int columns)
{
    auto offset = [&](int o) { return o >= end ? o + delta : o; };
    auto pos = [&](SourcePos p) {
        if (p.line == line && p.column > column)
            p.column += columns;
        return p;
    };
    n.setSpan(n.beginOffset() < 0 ? -1 : offset(n.beginOffset()),
              n.endOffset() < 0 ? -1 : offset(n.endOffset()));
    if (n.keyOffset() >= 0)
        n.setKeyOffset(offset(n.keyOffset()));
    n.setPos(pos(n.pos()));
    n.setKeyPos(pos(n.keyPos()));
    for (SourceNode &c : n.children())
        shift(c, end, delta, line, column, columns);
}

/// Whether a node on the way from the root to `pointer`'s value is a flow collection.
bool inFlow(const SourceNode &root, const QStringList &tokens)
{
    QString at;
    for (const QString &t : tokens) {
        const SourceNode *n = root.at(at);
        if (!n || n->style() == SourceNode::Style::Flow)
            return true;
        at = pointerAppend(at, t);
    }
    return false;
}

/// What ends a plain scalar in a flow collection, or starts a comment.
bool hasFlowIndicator(const QByteArray &text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#';
    });
}

} // namespace

std::optional<SourceNode> ScalarReadBack::tree(const QByteArray &src, bool json,
                                               const SourceNode &parsed, const SourceNode &target,
                                               const QString &pointer, int begin, int end,
                                               const QByteArray &text)
{
    const SourceNode *old = parsed.at(pointer);
    const SourceNode *want = target.at(pointer);
    const QStringList tokens = splitPointer(pointer);
    if (!old || !want || tokens.isEmpty() || !old->isScalar() || !want->isScalar() ||
        old->beginOffset() != begin || old->endOffset() != end || end > src.size())
        return std::nullopt;
    const SourceNode::Style style = old->style();
    if (style != SourceNode::Style::Plain && style != SourceNode::Style::SingleQuoted &&
        style != SourceNode::Style::DoubleQuoted)
        return std::nullopt;
    if (text.isEmpty() || text.contains('\n') || src.mid(begin, end - begin).contains('\n') ||
        text.front() == ' ' || text.back() == ' ')
        return std::nullopt;
    // An anchor or a tag (in the value's span or before it) changes what the text reads as:
    // its aliases, the value's type. Either on the value's line is left to the full read.
    const qsizetype lineStart = src.lastIndexOf('\n', begin - 1) + 1;
    const QByteArrayView line = QByteArrayView(src).sliced(lineStart, end - lineStart);
    if (line.contains('&') || line.contains('!'))
        return std::nullopt;
    // Read alone, the new text must be the target's value. In a flow collection a plain
    // scalar also must not hold what ends it there (a comma, a bracket), which alone it may.
    const ReadResult alone = SpecReader::read(text, json ? SpecFormat::Json : SpecFormat::Yaml);
    if (!alone.root || !alone.root->isScalar() || !alone.diagnostics.isEmpty())
        return std::nullopt;
    const SourceNode::Style written = alone.root->style();
    if (!json && written == SourceNode::Style::Plain && inFlow(parsed, tokens) &&
        hasFlowIndicator(text))
        return std::nullopt;
    if (written != SourceNode::Style::Plain && written != SourceNode::Style::SingleQuoted &&
        written != SourceNode::Style::DoubleQuoted && !json)
        return std::nullopt;

    SourceNode out = parsed;
    const int delta = int(text.size()) - (end - begin);
    shift(out, end, delta, old->pos().line, old->pos().column,
          characters(text) - characters(QByteArrayView(src).sliced(begin, end - begin)));
    SourceNode value = *alone.root;
    value.setPos(old->pos());
    value.setSpan(begin, begin + int(text.size()));
    value.setKeyOffset(old->keyOffset());
    SourceNode *parent = out.at(parentPointer(pointer));
    if (!parent)
        return std::nullopt;
    if (parent->isMap()) {
        parent->insert(tokens.last(), std::move(value), old->keyPos());
    } else {
        const int i = tokens.last().toInt();
        if (!parent->isList() || i < 0 || i >= parent->size())
            return std::nullopt;
        parent->children()[size_t(i)] = std::move(value);
    }
    // The patch changed this one value; the rest must be as the target has it.
    if (!(out == target))
        return std::nullopt;
    return out;
}

} // namespace uis
