// SPDX-License-Identifier: Apache-2.0
// `uisctl engines install|status|remove`: PySpark, PyFlink (with Flink's SQL Gateway), the
// connector jars and Kafka in a per-user folder, for UIS Studio installed from its package (a
// checkout has `make deps`). pip and Maven download; scripts/engines/install.sh drives them
// through setup.sh, which `make deps` runs too, so the pins and the layout are in one place.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"

#include "enginepaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl engines install|status|remove [--dir DIR]\n\n"
    "The engines that local runs, previews, tests and the platform use when UIS Studio is\n"
    "installed from its package: PySpark, PyFlink with Flink's SQL Gateway, the connector jars\n"
    "and Kafka, at the versions this release pins, in a folder per user.\n"
    "  install  download what is missing: pip from PyPI (each file checked against the sha256\n"
    "           the index publishes), Maven from Maven Central (each jar checked against its\n"
    "           .sha1); progress on stderr; running it again resumes where it stopped\n"
    "  status   each part, and whether the folder is complete (exit 0) or not (exit 1)\n"
    "  remove   delete the folder\n"
    "Options:\n"
    "  --dir DIR  the engines folder (default: UIS_ENGINES_DIR, else\n"
    "             $XDG_DATA_HOME/uis-studio/engines/spark-V-flink-V, ~/.local/share without\n"
    "             XDG_DATA_HOME)\n"
    "Needs python3 with venv (python3-venv), Java 17 or newer, Maven and about 3.3 GB of disk;\n"
    "a JDK's javac adds the Flink per-node row counts and the warm Spark preview sessions.\n"
    "UIS_MAVEN_SETTINGS names a Maven settings.xml (mirrors, proxies); pip reads its own\n"
    "PIP_* variables and configuration.\n"
    "Exit: 0 done, 1 it failed (the last line says why and what to do), 2 usage error.\n";

qint64 sizeOf(const QString &dir)
{
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (!it.fileInfo().isSymLink())
            bytes += it.fileInfo().size();
    }
    return bytes;
}

int removeFolder(const QString &dir, CliContext &ctx)
{
    if (!QFileInfo(dir).isDir()) {
        ctx.err << "uisctl engines: nothing to remove: " << dir << " does not exist\n";
        return ExitOk;
    }
    // Only a folder that install.sh made: --dir might name anything.
    if (!QFileInfo::exists(dir + QStringLiteral("/.uis-engines"))) {
        ctx.err << "uisctl engines: " << dir
                << " was not made by `uisctl engines install` (it has no .uis-engines): not "
                   "removed\n";
        return ExitErrors;
    }
    const qint64 mb = sizeOf(dir) / (1024 * 1024);
    if (!QDir(dir).removeRecursively()) {
        ctx.err << "uisctl engines: could not remove all of " << dir
                << ": check its permissions and remove the rest by hand\n";
        return ExitErrors;
    }
    ctx.err << "uisctl engines: removed " << dir << " (" << mb << " MB)\n";
    return ExitOk;
}

} // namespace

int runEngines(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("dir")}, {QStringLiteral("help")});
    if (const auto exit = p.parseCommand(args, ctx, "engines", QString::fromUtf8(kHelp)))
        return *exit;
    const QStringList actions{QStringLiteral("install"), QStringLiteral("status"),
                              QStringLiteral("remove")};
    if (p.positional().size() != 1 || !actions.contains(p.positional().first())) {
        ctx.err << kHelp;
        return ExitUsage;
    }
    const QString action = p.positional().first();
    CliLoop::application(); // the scripts are found next to this binary
    QString dir = p.value(QStringLiteral("dir"), qEnvironmentVariable("UIS_ENGINES_DIR"));
    if (dir.isEmpty())
        dir = EnginePaths::installedDir();
    dir = QDir::cleanPath(QDir(dir).absolutePath());
    if (action == QLatin1String("remove"))
        return removeFolder(dir, ctx);

    const QString runners = EnginePaths::runnersDir();
    const QString script = EnginePaths::installScript(runners);
    if (!QFileInfo(script).isFile()) {
        ctx.err << "uisctl engines: the install script is missing (" << script
                << "): reinstall the uis-studio package\n";
        return ExitErrors;
    }
    if (action == QLatin1String("install") && EnginePaths::isCheckout(runners) &&
        !p.isSet(QStringLiteral("dir")))
        ctx.err << "uisctl engines: note: programs built in this checkout use its own engines "
                   "(`make deps`); this installs the ones the packaged programs use\n";
    ctx.err.flush();
    QProcess proc;
    proc.setProcessChannelMode(QProcess::ForwardedChannels);
    proc.setInputChannelMode(QProcess::ForwardedInputChannel);
    proc.start(QStringLiteral("bash"), {script, action, dir});
    if (!proc.waitForStarted(30000)) {
        ctx.err << "uisctl engines: cannot run bash: " << proc.errorString() << '\n';
        return ExitErrors;
    }
    proc.waitForFinished(-1);
    if (proc.exitStatus() != QProcess::NormalExit)
        return ExitErrors;
    return proc.exitCode() == 0 ? ExitOk : proc.exitCode() == 2 ? ExitUsage : ExitErrors;
}

} // namespace uis::cli
