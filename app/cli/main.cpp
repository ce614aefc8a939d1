// SPDX-License-Identifier: Apache-2.0
// uisctl: the UIS command line for CI and GitOps. Commands live in *command.cpp files.
#include "clicontext.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Sanitizer builds (the `debug` preset) free everything so LeakSanitizer checks real leaks.
#if defined(__SANITIZE_ADDRESS__)
#define UIS_CLI_FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer) ||                           \
    __has_feature(memory_sanitizer)
#define UIS_CLI_FREE_AT_EXIT 1
#endif
#endif

using namespace uis::cli;

namespace {

void printUsage(QTextStream &s)
{
    s << "usage: uisctl <command> [options]\n\nCommands:\n";
    for (const Command &c : commands())
        s << QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(c.name), -10).arg(QString::fromLatin1(c.summary));
    s << "\nRun `uisctl <command> --help` for a command's options.\n"
         "Exit codes: 0 no errors, 1 errors found (or job failed), 2 usage or I/O error.\n";
}

/// What commands handed over with keepUntilExit(), in the order they did.
std::vector<std::pair<void *, void (*)(void *)>> &kept()
{
    static std::vector<std::pair<void *, void (*)(void *)>> objects;
    return objects;
}

} // namespace

namespace uis::cli {

QString writeFileAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    if (f.write(data) != data.size() || !f.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return QString();
}

void keepForExit(void *object, void (*destroy)(void *))
{
    kept().emplace_back(object, destroy);
}

} // namespace uis::cli

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
    // A short-lived process: keep freed blocks, however large, for the next allocation instead
    // of handing them back to the kernel. Otherwise every large string that grows (a job's
    // JSON, its SQL script) gets fresh pages, and page faults are much of a compile's system
    // time.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
    // No QCoreApplication for offline commands: start-up time is part of every CI run. The
    // network commands create their own.
    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
    CliContext ctx{out, err};

    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") ||
        args.first() == QLatin1String("help")) {
        printUsage(args.isEmpty() ? err : out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "uisctl " UIS_VERSION " (UIS 1.0, 1.1)\n";
        return ExitOk;
    }
    const QString name = args.takeFirst();
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name)) {
            const int rc = c.run(args, ctx);
            out.flush();
            err.flush();
            if (!kept().empty()) {
#ifdef UIS_CLI_FREE_AT_EXIT
                for (auto it = kept().rbegin(); it != kept().rend(); ++it)
                    it->second(it->first);
                kept().clear();
#else
                // The command kept its large structures (keepUntilExit()): end without
                // destroying them, or anything else; the output is flushed.
                std::fflush(nullptr);
                std::_Exit(rc);
#endif
            }
            return rc;
        }
    }
    err << "uisctl: unknown command `" << name << "`\n\n";
    printUsage(err);
    return ExitUsage;
}
