// SPDX-License-Identifier: Apache-2.0
// SourcePatcher: edits touch only the text of what changed. Unit cases plus a property test
// that applies hundreds of random form/canvas edits to commented copies of every template.
#include "graphmodel.h"
#include "pipelinedocument.h"
#include "scalarreadback.h"
#include "sourcepatcher.h"
#include "specreader.h"
#include "specwriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <set>

using namespace uis;

namespace {

SourceNode parse(const QString &text, SpecFormat f = SpecFormat::Yaml)
{
    ReadResult r = SpecReader::read(text.toUtf8(), f);
    return r.root ? *r.root : SourceNode();
}

/// Applies `pointer = value` to the parse of `text` and patches.
QString patched(const QString &text, const QString &pointer, const std::optional<SourceNode> &value,
                SpecFormat f = SpecFormat::Yaml)
{
    SourceNode target = parse(text, f);
    const QStringList tokens = splitPointer(pointer);
    SourceNode *parent = &target;
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i)
        parent = parent->isMap() ? parent->find(tokens[i])
                                 : &parent->children()[size_t(tokens[i].toInt())];
    if (parent->isMap()) {
        if (value)
            parent->insert(tokens.last(), *value);
        else
            parent->remove(tokens.last());
    } else {
        const int idx = tokens.last().toInt();
        auto &ch = parent->children();
        if (!value)
            ch.erase(ch.begin() + idx);
        else if (idx >= int(ch.size()))
            ch.push_back(*value);
        else
            ch[size_t(idx)] = *value;
    }
    const SourcePatcher::Result r = SourcePatcher::patch(text, f, target);
    if (!r.ok || !r.reemitted.isEmpty())
        qWarning() << "patch fell back" << r.ok << r.reemitted;
    return r.text;
}

QStringList splitLines(const QString &t)
{
    return t.split(QLatin1Char('\n'));
}

/// Indices of old lines that a line diff does not keep. Where identical lines make several
/// alignments equally short (`}` and `],` in JSON), the diff keeps the lines `mustKeep` names
/// first: a line counts as changed only if no alignment can keep it together with the others.
std::set<int> changedOldLines(const QStringList &a, const QStringList &b,
                              const std::function<bool(int)> &mustKeep)
{
    const int n = int(a.size()), m = int(b.size());
    // A kept must-keep line outweighs every other line together.
    auto weight = [&](int i) { return mustKeep(i) ? n + 1 : 1; };
    std::vector<std::vector<long>> l(size_t(n + 1), std::vector<long>(size_t(m + 1), 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            l[size_t(i)][size_t(j)] =
                std::max({a[i] == b[j] ? l[size_t(i + 1)][size_t(j + 1)] + weight(i) : 0,
                          l[size_t(i + 1)][size_t(j)], l[size_t(i)][size_t(j + 1)]});
    std::set<int> out;
    int i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j] &&
            l[size_t(i)][size_t(j)] == l[size_t(i + 1)][size_t(j + 1)] + weight(i)) {
            ++i;
            ++j;
        } else if (l[size_t(i + 1)][size_t(j)] >= l[size_t(i)][size_t(j + 1)]) {
            out.insert(i++);
        } else {
            ++j;
        }
    }
    while (i < n)
        out.insert(i++);
    return out;
}

/// A template with comments at line ends and inside blocks, blank lines and quoted strings.
QString decorate(const QString &yaml, QRandomGenerator &rng, int &counter)
{
    static const QRegularExpression entry(
        QStringLiteral("^(\\s*(?:- )?[A-Za-z_]+: )([^'\"{\\[|>&*#!][^#]*)$"));
    QStringList out;
    int blockIndent = -1;
    for (const QString &line : splitLines(yaml)) {
        const int indent = int(
            line.size() - QString(line).remove(QRegularExpression(QStringLiteral("^ +"))).size());
        const QString trimmed = line.trimmed();
        if (blockIndent >= 0) {
            if (trimmed.isEmpty() || indent > blockIndent) {
                out << line;
                continue;
            }
            blockIndent = -1;
        }
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))) {
            out << line;
            continue;
        }
        if (rng.bounded(10) < 1)
            out << QString();
        if (rng.bounded(4) == 0)
            out << QString(indent, QLatin1Char(' ')) + QStringLiteral("# note%1").arg(++counter);
        QString l = line;
        const bool blockScalar =
            trimmed.endsWith(QLatin1Char('|')) || trimmed.endsWith(QLatin1Char('>')) ||
            trimmed.endsWith(QLatin1String("|-")) || trimmed.endsWith(QLatin1String(">-"));
        if (blockScalar) {
            blockIndent = indent;
            out << l;
            continue;
        }
        const auto m = entry.match(l);
        if (m.hasMatch() && rng.bounded(3) == 0) {
            const QString v = m.captured(2);
            if (resolvePlainScalar(v) == SourceNode::ScalarType::String &&
                !v.contains(QLatin1Char('\'')) && !v.contains(QLatin1Char('"')) &&
                !v.contains(QLatin1Char('\\')) && !v.endsWith(QLatin1Char(' ')))
                l = m.captured(1) +
                    (rng.bounded(2) ? QStringLiteral("'%1'") : QStringLiteral("\"%1\"")).arg(v);
        }
        if (rng.bounded(5) < 2)
            l += QStringLiteral("  # c%1").arg(++counter);
        out << l;
    }
    return out.join(QLatin1Char('\n'));
}

struct Span
{
    int first = -1, last = -1;
};

int lineOf(const QByteArray &utf8, int offset)
{
    return int(utf8.left(offset).count('\n'));
}

/// The old lines a value occupies: from its key (or `-`) to its end.
Span spanOf(const QString &text, SpecFormat f, const QString &pointer)
{
    const QByteArray u = text.toUtf8();
    const ReadResult r = SpecReader::read(u, f);
    if (!r.root)
        return {};
    const SourceNode *n = r.root->at(pointer);
    if (!n || n->beginOffset() < 0)
        return {};
    const int b = n->keyOffset() >= 0 ? n->keyOffset() : n->beginOffset();
    return {lineOf(u, b), lineOf(u, n->endOffset())};
}

QSet<QString> markers(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("# (?:c|note)\\d+"));
    QSet<QString> s;
    for (auto it = re.globalMatch(text); it.hasNext();)
        s.insert(it.next().captured(0));
    return s;
}

/// Scalars and maps of a tree, by pointer.
void collect(const SourceNode &n, const QString &ptr, QStringList &scalars, QStringList &maps,
             QStringList &lists)
{
    if (n.isMap()) {
        maps << ptr;
        for (const SourceNode &c : n.children())
            collect(c, pointerAppend(ptr, c.key()), scalars, maps, lists);
    } else if (n.isList()) {
        lists << ptr;
        for (int i = 0; i < n.size(); ++i)
            collect(n.children()[size_t(i)], pointerAppend(ptr, i), scalars, maps, lists);
    } else {
        scalars << ptr;
    }
}

SourceNode randomScalar(QRandomGenerator &rng, int serial)
{
    switch (rng.bounded(12)) {
    case 0:
        return SourceNode::makeInt(rng.bounded(1000));
    case 1:
        return SourceNode::makeBool(rng.bounded(2));
    case 2:
        return SourceNode::makeString(QStringLiteral("needs: quoting #%1").arg(serial));
    case 3:
        return SourceNode::makeString(QStringLiteral("it's %1").arg(serial));
    case 4:
        return SourceNode::makeString(QStringLiteral("%1").arg(serial)); // a number as a string
    case 5:
        return SourceNode::makeString(QStringLiteral("line one\nline %1\n").arg(serial));
    case 6:
        return SourceNode::makeString(QStringLiteral("héllo wörld %1").arg(serial));
    case 7:
        return SourceNode::makeString(QString());
    case 8:
        return SourceNode::makeFloat(serial + 0.5);
    case 9:
        return SourceNode::makeString(QStringLiteral("{{secret.kv:key_%1}}").arg(serial));
    default:
        return SourceNode::makeString(QStringLiteral("value_%1").arg(serial));
    }
}

/// Where two trees differ, positions, offsets and styles included: "" when they do not.
QString deepDifference(const SourceNode &a, const SourceNode &b, const QString &ptr = QString())
{
    auto where = [&](const char *what) { return ptr + QStringLiteral(": ") + QLatin1String(what); };
    if (a.kind() != b.kind() || a.scalarType() != b.scalarType() || a.text() != b.text() ||
        a.key() != b.key())
        return where("value");
    if (a.style() != b.style())
        return where("style");
    if (a.pos().line != b.pos().line || a.pos().column != b.pos().column)
        return where("position") + QStringLiteral(" %1:%2 vs %3:%4")
                                       .arg(a.pos().line)
                                       .arg(a.pos().column)
                                       .arg(b.pos().line)
                                       .arg(b.pos().column);
    if (a.keyPos().line != b.keyPos().line || a.keyPos().column != b.keyPos().column)
        return where("key position");
    if (a.beginOffset() != b.beginOffset() || a.endOffset() != b.endOffset() ||
        a.keyOffset() != b.keyOffset())
        return where("offsets") + QStringLiteral(" [%1,%2) key %3 vs [%4,%5) key %6")
                                      .arg(a.beginOffset())
                                      .arg(a.endOffset())
                                      .arg(a.keyOffset())
                                      .arg(b.beginOffset())
                                      .arg(b.endOffset())
                                      .arg(b.keyOffset());
    if (a.children().size() != b.children().size())
        return where("children");
    for (size_t i = 0; i < a.children().size(); ++i) {
        const SourceNode &c = a.children()[i];
        const QString d =
            deepDifference(c, b.children()[i],
                           a.isMap() ? pointerAppend(ptr, c.key()) : pointerAppend(ptr, int(i)));
        if (!d.isEmpty())
            return d;
    }
    return QString();
}

} // namespace

class TestSourcePatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scalarKeepsQuotingAndComments();
    void multiLineValueBeforeDeeperComment();
    void flowMapsKeepTheirSpaces();
    void blockInsertAndRemove();
    void removedNodeLeavesItsNeighboursText();
    void newKeyGoesAfterTheCommentsAboveIt();
    void jsonInsertAndRemove();
    void reorderMovesEntriesWithTheirComments();
    void scalarEditsReadBackAsAReadWould_data();
    void scalarEditsReadBackAsAReadWould();
    void randomEdits_data();
    void randomEdits();
    void cleanupTestCase();

private:
    int m_cases = 0, m_edits = 0, m_fallbacks = 0;
    qint64 m_ms = 0;
    QMap<QString, int> m_ops;
    QStringList m_fellBack;
};

void TestSourcePatch::scalarKeepsQuotingAndComments()
{
    const QString t = QStringLiteral(
        "# head\nversion: \"1.1\"   # v\nname: 'my-spec' # n\n\n# c\nprovider:\n  name: x\n");
    QCOMPARE(
        patched(t, QStringLiteral("/name"), SourceNode::makeString(QStringLiteral("other"))),
        QStringLiteral(
            "# head\nversion: \"1.1\"   # v\nname: 'other' # n\n\n# c\nprovider:\n  name: x\n"));
    QCOMPARE(patched(t, QStringLiteral("/provider/name"),
                     SourceNode::makeString(QStringLiteral("true"))),
             QStringLiteral("# head\nversion: \"1.1\"   # v\nname: 'my-spec' # n\n\n# "
                            "c\nprovider:\n  name: \"true\"\n"));
    QCOMPARE(
        patched(t, QStringLiteral("/version"), SourceNode::makeString(QStringLiteral("1.0"))),
        QStringLiteral(
            "# head\nversion: \"1.0\"   # v\nname: 'my-spec' # n\n\n# c\nprovider:\n  name: x\n"));
}

void TestSourcePatch::multiLineValueBeforeDeeperComment()
{
    // A `|` block here would take the comment in as text: the value is written quoted instead,
    // and nothing else of the document changes.
    const QString t =
        QStringLiteral("# head\nname: x  # c1\nextra:\n  k: \"\"\n    # deeper\nlast: y  # c2\n");
    QCOMPARE(patched(t, QStringLiteral("/extra/k"),
                     SourceNode::makeString(QStringLiteral("line one\nline two\n"))),
             QStringLiteral("# head\nname: x  # c1\nextra:\n  k: \"line one\\nline two\\n\"\n"
                            "    # deeper\nlast: y  # c2\n"));
}

void TestSourcePatch::flowMapsKeepTheirSpaces()
{
    const QString t =
        QStringLiteral("schema:\n  - { name: a, type: string }  # s\n  - { name: b, type: int }\n");
    QCOMPARE(patched(t, QStringLiteral("/schema/0/type"),
                     SourceNode::makeString(QStringLiteral("double"))),
             QStringLiteral(
                 "schema:\n  - { name: a, type: double }  # s\n  - { name: b, type: int }\n"));
    QCOMPARE(patched(t, QStringLiteral("/schema/1/nullable"), SourceNode::makeBool(false)),
             QStringLiteral("schema:\n  - { name: a, type: string }  # s\n  - { name: b, type: "
                            "int, nullable: false }\n"));
    QCOMPARE(patched(t, QStringLiteral("/schema/0/name"), std::nullopt),
             QStringLiteral("schema:\n  - { type: string }  # s\n  - { name: b, type: int }\n"));
    const QString l = QStringLiteral("inputs: [a, b]  # i\n");
    QCOMPARE(patched(l, QStringLiteral("/inputs/2"), SourceNode::makeString(QStringLiteral("c"))),
             QStringLiteral("inputs: [a, b, c]  # i\n"));
    QCOMPARE(patched(l, QStringLiteral("/inputs/1"), std::nullopt),
             QStringLiteral("inputs: [a]  # i\n"));
}

void TestSourcePatch::blockInsertAndRemove()
{
    const QString t =
        QStringLiteral("sinks:\n  # first\n  - name: a   # a\n    type: console\n\n  - name: b\n   "
                       " # inner\n    type: kafka\n    config:\n      x: 1\nend: 1\n");
    SourceNode sink = SourceNode::makeMap();
    sink.insert(QStringLiteral("name"), SourceNode::makeString(QStringLiteral("c")));
    sink.insert(QStringLiteral("type"), SourceNode::makeString(QStringLiteral("parquet")));
    QCOMPARE(
        patched(t, QStringLiteral("/sinks/2"), sink),
        QStringLiteral(
            "sinks:\n  # first\n  - name: a   # a\n    type: console\n\n  - name: b\n    # inner\n "
            "   type: kafka\n    config:\n      x: 1\n  - name: c\n    type: parquet\nend: 1\n"));
    QCOMPARE(patched(t, QStringLiteral("/sinks/0"), std::nullopt),
             QStringLiteral("sinks:\n  # first\n\n  - name: b\n    # inner\n    type: kafka\n    "
                            "config:\n      x: 1\nend: 1\n"));
    QCOMPARE(
        patched(t, QStringLiteral("/sinks/1/config/z"), SourceNode::makeInt(2)),
        QStringLiteral("sinks:\n  # first\n  - name: a   # a\n    type: console\n\n  - name: b\n   "
                       " # inner\n    type: kafka\n    config:\n      x: 1\n      z: 2\nend: 1\n"));
    QCOMPARE(patched(t, QStringLiteral("/sinks/1/config"), std::nullopt),
             QStringLiteral("sinks:\n  # first\n  - name: a   # a\n    type: console\n\n  - name: "
                            "b\n    # inner\n    type: kafka\nend: 1\n"));
    QCOMPARE(patched(t, QStringLiteral("/sinks/0/name"), std::nullopt),
             QStringLiteral("sinks:\n  # first\n  - type: console\n\n  - name: b\n    # inner\n    "
                            "type: kafka\n    config:\n      x: 1\nend: 1\n"));
}

void TestSourcePatch::removedNodeLeavesItsNeighboursText()
{
    // Removing a node also drops the next node's `inputs`: the list is aligned by name, so the
    // second node is edited in place rather than written over the first.
    const QString t = QStringLiteral("transforms:  # c1\n"
                                     "  - name: a\n"
                                     "    type: dedupe\n"
                                     "  - name: 'b'  # c2\n"
                                     "    watermark: '10 s'  # c3\n"
                                     "\n"
                                     "    # note\n"
                                     "    inputs: [a]\n"
                                     "end: 1\n");
    SourceNode target = parse(t);
    auto &list = target.find(u"transforms")->children();
    list.erase(list.begin());
    QVERIFY(list.front().remove(u"inputs"));
    const SourcePatcher::Result r = SourcePatcher::patch(t, SpecFormat::Yaml, target);
    QVERIFY(r.ok);
    QCOMPARE(r.reemitted, QStringList());
    QCOMPARE(r.text, QStringLiteral("transforms:  # c1\n"
                                    "  - name: 'b'  # c2\n"
                                    "    watermark: '10 s'  # c3\n"
                                    "\n"
                                    "    # note\n"
                                    "end: 1\n"));
}

void TestSourcePatch::newKeyGoesAfterTheCommentsAboveIt()
{
    // A comment indented under the last entry belongs to it; a block scalar inserted before it
    // would take it in as text.
    const QString t = QStringLiteral("p:\n  s:\n    - t: 1\n      # note\n");
    QCOMPARE(patched(t, QStringLiteral("/p/z"), SourceNode::makeString(QStringLiteral("one\ntwo"))),
             QStringLiteral("p:\n  s:\n    - t: 1\n      # note\n  z: |-\n    one\n    two\n"));
}

void TestSourcePatch::jsonInsertAndRemove()
{
    const QString t =
        QStringLiteral("{\n    \"a\": 1,\n    \"b\": [\"x\"],\n    \"c\": {\"k\": \"v\"}\n}\n");
    QCOMPARE(patched(t, QStringLiteral("/b/1"), SourceNode::makeString(QStringLiteral("y")),
                     SpecFormat::Json),
             QStringLiteral(
                 "{\n    \"a\": 1,\n    \"b\": [\"x\", \"y\"],\n    \"c\": {\"k\": \"v\"}\n}\n"));
    QCOMPARE(patched(t, QStringLiteral("/d"), SourceNode::makeBool(true), SpecFormat::Json),
             QStringLiteral("{\n    \"a\": 1,\n    \"b\": [\"x\"],\n    \"c\": {\"k\": \"v\"},\n   "
                            " \"d\": true\n}\n"));
    QCOMPARE(patched(t, QStringLiteral("/c"), std::nullopt, SpecFormat::Json),
             QStringLiteral("{\n    \"a\": 1,\n    \"b\": [\"x\"]\n}\n"));
    QCOMPARE(patched(t, QStringLiteral("/a"), std::nullopt, SpecFormat::Json),
             QStringLiteral("{\n    \"b\": [\"x\"],\n    \"c\": {\"k\": \"v\"}\n}\n"));
}

void TestSourcePatch::reorderMovesEntriesWithTheirComments()
{
    const QString t = QStringLiteral("# top\nprovider:\n  # the sinks\n  sinks: [{ type: console "
                                     "}]\n  name: x  # n\nname: y\nversion: \"1.1\"\n");
    const SourcePatcher::Result r =
        SourcePatcher::patch(t, SpecFormat::Yaml, SpecWriter::normalize(parse(t)));
    QVERIFY(r.ok);
    QCOMPARE(r.text, QStringLiteral("# top\nversion: \"1.1\"\nname: y\nprovider:\n  name: x  # n\n "
                                    " # the sinks\n  sinks: [{ type: console }]\n"));
}

void TestSourcePatch::scalarEditsReadBackAsAReadWould_data()
{
    randomEdits_data();
}

void TestSourcePatch::scalarEditsReadBackAsAReadWould()
{
    // Every scalar of a template set to values of every kind: the patched text's tree, whether
    // read back whole or made without reading (ScalarReadBack), is what reading the text gives,
    // to the byte offset and the column. The shortcut must have been taken for most of them.
    QFETCH(QString, name);
    QFETCH(int, format);
    const SpecFormat fmt = SpecFormat(format);
    QFile f(name);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    if (fmt == SpecFormat::Json)
        text = QString::fromUtf8(SpecWriter::toJson(parse(text), 2));
    const QByteArray src = text.toUtf8();
    const SourceNode parsed = parse(text, fmt);
    QStringList scalars, maps, lists;
    collect(parsed, QString(), scalars, maps, lists);
    QRandomGenerator rng(20261208u);
    int shortcuts = 0, cases = 0;
    for (const QString &p : std::as_const(scalars)) {
        const SourceNode *old = parsed.at(p);
        if (!old->isScalar() || p.isEmpty())
            continue;
        SourceNode target = parsed;
        const SourceNode value = randomScalar(rng, cases);
        const QStringList tokens = splitPointer(p);
        SourceNode *parent = target.at(parentPointer(p));
        if (parent->isMap())
            parent->insert(tokens.last(), value);
        else
            parent->children()[size_t(tokens.last().toInt())] = value;
        const SourcePatcher::Result r = SourcePatcher::patch(text, fmt, parsed, target);
        QVERIFY2(r.ok && r.tree, qPrintable(p));
        ReadResult fresh = SpecReader::read(r.text.toUtf8(), fmt);
        QVERIFY(fresh.root);
        const QString diff = deepDifference(*r.tree, *fresh.root);
        QVERIFY2(diff.isEmpty(), qPrintable(p + QStringLiteral(" -> ") + diff));
        ++cases;
        // The shortcut on the same edit, where the patch replaced the scalar's bytes alone.
        const QByteArray out = r.text.toUtf8();
        const int begin = old->beginOffset(), end = old->endOffset();
        const int length = int(out.size() - src.size()) + (end - begin);
        if (length <= 0 || out.left(begin) != src.left(begin) ||
            out.mid(begin + length) != src.mid(end))
            continue;
        const std::optional<SourceNode> quick = ScalarReadBack::tree(
            src, fmt == SpecFormat::Json, parsed, target, p, begin, end, out.mid(begin, length));
        if (!quick)
            continue;
        ++shortcuts;
        const QString quickDiff = deepDifference(*quick, *fresh.root);
        QVERIFY2(quickDiff.isEmpty(),
                 qPrintable(p + QStringLiteral(" (shortcut) -> ") + quickDiff));
    }
    QVERIFY(cases > 10);
    // An anchored value (its aliases follow it) and a tagged one (the tag types it).
    const QString anchored = QStringLiteral("a: &x 5\nb: *x\nc: !!str 7\nd: [1, 2]\n");
    const SourceNode before = parse(anchored);
    for (const auto &[pointer, value] : {std::pair{QStringLiteral("/a"), SourceNode::makeInt(6)},
                                         std::pair{QStringLiteral("/c"), SourceNode::makeInt(8)}}) {
        SourceNode edited = before;
        edited.insert(pointer.mid(1), value);
        const SourcePatcher::Result r =
            SourcePatcher::patch(anchored, SpecFormat::Yaml, before, edited);
        QVERIFY(r.ok && r.tree);
        const ReadResult back = SpecReader::read(r.text.toUtf8(), SpecFormat::Yaml);
        QVERIFY2(back.root, qPrintable(r.text));
        QVERIFY2(deepDifference(*r.tree, *back.root).isEmpty(), qPrintable(r.text));
        QVERIFY2(*back.root == edited, qPrintable(r.text));
    }
    QVERIFY2(shortcuts * 3 > cases,
             qPrintable(QStringLiteral("%1 of %2").arg(shortcuts).arg(cases)));
}

void TestSourcePatch::randomEdits_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("format");
    const QDir dir(QStringLiteral(UIS_SOURCE_DIR "/resources/templates"));
    for (const QString &f : dir.entryList({QStringLiteral("*.uis.yaml")}, QDir::Files)) {
        QTest::newRow(qPrintable(f + QStringLiteral(" yaml")))
            << dir.filePath(f) << int(SpecFormat::Yaml);
        QTest::newRow(qPrintable(f + QStringLiteral(" json")))
            << dir.filePath(f) << int(SpecFormat::Json);
    }
}

void TestSourcePatch::randomEdits()
{
    QFETCH(QString, name);
    QFETCH(int, format);
    const SpecFormat fmt = SpecFormat(format);
    QFile f(name);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString original = QString::fromUtf8(f.readAll());
    // The file name, not its path: a checkout in another folder runs the same edits.
    // UIS_PATCH_SEED=N runs another set of edits, to look for more cases by hand.
    QRandomGenerator rng(20261126u + quint32(qHash(QFileInfo(name).fileName())) + quint32(format) +
                         quint32(qEnvironmentVariableIntValue("UIS_PATCH_SEED")));
    int counter = 0;
    QString text =
        fmt == SpecFormat::Json
            ? QString::fromUtf8(SpecWriter::toJson(parse(original), rng.bounded(2) ? 2 : 4))
            : decorate(original, rng, counter);
    QVERIFY2(parse(text, fmt) == parse(original), qPrintable(text));
    ++m_cases;

    PipelineDocument doc;
    doc.openText(text.toUtf8(), fmt);
    QVERIFY(doc.tree());
    QElapsedTimer timer;
    timer.start();
    const int edits = 100;
    int serial = 0;
    for (int e = 0; e < edits; ++e) {
        const QString before = doc.text();
        const int indexBefore = doc.undoStack()->index();
        const SourceNode tree = *doc.tree();
        QStringList scalars, maps, lists;
        collect(tree, QString(), scalars, maps, lists);
        const GraphModel *g = doc.graph();
        const QList<NodeId> ids = g->nodeIds();
        QList<Span> allowed; // old lines that may change
        QList<Span> removed; // old lines whose comments may go
        auto allowInputs = [&] {
            for (NodeId id : ids) {
                const Span s =
                    spanOf(before, fmt, g->node(id)->pointer + QStringLiteral("/inputs"));
                allowed << s;
                removed << s;
            }
        };
        QString op;
        const int kind = rng.bounded(9);
        ++serial;
        if (kind == 0 || kind == 8) { // set a scalar (or edit a list item)
            QStringList pool = scalars;
            if (kind == 8)
                pool = pool.filter(QRegularExpression(QStringLiteral("/\\d+$")));
            pool = pool.filter(QRegularExpression(
                QStringLiteral("^/provider/(?!.*/name$)(?!.*/type$)(?!provider_type|mode)")));
            if (pool.isEmpty())
                continue;
            const QString p = pool[rng.bounded(int(pool.size()))];
            op = kind == 8 ? QStringLiteral("edit list item") : QStringLiteral("set scalar");
            allowed << spanOf(before, fmt, p);
            QVERIFY(doc.setValue(p, randomScalar(rng, serial)));
        } else if (kind == 1) { // add a map key
            const QStringList pool = maps.filter(QRegularExpression(QStringLiteral("^/provider")));
            const QString p = pool[rng.bounded(int(pool.size()))];
            SourceNode v = randomScalar(rng, serial);
            if (rng.bounded(4) == 0) {
                v = SourceNode::makeMap();
                v.insert(QStringLiteral("k%1").arg(serial), randomScalar(rng, serial));
            } else if (rng.bounded(4) == 0) {
                v = SourceNode::makeList();
                v.append(randomScalar(rng, serial));
                v.append(SourceNode::makeString(QStringLiteral("second")));
            }
            const SourceNode *m = tree.at(p);
            if (m->size() == 0 || fmt == SpecFormat::Json ||
                tree.at(p)->children().front().beginOffset() < 0)
                allowed << spanOf(before, fmt, p);
            else if (doc.tree()->at(p)->size() &&
                     spanOf(before, fmt, p).first == spanOf(before, fmt, p).last)
                allowed << spanOf(before, fmt, p); // one-line flow map
            op = QStringLiteral("add map key");
            QVERIFY(doc.setValue(pointerAppend(p, QStringLiteral("x_extra_%1").arg(serial)), v));
        } else if (kind ==
                   2) { // remove a map key (not the first of its map, not a node's name/type)
            QStringList pool;
            for (const QString &p : std::as_const(maps)) {
                const SourceNode *m = tree.at(p);
                for (int i = 1; i < m->size(); ++i) {
                    const QString k = m->children()[size_t(i)].key();
                    if (p.startsWith(QLatin1String("/provider")) && k != QLatin1String("type") &&
                        k != QLatin1String("endpoints") && k != QLatin1String("sinks") &&
                        k != QLatin1String("provider_type") && k != QLatin1String("mode"))
                        pool << pointerAppend(p, k);
                }
            }
            if (pool.isEmpty())
                continue;
            const QString p = pool[rng.bounded(int(pool.size()))];
            const Span s = spanOf(before, fmt, p);
            allowed << s
                    << spanOf(before, fmt, p.left(p.lastIndexOf(QLatin1Char('/')))); // flow parent
            removed << s;
            if (fmt == SpecFormat::Json ||
                spanOf(before, fmt, p.left(p.lastIndexOf(QLatin1Char('/')))).first ==
                    spanOf(before, fmt, p.left(p.lastIndexOf(QLatin1Char('/')))).last)
                ;
            else
                allowed.removeLast();
            if (fmt == SpecFormat::Json)
                allowed << Span{s.first - 1, s.first - 1}; // the comma before the last member
            op = QStringLiteral("remove map key");
            QVERIFY(doc.setValue(p, std::nullopt));
        } else if (kind == 3) { // add a node
            const NodeKind k = NodeKind(rng.bounded(3));
            static const QStringList transforms = {QStringLiteral("filter"), QStringLiteral("sql"),
                                                   QStringLiteral("dedupe")};
            static const QStringList sinks = {QStringLiteral("console"), QStringLiteral("parquet"),
                                              QStringLiteral("kafka")};
            const QString type =
                k == NodeKind::Transform ? transforms[rng.bounded(3)] : sinks[rng.bounded(3)];
            const SourceNode *list = tree.at(nodeListPointer(k));
            if (fmt == SpecFormat::Json || (list && list->size() == 0))
                allowed << spanOf(before, fmt, nodeListPointer(k))
                        << spanOf(before, fmt, QStringLiteral("/provider"));
            op = QStringLiteral("add node");
            QVERIFY(doc.addNode(k, type) != InvalidNodeId);
        } else if (kind == 4) { // remove a node (keep one of each kind)
            QList<NodeId> pool;
            for (NodeId id : ids) {
                const NodeKind k = g->node(id)->kind;
                int same = 0;
                for (NodeId o : ids)
                    same += g->node(o)->kind == k;
                if (k == NodeKind::Transform || same > 1)
                    pool << id;
            }
            if (pool.isEmpty())
                continue;
            const NodeId id = pool[rng.bounded(int(pool.size()))];
            const QString p = g->node(id)->pointer;
            const Span s = spanOf(before, fmt, p);
            const QString listPointer = p.left(p.lastIndexOf(QLatin1Char('/')));
            allowed << s;
            removed << s;
            if (fmt == SpecFormat::Json || tree.at(listPointer)->size() == 1) // `[]`
                allowed << spanOf(before, fmt, listPointer);
            if (tree.at(listPointer)->size() == 1)
                removed << spanOf(before, fmt, listPointer);
            else
                allowed << Span{s.first - 1, s.first - 1};
            allowInputs();
            op = QStringLiteral("remove node");
            QVERIFY(doc.removeNodes({id}));
        } else if (kind == 5 || kind == 6) { // connect / disconnect
            QList<std::pair<NodeId, NodeId>> pool;
            for (NodeId a : ids)
                for (NodeId b : ids)
                    if (kind == 5 ? g->canConnect(a, b) : g->hasConnection(a, b))
                        pool.append({a, b});
            if (pool.isEmpty())
                continue;
            const auto [a, b] = pool[rng.bounded(int(pool.size()))];
            allowInputs();
            if (fmt == SpecFormat::Json)
                allowed << spanOf(before, fmt, g->node(b)->pointer);
            op = kind == 5 ? QStringLiteral("connect") : QStringLiteral("disconnect");
            if (kind == 5)
                QVERIFY(doc.connectNodes(a, b));
            else
                QVERIFY(doc.disconnectNodes(a, b));
        } else { // rename a node
            const NodeId id = ids[rng.bounded(int(ids.size()))];
            const QString p = g->node(id)->pointer + QStringLiteral("/name");
            if (!tree.at(p))
                continue;
            allowed << spanOf(before, fmt, p);
            allowInputs();
            op = QStringLiteral("rename node");
            QVERIFY(
                doc.setValue(p, SourceNode::makeString(QStringLiteral("renamed_%1").arg(serial))));
        }
        ++m_edits;
        ++m_ops[op];
        const QString after = doc.text();
        const QString where = QStringLiteral("%1 edit %2 (%3)\n--- before\n%4\n--- after\n%5")
                                  .arg(name)
                                  .arg(e)
                                  .arg(op, before, after);
        // (1) the text reads back as exactly the edited model
        QVERIFY2(parse(after, fmt) == *doc.tree(), qPrintable(where));
        if (!doc.lastPatch().reemitted.isEmpty()) {
            ++m_fallbacks;
            m_fellBack << op + QStringLiteral(": ") +
                              doc.lastPatch().reemitted.join(QLatin1Char(','));
        }
        // (2) lines outside the edited values are unchanged
        const QStringList oldLines = splitLines(before);
        auto mayChange = [&](int line) {
            // A blank line may be aligned with another blank line by the diff.
            return oldLines[line].trimmed().isEmpty() ||
                   std::any_of(allowed.begin(), allowed.end(), [&](const Span &s) {
                       // In JSON the member before a removed last member loses its comma.
                       return line >= s.first - (fmt == SpecFormat::Json ? 1 : 0) && line <= s.last;
                   });
        };
        const std::set<int> changed = changedOldLines(oldLines, splitLines(after),
                                                      [&](int line) { return !mayChange(line); });
        for (int line : changed) {
            const bool ok = mayChange(line);
            if (!ok && qEnvironmentVariableIsSet("UIS_PATCH_DUMP")) {
                QFile b(QStringLiteral("/tmp/pt/before.txt")),
                    a(QStringLiteral("/tmp/pt/after.txt"));
                b.open(QIODevice::WriteOnly);
                b.write(before.toUtf8());
                a.open(QIODevice::WriteOnly);
                a.write(after.toUtf8());
            }
            QVERIFY2(ok,
                     qPrintable(QStringLiteral("line %1 changed: %2").arg(line + 1).arg(where)));
        }
        // (3) comments survive, except inside removed blocks
        const QSet<QString> now = markers(after);
        const QStringList beforeLines = splitLines(before);
        for (int i = 0; i < beforeLines.size(); ++i) {
            const bool inRemoved = std::any_of(removed.begin(), removed.end(), [&](const Span &s) {
                return i >= s.first && i <= s.last;
            });
            if (inRemoved)
                continue;
            for (const QString &mk : markers(beforeLines[i]))
                QVERIFY2(now.contains(mk), qPrintable(mk + QStringLiteral(" lost: ") + where));
        }
        // Undo restores the exact bytes, redo the patched ones (unless the edit merged with the
        // one before: consecutive edits of one field are one undo step).
        if (doc.undoStack()->index() != indexBefore + 1)
            continue;
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), before);
        doc.undoStack()->redo();
        QCOMPARE(doc.text(), after);
    }
    m_ms += timer.elapsed();
}

void TestSourcePatch::cleanupTestCase()
{
    qInfo().noquote()
        << QStringLiteral(
               "property test: %1 cases, %2 edits in %3 ms, %4 fell back to block re-emission")
               .arg(m_cases)
               .arg(m_edits)
               .arg(m_ms)
               .arg(m_fallbacks);
    for (auto it = m_ops.begin(); it != m_ops.end(); ++it)
        qInfo().noquote() << "  " << it.key() << it.value();
    for (const QString &s : std::as_const(m_fellBack))
        qInfo().noquote() << "  fell back:" << s;
}

QTEST_GUILESS_MAIN(TestSourcePatch)
#include "tst_sourcepatch.moc"
