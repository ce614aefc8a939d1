// SPDX-License-Identifier: Apache-2.0
#include "argparser.h"
#include "clicontext.h"

#include "diff/specdiff.h"
#include "gitrepository.h"
#include "pipelinecompiler.h"

#include <QFile>
#include <QFileInfo>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl diff OLD NEW [--target T | --all] [--context N]\n\n"
    "Shows what a change to a spec does: the spec's own diff, the diagnostics that appear or\n"
    "disappear, the nodes added, removed or changed, then a unified diff of every compiled\n"
    "artifact that differs.\n"
    "  OLD, NEW    a file, or git:REV for the other file's path at a Git revision\n"
    "              (e.g. `uisctl diff git:HEAD pipeline.uis.yaml`)\n"
    "  --target T  compare one artifact (spark-job, flink-sql, dcp-request, ...)\n"
    "  --all       compare the artifacts of both engines, not only the spec's own\n"
    "  --context N lines of context (default 3)\n"
    "Exit: 0 artifacts identical, 1 they differ, 2 usage or I/O error.\n";

struct Side
{
    QString arg;
    QString revision; // set for git:REV
};

Side parseSide(const QString &arg)
{
    if (arg.startsWith(QLatin1String("git:")))
        return Side{arg, arg.mid(4)};
    return Side{arg, {}};
}

// Reads one side; a git:REV side takes its path from the other side's file.
std::optional<SpecVersion> readSide(const Side &side, const QString &otherFile, CliContext &ctx)
{
    if (side.revision.isEmpty()) {
        QFile f(side.arg);
        if (!f.open(QIODevice::ReadOnly)) {
            ctx.err << "uisctl diff: cannot read " << side.arg << ": " << f.errorString() << '\n';
            return std::nullopt;
        }
        return SpecVersion::fromText(side.arg, f.readAll(), side.arg);
    }
    if (otherFile.isEmpty()) {
        ctx.err << "uisctl diff: git:REV needs a file on the other side to name the path\n";
        return std::nullopt;
    }
    QString error;
    const auto repo = GitRepository::discover(otherFile, &error);
    if (!repo) {
        ctx.err << "uisctl diff: " << error << '\n';
        return std::nullopt;
    }
    const auto text = repo->fileAt(side.revision.isEmpty() ? QStringLiteral("HEAD") : side.revision,
                                   otherFile, &error);
    if (!text) {
        ctx.err << "uisctl diff: " << error << '\n';
        return std::nullopt;
    }
    return SpecVersion::fromText(side.arg + u':' + repo->relativePath(otherFile), *text, otherFile);
}

const char *changeWord(NodeChange::Kind k)
{
    switch (k) {
    case NodeChange::Kind::Added:
        return "added";
    case NodeChange::Kind::Removed:
        return "removed";
    case NodeChange::Kind::Changed:
        break;
    }
    return "changed";
}

} // namespace

int runDiff(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("target"), QStringLiteral("context")},
                {QStringLiteral("all"), QStringLiteral("help")});
    const QString e = p.parse(args);
    if (p.isSet(QStringLiteral("help"))) {
        ctx.out << kHelp;
        return ExitOk;
    }
    if (!e.isEmpty() || p.positional().size() != 2) {
        ctx.err << "uisctl diff: " << (e.isEmpty() ? QStringLiteral("give OLD and NEW") : e) << '\n'
                << kHelp;
        return ExitUsage;
    }
    const QString target = p.value(QStringLiteral("target"));
    if (!target.isEmpty() && !PipelineCompiler::allTargets().contains(target)) {
        ctx.err << "uisctl diff: unknown target " << target
                << "; targets: " << PipelineCompiler::allTargets().join(QStringLiteral(", "))
                << '\n';
        return ExitUsage;
    }
    if (!target.isEmpty() && p.isSet(QStringLiteral("all"))) {
        ctx.err << "uisctl diff: --target and --all exclude each other\n";
        return ExitUsage;
    }
    bool contextOk = true;
    const int context = p.value(QStringLiteral("context"), QStringLiteral("3")).toInt(&contextOk);
    if (!contextOk || context < 0) {
        ctx.err << "uisctl diff: --context must be a whole number >= 0\n";
        return ExitUsage;
    }

    const Side oldSide = parseSide(p.positional()[0]), newSide = parseSide(p.positional()[1]);
    if (!oldSide.revision.isEmpty() && !newSide.revision.isEmpty()) {
        ctx.err << "uisctl diff: one side must be a file (its path names the file at git:REV)\n";
        return ExitUsage;
    }
    const QString oldFile = oldSide.revision.isEmpty() ? oldSide.arg : QString();
    const QString newFile = newSide.revision.isEmpty() ? newSide.arg : QString();
    const auto oldVersion = readSide(oldSide, newFile, ctx);
    const auto newVersion = oldVersion ? readSide(newSide, oldFile, ctx) : std::nullopt;
    if (!oldVersion || !newVersion)
        return ExitUsage;

    SpecDiff::Options options;
    if (!target.isEmpty())
        options.targets = {target};
    options.allEngines = p.isSet(QStringLiteral("all")) || !target.isEmpty();
    options.context = context;
    const SpecDiffResult r = SpecDiff::compare(*oldVersion, *newVersion, options);

    ctx.out << QString::fromUtf8(r.specDiff);
    for (const NodeChange &n : r.nodes)
        ctx.out << "node " << changeWord(n.kind) << ": " << n.role << ' ' << n.name << '\n';
    for (const Diagnostic &d : r.disappeared)
        ctx.out << "- " << formatDiagnostic(oldVersion->label, d) << '\n';
    for (const Diagnostic &d : r.appeared)
        ctx.out << "+ " << formatDiagnostic(newVersion->label, d) << '\n';
    int changed = 0;
    for (const ArtifactDiff &a : r.artifacts) {
        if (!a.changed())
            continue;
        ++changed;
        ctx.out << "=== " << a.target << " (" << engineName(a.engine) << ")\n"
                << QString::fromUtf8(a.unified);
    }
    ctx.err << QStringLiteral("%1 of %2 artifact(s) differ; %3 node(s) changed; %4 finding(s) "
                              "appeared, %5 disappeared\n")
                   .arg(changed)
                   .arg(r.artifacts.size())
                   .arg(r.nodes.size())
                   .arg(r.appeared.size())
                   .arg(r.disappeared.size());
    return r.artifactsIdentical() ? ExitOk : ExitErrors;
}

} // namespace uis::cli
