// SPDX-License-Identifier: Apache-2.0
#include "specdiff.h"

#include "pipelinecompiler.h"
#include "specreader.h"
#include "textdiff.h"

#include <QHash>
#include <QSet>

namespace uis {

namespace {

// Lines move when a spec is edited; a finding is the same finding if it says the same thing
// about the same value.
QString findingKey(const Diagnostic &d)
{
    return severityName(d.severity) + u'\x1f' + d.code + u'\x1f' + d.pointer + u'\x1f' + d.message;
}

DiagnosticList missingFrom(const DiagnosticList &from, const DiagnosticList &other)
{
    QSet<QString> keys;
    for (const Diagnostic &d : other)
        keys.insert(findingKey(d));
    DiagnosticList out;
    for (const Diagnostic &d : from) {
        if (!keys.contains(findingKey(d)))
            out.append(d);
    }
    return out;
}

template <typename Node, typename NameOf>
void compareNodes(const QList<Node> &oldNodes, const QList<Node> &newNodes, const QString &role,
                  NameOf nameOf, QList<NodeChange> *out)
{
    QHash<QString, int> oldIndex;
    for (int i = 0; i < oldNodes.size(); ++i)
        oldIndex.insert(nameOf(oldNodes, i), i);
    QSet<QString> seen;
    for (int i = 0; i < newNodes.size(); ++i) {
        const QString name = nameOf(newNodes, i);
        seen.insert(name);
        const auto it = oldIndex.constFind(name);
        if (it == oldIndex.constEnd())
            out->append(NodeChange{NodeChange::Kind::Added, role, name});
        else if (!(oldNodes[*it] == newNodes[i]))
            out->append(NodeChange{NodeChange::Kind::Changed, role, name});
    }
    for (int i = 0; i < oldNodes.size(); ++i) {
        const QString name = nameOf(oldNodes, i);
        if (!seen.contains(name))
            out->append(NodeChange{NodeChange::Kind::Removed, role, name});
    }
}

struct Compiled
{
    QHash<QString, Artifact> byTarget;
    QHash<QString, Engine> engineOf;
    QStringList order;
    DiagnosticList diagnostics;
};

Compiled compileAll(const LoadedSpec &loaded, const QList<Engine> &engines,
                    const SpecDiff::Options &options)
{
    Compiled out;
    if (!loaded.valid())
        return out;
    const Engine own = engineFor(loaded.spec);
    for (Engine engine : engines) {
        const CompileResult r = PipelineCompiler::compile(loaded, engine, options.compile);
        // Findings are the spec's own engine's; another engine that does not apply simply
        // has no artifacts.
        for (const Diagnostic &d : r.diagnostics) {
            if (engine == own && !out.diagnostics.contains(d))
                out.diagnostics.append(d);
        }
        for (const Artifact &a : r.artifacts) {
            // DCP artifacts exist for each engine; the first engine's copy stands for both.
            if (out.byTarget.contains(a.target))
                continue;
            if (!options.targets.isEmpty() && !options.targets.contains(a.target))
                continue;
            out.byTarget.insert(a.target, a);
            out.engineOf.insert(a.target, engine);
            out.order.append(a.target);
        }
    }
    return out;
}

QList<Engine> enginesFor(const SpecVersion &a, const SpecVersion &b, bool all)
{
    if (all)
        return {Engine::Spark, Engine::Flink};
    QList<Engine> out;
    for (const SpecVersion *v : {&a, &b}) {
        const Engine e = engineFor(v->loaded.spec);
        if (e != Engine::None && !out.contains(e))
            out.append(e);
    }
    return out;
}

} // namespace

SpecVersion SpecVersion::fromText(const QString &label, const QByteArray &text,
                                  const QString &fileName)
{
    SpecVersion v;
    v.label = label;
    v.text = text;
    SpecFormat format =
        fileName.isEmpty() ? SpecFormat::Auto : SpecReader::formatForFileName(fileName);
    v.loaded = SpecLoader::load(text, format);
    return v;
}

bool SpecDiffResult::artifactsIdentical() const
{
    for (const ArtifactDiff &a : artifacts) {
        if (a.changed())
            return false;
    }
    return true;
}

QList<NodeChange> SpecDiff::nodeChanges(const Spec &oldSpec, const Spec &newSpec)
{
    QList<NodeChange> out;
    compareNodes(
        oldSpec.provider.endpoints, newSpec.provider.endpoints, QStringLiteral("endpoint"),
        [](const QList<Endpoint> &l, int i) { return l[i].name; }, &out);
    compareNodes(
        oldSpec.provider.transforms, newSpec.provider.transforms, QStringLiteral("transform"),
        [](const QList<Transform> &l, int i) { return l[i].name; }, &out);
    // Unnamed sinks are known by their default name, which depends on their place.
    QList<Sink> oldSinks = oldSpec.provider.sinks, newSinks = newSpec.provider.sinks;
    for (int i = 0; i < oldSinks.size(); ++i)
        oldSinks[i].name = oldSpec.sinkName(i);
    for (int i = 0; i < newSinks.size(); ++i)
        newSinks[i].name = newSpec.sinkName(i);
    compareNodes(
        oldSinks, newSinks, QStringLiteral("sink"),
        [](const QList<Sink> &l, int i) { return l[i].name; }, &out);
    return out;
}

SpecDiffResult SpecDiff::compare(const SpecVersion &oldVersion, const SpecVersion &newVersion,
                                 const Options &options)
{
    SpecDiffResult out;
    out.specDiff = TextDiff::unified(oldVersion.text, newVersion.text, oldVersion.label,
                                     newVersion.label, options.context);
    out.nodes = nodeChanges(oldVersion.loaded.spec, newVersion.loaded.spec);

    const QList<Engine> engines = enginesFor(oldVersion, newVersion, options.allEngines);
    const Compiled before = compileAll(oldVersion.loaded, engines, options);
    const Compiled after = compileAll(newVersion.loaded, engines, options);
    DiagnosticList oldFindings = oldVersion.loaded.diagnostics + before.diagnostics;
    DiagnosticList newFindings = newVersion.loaded.diagnostics + after.diagnostics;
    out.appeared = missingFrom(newFindings, oldFindings);
    out.disappeared = missingFrom(oldFindings, newFindings);

    QStringList order = after.order;
    for (const QString &t : before.order) {
        if (!order.contains(t))
            order.append(t);
    }
    for (const QString &target : order) {
        ArtifactDiff d;
        d.target = target;
        d.inOld = before.byTarget.contains(target);
        d.inNew = after.byTarget.contains(target);
        d.engine = d.inNew ? after.engineOf.value(target) : before.engineOf.value(target);
        const Artifact a = before.byTarget.value(target), b = after.byTarget.value(target);
        d.oldContent = a.content;
        d.newContent = b.content;
        const QString name = d.inNew ? b.fileName : a.fileName;
        d.unified = TextDiff::unified(
            a.content, b.content,
            d.inOld ? QStringLiteral("a/") + a.fileName : QStringLiteral("/dev/null"),
            d.inNew ? QStringLiteral("b/") + name : QStringLiteral("/dev/null"), options.context);
        out.artifacts.append(d);
    }
    return out;
}

} // namespace uis
