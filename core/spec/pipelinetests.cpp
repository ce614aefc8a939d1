// SPDX-License-Identifier: Apache-2.0
#include "pipelinetests.h"

#include "specreader.h"
#include "specschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace uis {

namespace {

Diagnostic diag(Severity s, const char *code, const QString &message, const QString &pointer,
                SourcePos pos)
{
    return Diagnostic{s, QString::fromLatin1(code), message, pointer, pos.line, pos.column};
}

class CaseReader
{
public:
    explicit CaseReader(DiagnosticList *out) : m_out(out) {}

    void error(const QString &message, const QString &pointer, SourcePos pos,
               const char *code = "UIS-E-TESTS")
    {
        m_out->append(diag(Severity::Error, code, message, pointer, pos));
    }

    bool expectKind(const SourceNode &n, SourceNode::Kind kind, const QString &what,
                    const QString &pointer)
    {
        if (n.kind() == kind)
            return true;
        error(QStringLiteral("%1 must be %2, not %3")
                  .arg(what,
                       kind == SourceNode::Kind::Map    ? QStringLiteral("a mapping")
                       : kind == SourceNode::Kind::List ? QStringLiteral("a list")
                                                        : QStringLiteral("a value"),
                       n.typeName()),
              pointer, n.pos());
        return false;
    }

    // `inputs:` / `expect:` — a mapping of name → list of row mappings of scalars.
    QList<PipelineTestRows> rowsByName(const SourceNode &map, const QString &pointer,
                                       const QString &what)
    {
        QList<PipelineTestRows> out;
        if (!expectKind(map, SourceNode::Kind::Map, what, pointer))
            return out;
        for (const SourceNode &entry : map.children()) {
            PipelineTestRows rows;
            rows.name = entry.key();
            rows.pos = entry.keyPos();
            rows.pointer = pointerAppend(pointer, entry.key());
            if (entry.isNull()) { // `sink: []` written as `sink:` — no rows expected
                out.append(rows);
                continue;
            }
            if (!expectKind(entry, SourceNode::Kind::List,
                            QStringLiteral("the rows of `%1`").arg(entry.key()), rows.pointer))
                continue;
            for (int i = 0; i < entry.size(); ++i) {
                const SourceNode &row = entry.children()[size_t(i)];
                const QString rowPointer = pointerAppend(rows.pointer, i);
                if (!expectKind(row, SourceNode::Kind::Map, QStringLiteral("a row"), rowPointer))
                    continue;
                bool scalars = true;
                for (const SourceNode &cell : row.children()) {
                    if (cell.isMap() || cell.isList()) {
                        error(QStringLiteral("column `%1` holds a %2; rows hold plain values")
                                  .arg(cell.key(), cell.typeName()),
                              pointerAppend(rowPointer, cell.key()), cell.pos());
                        scalars = false;
                    }
                }
                if (scalars)
                    rows.rows.append(row);
            }
            out.append(rows);
        }
        return out;
    }

    std::optional<PipelineTestCase> readCase(const SourceNode &n, const QString &pointer)
    {
        if (!expectKind(n, SourceNode::Kind::Map, QStringLiteral("a test case"), pointer))
            return std::nullopt;
        PipelineTestCase c;
        c.pointer = pointer;
        c.pos = n.pos();
        static const QStringList known{QStringLiteral("name"),    QStringLiteral("inputs"),
                                       QStringLiteral("expect"),  QStringLiteral("columns"),
                                       QStringLiteral("ordered"), QStringLiteral("engines")};
        for (const SourceNode &field : n.children()) {
            if (known.contains(field.key()))
                continue;
            const QString near = closestMatch(field.key(), known);
            m_out->append(
                diag(Severity::Warning, "UIS-W-UNKNOWN-KEY",
                     near.isEmpty()
                         ? QStringLiteral("unknown key `%1` in a test case").arg(field.key())
                         : QStringLiteral("unknown key `%1` in a test case; did you mean `%2`?")
                               .arg(field.key(), near),
                     pointerAppend(pointer, field.key()), field.keyPos()));
        }
        const SourceNode *name = n.find(u"name");
        if (!name || !name->isScalar() || name->text().trimmed().isEmpty())
            error(QStringLiteral("a test case needs a `name`"), pointer, n.pos(), "UIS-E-REQUIRED");
        else
            c.name = name->text();
        const SourceNode *inputs = n.find(u"inputs");
        if (!inputs)
            error(QStringLiteral("test case `%1` needs `inputs`").arg(c.name), pointer, n.pos(),
                  "UIS-E-REQUIRED");
        else
            c.inputs =
                rowsByName(*inputs, pointerAppend(pointer, u"inputs"), QStringLiteral("`inputs`"));
        const SourceNode *expect = n.find(u"expect");
        if (!expect)
            error(QStringLiteral("test case `%1` needs `expect`").arg(c.name), pointer, n.pos(),
                  "UIS-E-REQUIRED");
        else
            c.expect =
                rowsByName(*expect, pointerAppend(pointer, u"expect"), QStringLiteral("`expect`"));
        if (const SourceNode *columns = n.find(u"columns")) {
            const QString p = pointerAppend(pointer, u"columns");
            if (expectKind(*columns, SourceNode::Kind::List, QStringLiteral("`columns`"), p)) {
                for (const SourceNode &col : columns->children()) {
                    c.columns.append(col.text());
                    c.columnPos.append(col.pos());
                }
            }
        }
        if (const SourceNode *ordered = n.find(u"ordered")) {
            if (const auto b = ordered->toBool())
                c.ordered = *b;
            else
                error(QStringLiteral("`ordered` must be true or false"),
                      pointerAppend(pointer, u"ordered"), ordered->pos(), "UIS-E-TYPE");
        }
        if (const SourceNode *engines = n.find(u"engines")) {
            const QString p = pointerAppend(pointer, u"engines");
            if (expectKind(*engines, SourceNode::Kind::List, QStringLiteral("`engines`"), p)) {
                for (int i = 0; i < engines->size(); ++i) {
                    const SourceNode &e = engines->children()[size_t(i)];
                    if (e.text() == QLatin1String("spark"))
                        c.engines.append(Engine::Spark);
                    else if (e.text() == QLatin1String("flink"))
                        c.engines.append(Engine::Flink);
                    else
                        error(QStringLiteral("`%1` is not an engine; use spark or flink")
                                  .arg(e.text()),
                              pointerAppend(p, i), e.pos(), "UIS-E-ENUM");
                }
            }
        }
        return c;
    }

private:
    DiagnosticList *m_out;
};

} // namespace

PipelineTests PipelineTests::read(const QByteArray &data)
{
    PipelineTests out;
    ReadResult r = SpecReader::read(data);
    out.diagnostics = r.diagnostics;
    if (!r.root)
        return out;
    CaseReader reader(&out.diagnostics);
    const SourceNode &root = *r.root;
    if (!reader.expectKind(root, SourceNode::Kind::Map, QStringLiteral("a tests file"), QString()))
        return out;
    const SourceNode *tests = root.find(u"tests");
    if (!tests) {
        reader.error(QStringLiteral("a tests file needs a `tests:` list"), QString(), root.pos(),
                     "UIS-E-REQUIRED");
        return out;
    }
    if (!reader.expectKind(*tests, SourceNode::Kind::List, QStringLiteral("`tests`"),
                           QStringLiteral("/tests")))
        return out;
    QStringList seen;
    for (int i = 0; i < tests->size(); ++i) {
        const QString pointer = pointerAppend(QStringLiteral("/tests"), i);
        auto c = reader.readCase(tests->children()[size_t(i)], pointer);
        if (!c)
            continue;
        if (!c->name.isEmpty() && seen.contains(c->name))
            reader.error(QStringLiteral("two test cases are named `%1`").arg(c->name),
                         pointerAppend(pointer, u"name"), c->pos, "UIS-E-DUPLICATE");
        seen.append(c->name);
        out.cases.append(*c);
    }
    return out;
}

PipelineTests PipelineTests::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        PipelineTests out;
        out.diagnostics.append(diag(Severity::Error, "UIS-E-IO",
                                    QStringLiteral("cannot read %1: %2").arg(path, f.errorString()),
                                    QString(), {}));
        return out;
    }
    if (f.size() > SpecReader::Limits().maxBytes) {
        PipelineTests out;
        out.diagnostics.append(SpecReader::tooLarge(f.size()));
        return out;
    }
    return read(f.readAll());
}

QString PipelineTests::pathForSpec(const QString &specPath)
{
    const QFileInfo info(specPath);
    QString base = info.fileName();
    for (const char *suffix : {".uis.yaml", ".uis.yml", ".uis.json", ".yaml", ".yml", ".json"}) {
        if (base.endsWith(QLatin1String(suffix))) {
            base.chop(int(qstrlen(suffix)));
            break;
        }
    }
    return info.dir().filePath(base + QStringLiteral(".tests.yaml"));
}

DiagnosticList PipelineTests::check(const Spec &spec) const
{
    DiagnosticList out;
    QStringList endpoints, sinks;
    for (const Endpoint &e : spec.provider.endpoints)
        endpoints.append(e.name);
    for (int i = 0; i < spec.provider.sinks.size(); ++i)
        sinks.append(spec.sinkName(i));
    auto unknown = [&out](const PipelineTestRows &rows, const QStringList &names,
                          const char *what) {
        if (names.contains(rows.name))
            return;
        const QString near = closestMatch(rows.name, names);
        QString message =
            QStringLiteral("the spec has no %1 `%2`").arg(QLatin1String(what), rows.name);
        message += near.isEmpty()
                       ? QStringLiteral(" (it has: %1)").arg(names.join(QStringLiteral(", ")))
                       : QStringLiteral("; did you mean `%1`?").arg(near);
        out.append(diag(Severity::Error, "UIS-E-TESTS-REF", message, rows.pointer, rows.pos));
    };
    for (const PipelineTestCase &c : cases) {
        for (const PipelineTestRows &rows : c.inputs)
            unknown(rows, endpoints, "endpoint");
        for (const PipelineTestRows &rows : c.expect)
            unknown(rows, sinks, "sink");
    }
    return out;
}

DiagnosticList PipelineTests::checkColumns(const QHash<QString, QStringList> &sinkColumns) const
{
    DiagnosticList out;
    auto unknown = [&out](const QString &column, const QString &sink, const QStringList &have,
                          const QString &pointer, SourcePos pos) {
        const QString near = closestMatch(column, have);
        QString message = QStringLiteral("sink `%1` has no column `%2`").arg(sink, column);
        message += near.isEmpty()
                       ? QStringLiteral(" (it has: %1)").arg(have.join(QStringLiteral(", ")))
                       : QStringLiteral("; did you mean `%1`?").arg(near);
        out.append(diag(Severity::Error, "UIS-E-TESTS-COLUMN", message, pointer, pos));
    };
    for (const PipelineTestCase &c : cases) {
        QStringList known; // the case's sinks whose columns are known
        for (const PipelineTestRows &rows : c.expect) {
            if (!sinkColumns.contains(rows.name))
                continue;
            known << rows.name;
            const QStringList &have = sinkColumns.value(rows.name);
            for (int i = 0; i < rows.rows.size(); ++i) {
                const QString rowPointer = pointerAppend(rows.pointer, i);
                for (const SourceNode &cell : rows.rows[i].children()) {
                    if (!have.contains(cell.key()))
                        unknown(cell.key(), rows.name, have, pointerAppend(rowPointer, cell.key()),
                                cell.keyPos());
                }
            }
        }
        if (known.isEmpty() || known.size() != c.expect.size())
            continue;
        for (int i = 0; i < c.columns.size(); ++i) {
            bool found = false;
            for (const QString &sink : std::as_const(known))
                found = found || sinkColumns.value(sink).contains(c.columns[i]);
            if (!found)
                unknown(c.columns[i], known.first(), sinkColumns.value(known.first()),
                        pointerAppend(pointerAppend(c.pointer, u"columns"), i),
                        i < c.columnPos.size() ? c.columnPos[i] : c.pos);
        }
    }
    return out;
}

QList<PipelineTestCase> PipelineTests::casesFor(Engine engine) const
{
    QList<PipelineTestCase> out;
    for (const PipelineTestCase &c : cases) {
        if (c.engines.isEmpty() || c.engines.contains(engine))
            out.append(c);
    }
    return out;
}

} // namespace uis
