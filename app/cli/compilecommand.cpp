// SPDX-License-Identifier: Apache-2.0
#include "argparser.h"
#include "clicontext.h"

#include "compilesupport.h"
#include "dcp/dcpcompiler.h"
#include "flink/flinkcompiler.h"
#include "jsonconvert.h"
#include "k8s/kubernetescompiler.h"
#include "pipelinecompiler.h"
#include "shellquote.h"
#include "spark/sparkcompiler.h"
#include "specloader.h"

#include <QDir>
#include <QFileDevice>
#include <QFileInfo>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#if defined(__linux__) && defined(__GLIBC__)
#include <sys/mman.h>
#endif

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl compile FILE --target TARGET [--format json|shell|text] [--master URL]\n"
    "                      [--spark-version V] [--job-config PATH] [--runner PATH]\n"
    "                      [--flink-target T] [--engine spark|flink]\n"
    "       uisctl compile FILE --out DIR [options]\n\n"
    "Compiles a valid spec to the artifacts of its engine and prints one of them.\n"
    "Targets: spark-job, spark-submit, spark-conf (modes batch, micro_batch);\n"
    "         flink-job, flink-sql, flink-run (modes streaming, websocket, webhook);\n"
    "         dcp-request (both), dcp-manifest (Spark);\n"
    "         Kubernetes operator manifests: flink-deployment (Flink), spark-application (Spark).\n"
    "  --format         json (JSON targets; spark-submit/flink-run as a JSON array, the default),\n"
    "                   shell (spark-submit/flink-run as one quoted command line),\n"
    "                   text (flink-sql, dcp-manifest, flink-deployment, spark-application)\n"
    "  --master URL     Spark master: k8s://… (default, cluster mode) or local[*] (client mode)\n"
    "  --spark-version  3.5 or 4.x (picks the Scala suffix of --packages)\n"
    "  --job-config     where the job config will be (default /opt/uis/jobs/<name>.json)\n"
    "  --runner         the job runner file\n"
    "  --flink-target   flink run -t: kubernetes-session (default), remote, local,\n"
    "                   kubernetes-application, yarn-application\n"
    "  --engine E       spark or flink: overrides `provider.engine` (default: the engine of\n"
    "                   the spec's mode)\n"
    "  --out DIR        write every artifact of the spec's engine into DIR (or only --target)\n"
    "Diagnostics go to stderr as file:line:col: severity: message [code].\n"
    "Exit: 0 ok, 1 errors in the spec, 2 usage or I/O error.\n";

bool isJsonTarget(const QString &t)
{
    return t == QLatin1String("spark-job") || t == QLatin1String("spark-conf") ||
           t == QLatin1String("flink-job") || t == QLatin1String("dcp-request");
}

bool isArgvTarget(const QString &t)
{
    return t == QLatin1String("spark-submit") || t == QLatin1String("flink-run");
}

/// `job`: the Spark job config the compile built (its `packages` save building it again).
QStringList argvFor(const QString &target, const Spec &spec, const CompileOptions &options,
                    const OrderedJson &job)
{
    if (target != QLatin1String("spark-submit"))
        return FlinkCompiler::runArgs(spec, options);
    if (!job.is_object() || !job.contains("packages"))
        return SparkCompiler::submitArgs(spec, options);
    QStringList packages;
    for (const auto &p : job["packages"])
        packages.append(QString::fromStdString(p.get<std::string>()));
    return SparkCompiler::submitArgsWith(spec, options, packages);
}

/**
 * Asks for huge pages in the next `bytes` of the heap. A large spec's compile fills tens of MB
 * of fresh heap, and taking them 4 KiB a page fault was a third of its CPU time (perf stat on
 * the bench's 1,000-endpoint Flink spec: ~9k faults, ~20 of ~60 ms, all system time). Where
 * transparent huge pages are given on request (`madvise`, the usual default) a fault then
 * maps 2 MiB; elsewhere this changes nothing. uisctl's main() keeps freed blocks of any size
 * in the heap (M_MMAP_THRESHOLD), so a block taken and freed here stays as the heap's top,
 * where the compile's allocations then come from, with the advice on its pages.
 */
void adviseHugePages(qint64 bytes)
{
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    void *block = std::malloc(size_t(bytes));
    if (!block)
        return;
    const std::uintptr_t huge = std::uintptr_t(2) << 20;
    const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(block) + huge - 1) & ~(huge - 1);
    const std::uintptr_t to =
        (reinterpret_cast<std::uintptr_t>(block) + size_t(bytes)) & ~(huge - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE);
    std::free(block);
#else
    Q_UNUSED(bytes);
#endif
}

QByteArray argvJson(const QStringList &argv)
{
    OrderedJson a = OrderedJson::array();
    for (const QString &s : argv)
        a.push_back(toStd(s));
    return dumpJson(a);
}

} // namespace

int runCompile(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("target"), QStringLiteral("format"), QStringLiteral("master"),
                 QStringLiteral("spark-version"), QStringLiteral("job-config"),
                 QStringLiteral("runner"), QStringLiteral("flink-target"), QStringLiteral("out"),
                 QStringLiteral("engine")},
                {QStringLiteral("help")});
    if (const auto exit = p.parseCommand(args, ctx, "compile", QString::fromUtf8(kHelp)))
        return *exit;
    if (p.positional().size() != 1) {
        ctx.err << "uisctl compile: give exactly one FILE\n" << kHelp;
        return ExitUsage;
    }
    const QString target = p.value(QStringLiteral("target"));
    const bool toDir = p.isSet(QStringLiteral("out"));
    if (target.isEmpty() && !toDir) {
        ctx.err << "uisctl compile: give --target or --out\n" << kHelp;
        return ExitUsage;
    }
    if (!target.isEmpty() && !PipelineCompiler::allTargets().contains(target)) {
        ctx.err << "uisctl compile: unknown target `" << target << "`; use one of "
                << PipelineCompiler::allTargets().join(QStringLiteral(", ")) << '\n';
        return ExitUsage;
    }
    QString format = p.value(QStringLiteral("format"));
    if (!format.isEmpty()) {
        if (toDir) {
            ctx.err << "uisctl compile: --format applies to printing, not to --out\n";
            return ExitUsage;
        }
        const bool ok = isJsonTarget(target) ? format == QLatin1String("json")
                        : isArgvTarget(target)
                            ? (format == QLatin1String("json") || format == QLatin1String("shell"))
                            : format == QLatin1String("text");
        if (!ok) {
            ctx.err << "uisctl compile: --format " << format << " does not fit target " << target
                    << (isJsonTarget(target)   ? QStringLiteral(" (json)")
                        : isArgvTarget(target) ? QStringLiteral(" (json or shell)")
                                               : QStringLiteral(" (text)"))
                    << '\n';
            return ExitUsage;
        }
    }
    if (!SparkCompiler::isSupportedVersion(p.value(QStringLiteral("spark-version")))) {
        ctx.err << "uisctl compile: --spark-version must be 3.5 or 4.x\n";
        return ExitUsage;
    }
    const QString flinkTarget = p.value(QStringLiteral("flink-target"));
    if (!flinkTarget.isEmpty()) {
        static const QStringList targets{
            QStringLiteral("kubernetes-session"), QStringLiteral("remote"), QStringLiteral("local"),
            QStringLiteral("kubernetes-application"), QStringLiteral("yarn-application")};
        if (!targets.contains(flinkTarget)) {
            ctx.err << "uisctl compile: --flink-target must be one of "
                    << targets.join(QStringLiteral(", ")) << '\n';
            return ExitUsage;
        }
    }

    const QString engineArg = p.value(QStringLiteral("engine"));
    if (p.isSet(QStringLiteral("engine")) && engineFromName(engineArg) == Engine::None) {
        ctx.err << "uisctl compile: --engine must be spark or flink\n";
        return ExitUsage;
    }

    const QString file = p.positional().first();
    if (!QFileInfo(file).isFile()) {
        ctx.err << "uisctl compile: " << file << ": no such file\n";
        return ExitUsage;
    }
    // A compile takes about 60 bytes of heap a byte of spec (a 4 MB script from a 0.5 MB spec);
    // a small spec's compile is left as it is.
    if (const qint64 size = QFileInfo(file).size(); size > 64 * 1024)
        adviseHugePages(std::min<qint64>(size * 96, qint64(1) << 30));
    // Kept until uisctl ends: freeing it node by node is needless work (keepUntilExit()).
    LoadedSpec &loaded = keepUntilExit(SpecLoader::loadFile(file));
    // --engine overrides `provider.engine`: every compiler asks engineFor(spec).
    if (!engineArg.isEmpty())
        loaded.spec.provider.engine = engineArg;
    for (const Diagnostic &d : loaded.diagnostics) {
        if (d.code == QLatin1String("UIS-E-IO")) {
            ctx.err << formatDiagnostic(file, d) << '\n';
            return ExitUsage;
        }
    }

    CompileOptions options;
    options.master = p.value(QStringLiteral("master"));
    options.sparkVersion = p.value(QStringLiteral("spark-version"));
    options.jobConfigPath = p.value(QStringLiteral("job-config"));
    options.runnerPath = p.value(QStringLiteral("runner"));
    options.flinkTarget = flinkTarget;

    const QString outDir = p.value(QStringLiteral("out"));
    const Engine specEngine = engineFor(loaded.spec);
    // A local run reads the job config that --out writes, so point the command line at it.
    if (toDir && options.jobConfigPath.isEmpty() && loaded.valid()) {
        const bool localSpark =
            specEngine == Engine::Spark && !SparkCompiler::isKubernetes(options);
        const bool localFlink =
            specEngine == Engine::Flink && flinkTarget == QLatin1String("local");
        if (localSpark || localFlink)
            options.jobConfigPath = QDir(outDir).absoluteFilePath(CompileSupport::fileName(
                loaded.spec, localSpark ? QStringLiteral("spark-job") : QStringLiteral("flink-job"),
                QStringLiteral("json")));
    }

    // One target needs one compiler: the DCP artifacts (and their YAML manifest) cost more than
    // the Spark job itself on large specs, so they are made only when asked for.
    // The engine compilers hand their job config over (kept like `loaded`, see above).
    CompileResult &result = keepUntilExit(CompileResult());
    OrderedJson &job = keepUntilExit(OrderedJson());
    if (target.startsWith(QLatin1String("dcp-")))
        result = DcpCompiler::compileTarget(loaded, target, options, &job);
    else if (KubernetesCompiler::allTargets().contains(target))
        result = KubernetesCompiler::compileTarget(loaded, target, options, &job);
    else if (!target.isEmpty() && PipelineCompiler::engineForTarget(target) == Engine::Flink) {
        CompileOptions one = options; // the Flink compiler then builds only what it prints
        if (!toDir)
            one.onlyTarget = target;
        // flink-job builds the job anyway: taking it over spares freeing it.
        result = FlinkCompiler::compile(loaded, one,
                                        target == QLatin1String("flink-job") ? &job : nullptr);
    } else if (!target.isEmpty())
        result = SparkCompiler::compile(loaded, options, &job);
    else
        result = PipelineCompiler::compile(loaded, Engine::None, options);
    // A valid spec's own warnings come first; a spec with errors yields them in the result.
    if (loaded.valid()) {
        for (const Diagnostic &d : loaded.diagnostics)
            ctx.err << formatDiagnostic(file, d) << '\n';
    }
    for (const Diagnostic &d : result.diagnostics)
        ctx.err << formatDiagnostic(file, d) << '\n';
    if (!result.succeeded())
        return ExitErrors;

    if (toDir) {
        if (!QDir().mkpath(outDir)) {
            ctx.err << "uisctl compile: cannot create directory " << outDir << '\n';
            return ExitUsage;
        }
        for (const Artifact &a : result.artifacts) {
            if (!target.isEmpty() && a.target != target)
                continue;
            const QString path = QDir(outDir).filePath(a.fileName);
            if (const QString e = writeFileAtomically(path, a.content); !e.isEmpty()) {
                ctx.err << "uisctl compile: " << e << '\n';
                return ExitUsage;
            }
            ctx.out << path << '\n';
        }
        if (!target.isEmpty() && !result.artifact(target)) {
            ctx.err << "uisctl compile: no " << target << " artifact for this spec\n";
            return ExitErrors;
        }
        return ExitOk;
    }

    const Artifact *a = result.artifact(target);
    if (!a) {
        // e.g. dcp-manifest for a Flink spec: the manifest kind exists for Spark jobs only.
        DiagnosticList d{CompileSupport::make(
            Severity::Error, QStringLiteral("UIS-E-ENGINE"),
            QStringLiteral("target %1 does not apply to the %2 engine; targets for this spec: %3")
                .arg(target, engineName(specEngine),
                     PipelineCompiler::targets(specEngine).join(QStringLiteral(", "))),
            QStringLiteral("/provider/mode"))};
        CompileSupport::locate(d, loaded);
        ctx.err << formatDiagnostic(file, d.first()) << '\n';
        return ExitErrors;
    }
    if (isArgvTarget(target)) {
        const QStringList argv = argvFor(target, loaded.spec, options, job);
        if (format == QLatin1String("shell"))
            ctx.out << ShellQuote::join(argv) << '\n';
        else
            ctx.out << QString::fromUtf8(argvJson(argv));
        return ExitOk;
    }
    // The artifact is UTF-8 already: write its bytes (a large one costs a round trip through
    // UTF-16 otherwise).
    if (QIODevice *device = ctx.out.device()) {
        ctx.out.flush();
        device->write(a->content);
        // The device buffers too; uisctl may end with std::_Exit (main.cpp).
        if (auto *fileDevice = qobject_cast<QFileDevice *>(device))
            fileDevice->flush();
    } else {
        ctx.out << QString::fromUtf8(a->content);
    }
    return ExitOk;
}

} // namespace uis::cli
