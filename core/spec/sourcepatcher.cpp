// SPDX-License-Identifier: Apache-2.0
#include "sourcepatcher.h"

#include "scalarreadback.h"

#include "sourceemitter.h"
#include "sourcelines.h"

#include <QSet>

#include <algorithm>

namespace uis {

namespace {

using Style = SourceNode::Style;

/// One splice into the original bytes: [begin, end) becomes `text`.
struct Replacement
{
    int begin;
    int end;
    QByteArray text;
};

/// Where a value sits, which decides how it is inserted, removed and rewritten.
enum class Slot { Root, BlockMapValue, BlockSeqItem, FlowItem };

struct Ctx
{
    Slot slot = Slot::Root;
    int keyOffset = -1;     ///< for BlockMapValue
    bool multiline = false; ///< the enclosing flow/JSON container spans lines
};

class Differ : private SourceLines
{
public:
    Differ(const QByteArray &src, bool json, const QSet<QString> &force,
           const QSet<QString> &quoted)
        : SourceLines(src, json), m_force(force), m_quoted(quoted)
    {
        m_emit = SourceEmitter(detectLayout());
    }

    void node(const SourceNode &o, const SourceNode &n, const QString &ptr, const Ctx &ctx)
    {
        if (o == n)
            return;
        const bool sameContainer = (o.isMap() && n.isMap()) || (o.isList() && n.isList());
        if (sameContainer && !m_force.contains(ptr) && o.beginOffset() >= 0 && o.endOffset() >= 0 &&
            o.style() != Style::Alias && !o.children().empty()) {
            const size_t mark = m_out.size();
            const bool done = o.isMap() ? mapDiff(o, n, ptr, ctx) : listDiff(o, n, ptr, ctx);
            if (done)
                return;
            m_out.resize(mark);
        }
        if (sameContainer && !o.children().empty() && !n.children().empty())
            m_reemitted.append(ptr);
        replaceValue(o, n, ptr, ctx);
    }

    std::vector<Replacement> m_out;
    QStringList m_reemitted;
    QStringList m_touched; ///< pointers whose text changed, for escalation

private:
    static QString spaces(int n) { return QString(std::max(n, 0), QLatin1Char(' ')); }
    void add(int begin, int end, const QString &text, const QString &ptr)
    {
        m_out.push_back(Replacement{begin, end, text.toUtf8()});
        m_touched.append(ptr);
    }
    SourceEmitter::Layout detectLayout() const
    {
        SourceEmitter::Layout l;
        // The smallest indentation of a line that starts with a key or string is the step.
        int best = 0;
        int pos = 0;
        while (pos < m_src.size()) {
            const int end = lineEndAfter(pos);
            int i = pos;
            while (i < end && m_src[i] == ' ')
                ++i;
            if (i > pos && i < end && m_src[i] != '\n' && m_src[i] != '#' &&
                (best == 0 || i - pos < best))
                best = i - pos;
            pos = end;
        }
        if (best > 0 && best <= 8)
            l.step = best;
        // `{ a: 1 }` or `{a: 1}`: count both, skipping `{{placeholders}}`.
        int spaced = 0, tight = 0;
        for (int i = 0; i + 1 < m_src.size(); ++i) {
            if (m_src[i] != '{' || m_src[i + 1] == '{' || m_src[i + 1] == '}' ||
                (i > 0 && m_src[i - 1] == '{'))
                continue;
            ++(m_src[i + 1] == ' ' ? spaced : tight);
        }
        l.flowSpaces = spaced >= tight;
        return l;
    }

    // ---- rendering
    int itemBegin(const SourceNode &parent, size_t i) const
    {
        const SourceNode &c = parent.children()[i];
        return parent.isMap() ? c.keyOffset() : c.beginOffset();
    }
    QString flowItem(const SourceNode &parent, const SourceNode &v, int indent,
                     bool multiline) const
    {
        QString value;
        if (m_json)
            value = m_emit.json(v, indent, multiline);
        else
            value = m_emit.yamlFlow(v);
        if (!parent.isMap())
            return value;
        const QString key =
            m_json ? SourceEmitter::jsonString(v.key()) : m_emit.yamlKey(v.key(), true);
        return key + QLatin1String(": ") + value;
    }

    void replaceValue(const SourceNode &o, const SourceNode &n, const QString &ptr, const Ctx &ctx)
    {
        const int b = o.beginOffset();
        const int e = o.endOffset();
        if (b < 0 || e < b) {
            m_failed = true;
            return;
        }
        const bool oContainer = o.isMap() || o.isList();
        const bool sameKind = (o.isMap() && n.isMap()) || (o.isList() && n.isList());
        if (m_json) {
            const bool multi = oContainer && !o.children().empty()
                                   ? m_src.mid(b, e - b).contains('\n')
                                   : ctx.multiline || ctx.slot == Slot::Root;
            add(b, e, m_emit.json(n, lineIndent(b), multi), ptr);
            return;
        }
        // An empty `[]` or `{}` was a placeholder: what fills it takes the block style.
        const bool keepFlow = o.style() == Style::Flow && sameKind && !o.children().empty();
        if (ctx.slot == Slot::FlowItem || keepFlow) {
            add(b, e,
                n.isScalar() || n.isNull() ? m_emit.yamlScalar(n, true, o.style())
                                           : m_emit.yamlFlow(n),
                ptr);
            return;
        }
        const bool newBlock = SourceEmitter::isBlockCollection(n);
        const bool oldBlock = oContainer && o.style() == Style::Block;
        const QString key = n.key();
        if (ctx.slot == Slot::BlockMapValue) {
            const int k = column(ctx.keyOffset);
            const int inner = k + m_emit.layout().step;
            if (newBlock && oldBlock && sameKind) {
                add(b, e, m_emit.yamlBlock(n, column(b), key), ptr);
                return;
            }
            const int colon = colonEnd(ctx.keyOffset);
            if (newBlock || oldBlock) {
                if (colon < 0 || colon > b) {
                    m_failed = true;
                    return;
                }
                add(colon, e,
                    newBlock ? QLatin1Char('\n') + spaces(inner) + m_emit.yamlBlock(n, inner, key)
                             : QLatin1Char(' ') + m_emit.yamlBlock(n, inner, key),
                    ptr);
                return;
            }
            const QString t = n.isScalar() || n.isNull()
                                  ? m_emit.yamlScalar(n, m_quoted.contains(ptr), o.style(), inner)
                                  : m_emit.yamlFlow(n);
            const bool needSpace = b > 0 && m_src[b - 1] == ':';
            replaceScalar(o, b, e, needSpace ? QLatin1Char(' ') + t : t, ptr);
            return;
        }
        // A sequence item, or the document itself: the value starts where it is.
        const int col = column(b);
        if (newBlock) {
            add(b, e, m_emit.yamlBlock(n, col, key), ptr);
            return;
        }
        replaceScalar(o, b, e,
                      n.isScalar() || n.isNull()
                          ? m_emit.yamlScalar(n, m_quoted.contains(ptr), o.style(),
                                              col + m_emit.layout().step)
                          : m_emit.yamlFlow(n),
                      ptr);
    }

    /// Replaces a block-context scalar; a comment on the line stays on the first line: after a
    /// new `|` header, and after the value when an old `|` header carried it.
    void replaceScalar(const SourceNode &o, int b, int e, QString t, const QString &ptr)
    {
        QByteArray headerComment;
        if (o.style() == Style::Literal || o.style() == Style::Folded) {
            const int firstEnd = lineEndAfter(b) - 1;
            const int hash = int(m_src.indexOf('#', b));
            if (hash >= 0 && hash < firstEnd && firstEnd < e) {
                int from = hash;
                while (from > b && m_src[from - 1] == ' ')
                    --from;
                headerComment = m_src.mid(from, firstEnd - from);
            }
        }
        const qsizetype nl = t.indexOf(QLatin1Char('\n'));
        if (nl >= 0 && headerComment.isEmpty()) {
            // `key: old  # c` becoming a `|` block: the comment moves up to the header.
            const int lineEnd = lineEndAfter(e) -
                                (lineEndAfter(e) > e && m_src[lineEndAfter(e) - 1] == '\n' ? 1 : 0);
            const QByteArray rest = m_src.mid(e, lineEnd - e);
            if (!rest.trimmed().isEmpty()) {
                t.insert(nl, QString::fromUtf8(rest));
                e = lineEnd;
            }
        } else if (!headerComment.isEmpty()) {
            if (nl >= 0)
                t.insert(nl, QString::fromUtf8(headerComment));
            else
                t += QString::fromUtf8(headerComment);
        }
        add(b, e, t, ptr);
    }

    Ctx childCtx(const SourceNode &parent, const SourceNode &child) const
    {
        Ctx c;
        if (m_json || parent.style() == Style::Flow) {
            c.slot = Slot::FlowItem;
            c.multiline = m_src.mid(parent.beginOffset(), parent.endOffset() - parent.beginOffset())
                              .contains('\n');
        } else if (parent.isMap()) {
            c.slot = Slot::BlockMapValue;
            c.keyOffset = child.keyOffset();
        } else {
            c.slot = Slot::BlockSeqItem;
        }
        return c;
    }

    // ---- structure
    bool isFlow(const SourceNode &o) const { return m_json || o.style() == Style::Flow; }

    QString flowSeparator(const SourceNode &o) const
    {
        auto fromGap = [&](int from, int to) {
            const QByteArray gap = m_src.mid(from, to - from);
            if (gap.contains('\n'))
                return QStringLiteral(",\n") + spaces(column(to));
            int s = 0;
            while (to - s - 1 >= from && m_src[to - s - 1] == ' ')
                ++s;
            return QStringLiteral(",") + spaces(s);
        };
        if (o.size() >= 2)
            return fromGap(o.children()[0].endOffset(), itemBegin(o, 1));
        const QString s = fromGap(o.beginOffset() + 1, itemBegin(o, 0));
        return s == QLatin1String(",") ? QStringLiteral(", ") : s;
    }

    /// Inserts `items` (rendered) after old item `after`, or before old item `before`.
    bool insertItems(const SourceNode &o, const std::vector<const SourceNode *> &items, int after,
                     int before, const QString &ptr)
    {
        if (items.empty())
            return true;
        if (isFlow(o)) {
            const QString sep = flowSeparator(o);
            const bool multi = sep.contains(QLatin1Char('\n'));
            const int indent = multi ? int(sep.size()) - 2 : lineIndent(o.beginOffset());
            QStringList texts;
            for (const SourceNode *v : items)
                texts << flowItem(o, *v, indent, multi);
            if (after >= 0) {
                add(o.children()[size_t(after)].endOffset(),
                    o.children()[size_t(after)].endOffset(), sep + texts.join(sep), ptr);
            } else {
                const int at = itemBegin(o, size_t(before));
                add(at, at, texts.join(sep) + sep, ptr);
            }
            return true;
        }
        const bool map = o.isMap();
        const SourceNode &first = o.children().front();
        const int col = map ? column(first.keyOffset()) : column(dashOf(first));
        if (!map && dashOf(first) < 0)
            return false;
        QStringList lines;
        for (const SourceNode *v : items) {
            lines << (map ? m_emit.yamlEntry(v->key(), *v, col)
                          : QStringLiteral("- ") + m_emit.yamlBlock(*v, col + 2));
        }
        if (after >= 0) {
            const int at =
                pastOwnComments(lineEndAfter(o.children()[size_t(after)].endOffset()), col);
            QString text;
            for (const QString &l : std::as_const(lines))
                text += spaces(col) + l + QLatin1Char('\n');
            if (at == m_src.size() && !m_src.endsWith('\n')) {
                text.chop(1);
                text.prepend(QLatin1Char('\n'));
            }
            add(at, at, text, ptr);
            return true;
        }
        const SourceNode &b = o.children()[size_t(before)];
        const int at = map ? b.keyOffset() : dashOf(b);
        if (at < 0)
            return false;
        add(at, at, lines.join(QLatin1Char('\n') + spaces(col)) + QLatin1Char('\n') + spaces(col),
            ptr);
        return true;
    }

    /// Removes old items [i, j].
    bool removeItems(const SourceNode &o, int i, int j, const QString &ptr)
    {
        const auto &ch = o.children();
        const int last = int(ch.size()) - 1;
        if (i == 0 && j == last)
            return false;
        if (isFlow(o)) {
            if (j < last)
                add(itemBegin(o, size_t(i)), itemBegin(o, size_t(j + 1)), QString(), ptr);
            else
                add(ch[size_t(i - 1)].endOffset(), ch[size_t(j)].endOffset(), QString(), ptr);
            return true;
        }
        const int start = o.isMap() ? ch[size_t(i)].keyOffset() : dashOf(ch[size_t(i)]);
        if (start < 0)
            return false;
        const int end = lineEndAfter(ch[size_t(j)].endOffset());
        if (onlySpacesBefore(start)) {
            add(lineStart(start), end, QString(), ptr);
            return true;
        }
        // The first key of a map that is a sequence item shares the line with the `-`.
        if (!o.isMap() || j == last)
            return false;
        const int next = ch[size_t(j + 1)].keyOffset();
        if (m_src.mid(end, next - end).contains('#')) {
            int s = start;
            while (s > 0 && m_src[s - 1] == ' ')
                --s;
            add(s, end - 1, QString(), ptr);
        } else {
            add(start, next, QString(), ptr);
        }
        return true;
    }

    bool mapDiff(const SourceNode &o, const SourceNode &n, const QString &ptr, const Ctx &)
    {
        if (n.children().empty())
            return false;
        // Common keys in both orders.
        QStringList oldCommon, newCommon;
        for (const SourceNode &c : o.children()) {
            if (n.find(c.key()))
                oldCommon << c.key();
        }
        for (const SourceNode &c : n.children()) {
            if (o.find(c.key()))
                newCommon << c.key();
        }
        if (oldCommon.isEmpty())
            return false;
        if (oldCommon != newCommon)
            return oldCommon.size() == o.size() && newCommon.size() == n.size() &&
                   reorder(o, n, ptr);
        // Removals, as runs of consecutive old entries.
        const int count = o.size();
        for (int i = 0; i < count;) {
            if (n.find(o.children()[size_t(i)].key())) {
                ++i;
                continue;
            }
            int j = i;
            while (j + 1 < count && !n.find(o.children()[size_t(j + 1)].key()))
                ++j;
            if (!removeItems(o, i, j, ptr))
                return false;
            i = j + 1;
        }
        // Changes.
        for (const SourceNode &c : o.children()) {
            if (const SourceNode *nc = n.find(c.key()))
                node(c, *nc, pointerAppend(ptr, c.key()), childCtx(o, c));
        }
        // Additions, grouped by the old entry they follow (or precede).
        auto oldIndex = [&](const QString &k) {
            for (int i = 0; i < count; ++i) {
                if (o.children()[size_t(i)].key() == k)
                    return i;
            }
            return -1;
        };
        std::vector<const SourceNode *> pending;
        int anchor = -1;
        for (const SourceNode &c : n.children()) {
            const int oi = oldIndex(c.key());
            if (oi < 0) {
                pending.push_back(&c);
                continue;
            }
            if (!pending.empty() && !insertItems(o, pending, anchor, oi, ptr))
                return false;
            pending.clear();
            anchor = oi;
        }
        return insertItems(o, pending, anchor, -1, ptr);
    }

    /// Whether a new list item is the old one, perhaps edited: equal, or a mapping with the same
    /// `name` (a spec's nodes are named), so removing one node does not shift every later node's
    /// text onto its neighbour.
    static bool sameItem(const SourceNode &a, const SourceNode &b)
    {
        if (a.isMap() && b.isMap()) {
            const SourceNode *an = a.find(u"name");
            const SourceNode *bn = b.find(u"name");
            if (an && bn && an->isScalar() && bn->isScalar())
                return an->text() == bn->text();
        }
        return a == b;
    }

    bool listDiff(const SourceNode &o, const SourceNode &n, const QString &ptr, const Ctx &)
    {
        const auto &oc = o.children();
        const auto &nc = n.children();
        if (nc.empty())
            return false;
        const int os = int(oc.size()), ns = int(nc.size());
        int p = 0;
        while (p < os && p < ns && oc[size_t(p)] == nc[size_t(p)])
            ++p;
        int s = 0;
        while (s < os - p && s < ns - p && oc[size_t(os - 1 - s)] == nc[size_t(ns - 1 - s)])
            ++s;
        // The middle [p, os - s) ~ [p, ns - s): old and new items that are the same item, in
        // order (a longest common subsequence), split it into gaps.
        const int om = os - p - s, nm = ns - p - s;
        std::vector<std::pair<int, int>> anchors;
        if (om > 0 && nm > 0 && qint64(om) * nm <= kMaxAlignCells) {
            std::vector<std::vector<int>> l(size_t(om + 1), std::vector<int>(size_t(nm + 1), 0));
            for (int i = om - 1; i >= 0; --i)
                for (int j = nm - 1; j >= 0; --j)
                    l[size_t(i)][size_t(j)] =
                        sameItem(oc[size_t(p + i)], nc[size_t(p + j)])
                            ? l[size_t(i + 1)][size_t(j + 1)] + 1
                            : std::max(l[size_t(i + 1)][size_t(j)], l[size_t(i)][size_t(j + 1)]);
            for (int i = 0, j = 0; i < om && j < nm;) {
                if (sameItem(oc[size_t(p + i)], nc[size_t(p + j)]) &&
                    l[size_t(i)][size_t(j)] == l[size_t(i + 1)][size_t(j + 1)] + 1) {
                    anchors.emplace_back(p + i++, p + j++);
                } else if (l[size_t(i + 1)][size_t(j)] >= l[size_t(i)][size_t(j + 1)]) {
                    ++i;
                } else {
                    ++j;
                }
            }
        }
        anchors.emplace_back(os - s, ns - s); // the end of the middle closes the last gap
        int oa = p, na = p;
        for (const auto &[ob, nb] : anchors) {
            if (!gapDiff(o, n, ptr, oa, ob, na, nb))
                return false;
            if (ob < os - s) // a matched pair: edit it in place
                node(oc[size_t(ob)], nc[size_t(nb)], pointerAppend(ptr, ob),
                     childCtx(o, oc[size_t(ob)]));
            oa = ob + 1;
            na = nb + 1;
        }
        return true;
    }

    /// Old items [oa, ob) become new items [na, nb): pairs are edited in place by position, the
    /// old rest removed, the new rest inserted after the last old item kept.
    bool gapDiff(const SourceNode &o, const SourceNode &n, const QString &ptr, int oa, int ob,
                 int na, int nb)
    {
        const auto &oc = o.children();
        const auto &nc = n.children();
        const int paired = std::min(ob - oa, nb - na);
        for (int k = 0; k < paired; ++k)
            node(oc[size_t(oa + k)], nc[size_t(na + k)], pointerAppend(ptr, oa + k),
                 childCtx(o, oc[size_t(oa + k)]));
        if (ob - oa > paired)
            return removeItems(o, oa + paired, ob - 1, ptr);
        if (nb - na > paired) {
            std::vector<const SourceNode *> items;
            for (int k = na + paired; k < nb; ++k)
                items.push_back(&nc[size_t(k)]);
            const int afterOld = oa + paired - 1;
            if (afterOld >= 0)
                return insertItems(o, items, afterOld, -1, ptr);
            return insertItems(o, items, -1, oa + paired, ptr);
        }
        return true;
    }

    /// Lists longer than this (old × new items in the middle) pair by position only.
    static constexpr qint64 kMaxAlignCells = 40000;

    /// Same keys, another order (fmt): moves whole entries, each with the comments above it.
    bool reorder(const SourceNode &o, const SourceNode &n, const QString &ptr)
    {
        const auto &ch = o.children();
        const int count = int(ch.size());
        std::vector<int> starts(size_t(count) + 1);
        if (isFlow(o)) {
            for (int i = 0; i < count; ++i)
                starts[size_t(i)] = itemBegin(o, size_t(i));
        } else {
            const int k0 = ch[0].keyOffset();
            starts[0] = onlySpacesBefore(k0) ? lineStart(k0) : k0;
            // Comment lines right above the first key go with it.
            while (!ptr.isEmpty() && starts[0] == lineStart(starts[0]) && starts[0] > 0) {
                const int prev = lineStart(starts[0] - 1);
                int i = prev;
                while (m_src[i] == ' ')
                    ++i;
                if (m_src[i] != '#' || i - prev != column(k0))
                    break;
                starts[0] = prev;
            }
            for (int i = 1; i < count; ++i)
                starts[size_t(i)] = lineEndAfter(ch[size_t(i - 1)].endOffset());
        }
        const int regionEnd =
            isFlow(o) ? ch.back().endOffset() : lineEndAfter(ch.back().endOffset());
        starts[size_t(count)] = regionEnd;
        for (int i = 0; i < count; ++i) {
            if (ch[size_t(i)].keyOffset() < 0 || starts[size_t(i + 1)] < starts[size_t(i)])
                return false;
        }
        // Patch each entry's own text first.
        const size_t mark = m_out.size();
        for (const SourceNode &c : ch)
            node(c, *n.find(c.key()), pointerAppend(ptr, c.key()), childCtx(o, c));
        std::vector<Replacement> inner(m_out.begin() + qsizetype(mark), m_out.end());
        m_out.resize(mark);
        auto chunk = [&](int i, int from, int to) {
            QByteArray t;
            int at = from;
            std::vector<Replacement> mine;
            for (const Replacement &r : inner) {
                if (r.begin >= from && r.end <= to && !(r.begin == to && r.end == to))
                    mine.push_back(r);
            }
            std::stable_sort(
                mine.begin(), mine.end(),
                [](const Replacement &a, const Replacement &b) { return a.begin < b.begin; });
            for (const Replacement &r : mine) {
                t += m_src.mid(at, r.begin - at);
                t += r.text;
                at = r.end;
            }
            t += m_src.mid(at, to - at);
            Q_UNUSED(i);
            return t;
        };
        QByteArray out;
        if (isFlow(o)) {
            for (int i = 0; i < count; ++i) {
                const SourceNode &want =
                    *std::find_if(ch.begin(), ch.end(), [&](const SourceNode &c) {
                        return c.key() == n.children()[size_t(i)].key();
                    });
                const int wi = int(&want - &ch[0]);
                out += chunk(wi, starts[size_t(wi)], ch[size_t(wi)].endOffset());
                if (i + 1 < count)
                    out += m_src.mid(ch[size_t(i)].endOffset(),
                                     starts[size_t(i + 1)] - ch[size_t(i)].endOffset());
            }
        } else {
            const bool dashLine =
                starts[0] == ch[0].keyOffset() && !onlySpacesBefore(ch[0].keyOffset());
            const int col = column(ch[0].keyOffset());
            const bool endsNl = m_src.mid(regionEnd - 1, 1) == "\n";
            for (int i = 0; i < count; ++i) {
                int wi = 0;
                while (ch[size_t(wi)].key() != n.children()[size_t(i)].key())
                    ++wi;
                QByteArray t = chunk(wi, starts[size_t(wi)], starts[size_t(wi + 1)]);
                if (dashLine && wi == 0 && i != 0)
                    t.prepend(spaces(col).toUtf8());
                if (dashLine && i == 0 && wi != 0) {
                    int sp = 0;
                    while (sp < t.size() && t[sp] == ' ')
                        ++sp;
                    t.remove(0, sp);
                }
                if (!t.endsWith('\n'))
                    t += '\n';
                out += t;
            }
            if (!endsNl)
                out.chop(1);
        }
        m_out.push_back(Replacement{starts[0], regionEnd, out});
        m_touched.append(ptr);
        return true;
    }

public:
    bool m_failed = false;

private:
    const QSet<QString> &m_force;
    /// Scalars written on one line, double-quoted if need be, even when they hold line breaks:
    /// a new `|` block takes in the deeper-indented comment lines that follow it.
    const QSet<QString> &m_quoted;
    SourceEmitter m_emit;
};

QByteArray applyReplacements(const QByteArray &src, std::vector<Replacement> reps, bool *ok)
{
    std::stable_sort(reps.begin(), reps.end(), [](const Replacement &a, const Replacement &b) {
        return a.begin != b.begin ? a.begin < b.begin : (a.end - a.begin) < (b.end - b.begin);
    });
    QByteArray out;
    out.reserve(src.size());
    int at = 0;
    *ok = true;
    for (const Replacement &r : reps) {
        if (r.begin < at || r.end > src.size()) {
            *ok = false;
            return src;
        }
        out += src.mid(at, r.begin - at);
        out += r.text;
        at = r.end;
    }
    out += src.mid(at);
    return out;
}

QByteArray leadingComments(const QByteArray &text)
{
    qsizetype pos = 0, end = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        if (nl < 0)
            nl = text.size();
        const QByteArray line = text.mid(pos, nl - pos).trimmed();
        if (!line.isEmpty() && !line.startsWith('#'))
            break;
        if (line.startsWith('#'))
            end = nl + 1;
        pos = nl + 1;
    }
    return text.left(std::min(end, text.size()));
}

} // namespace

SourcePatcher::Result SourcePatcher::patch(const QString &text, SpecFormat format,
                                           const SourceNode &target)
{
    const ReadResult r = SpecReader::read(text.toUtf8(), format);
    if (!r.root) {
        Result res;
        res.text = text;
        return res;
    }
    return patch(text, r.format, *r.root, target);
}

SourcePatcher::Result SourcePatcher::patch(const QString &text, SpecFormat format,
                                           const SourceNode &parsed, const SourceNode &target)
{
    Result res;
    res.text = text;
    QByteArray src = text.toUtf8();
    QByteArray bom;
    if (src.startsWith("\xEF\xBB\xBF")) {
        bom = src.left(3);
        src.remove(0, 3);
    }
    const bool json = format == SpecFormat::Json;
    const SpecFormat fmt = json ? SpecFormat::Json : SpecFormat::Yaml;
    auto verify = [&](const QByteArray &out) -> std::optional<SourceNode> {
        ReadResult back = SpecReader::read(out, fmt);
        if (back.root && *back.root == target)
            return std::move(back.root);
        return std::nullopt;
    };
    if (parsed == target) {
        res.ok = true;
        res.tree = parsed;
        return res;
    }
    QSet<QString> force, quoted;
    for (int round = 0; round < 64; ++round) {
        Differ d(src, json, force, quoted);
        d.node(parsed, target, QString(), Ctx{});
        bool applied = false;
        const QByteArray out = applyReplacements(src, d.m_out, &applied);
        if (applied && !d.m_failed) {
            // One scalar rewritten on its line (a form edit): read back without reading it all.
            std::optional<SourceNode> tree;
            if (d.m_out.size() == 1 && d.m_touched.size() == 1) {
                const Replacement &r = d.m_out.front();
                tree = ScalarReadBack::tree(src, json, parsed, target, d.m_touched.front(), r.begin,
                                            r.end, r.text);
            }
            if (!tree)
                tree = verify(out);
            if (tree) {
                res.ok = true;
                res.text = QString::fromUtf8(bom + out);
                res.tree = std::move(tree);
                res.reemitted = d.m_reemitted;
                res.replacements = int(d.m_out.size());
                return res;
            }
        }
        // Escalate: first write the touched values on one line each, then re-emit the parent
        // of every value the patch touched.
        const QSet<QString> touched(d.m_touched.cbegin(), d.m_touched.cend());
        if (!json && !touched.isEmpty() && !quoted.contains(touched)) {
            quoted.unite(touched);
            --round;
            continue;
        }
        if (force.contains(QString()))
            break;
        QSet<QString> next = force;
        for (const QString &p : std::as_const(d.m_touched))
            next.insert(force.contains(p) || round > 0 ? parentPointer(p) : p);
        if (d.m_touched.isEmpty() || next == force)
            next.insert(QString());
        force = next;
    }
    // Last resort: the whole document, keeping the comment block it starts with.
    const SourceEmitter emit;
    const QByteArray whole = json
                                 ? emit.json(target, 0, true).toUtf8() + '\n'
                                 : leadingComments(src) + emit.yamlBlock(target, 0).toUtf8() + '\n';
    if (auto tree = verify(whole)) {
        res.ok = true;
        res.text = QString::fromUtf8(bom + whole);
        res.tree = std::move(tree);
        res.reemitted = {QStringLiteral("(document)")};
        res.replacements = 1;
    }
    return res;
}

} // namespace uis
