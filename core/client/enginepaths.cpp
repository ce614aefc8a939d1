// SPDX-License-Identifier: Apache-2.0
#include "enginepaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace uis {

QString EnginePaths::runnersDir(const QString &configured, const QStringList &markers)
{
    const QString fromEnv = qEnvironmentVariable("UIS_RUNNERS_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    if (!configured.isEmpty())
        return QDir(configured).absolutePath();
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString &rel : {QStringLiteral("/../../runners"), QStringLiteral("/../runners"),
                               QStringLiteral("/../share/uis-studio/runners")}) {
        const QString dir = QDir::cleanPath(appDir + rel);
        for (const QString &m : markers) {
            if (QFileInfo(dir + QLatin1Char('/') + m).isDir())
                return dir;
        }
    }
    return QDir::cleanPath(appDir + QStringLiteral("/../../runners"));
}

bool EnginePaths::isCheckout(const QString &runnersDir)
{
    return QFileInfo::exists(runnersDir + QStringLiteral("/../CMakeLists.txt"));
}

QString EnginePaths::enginesHome(const QString &runnersDir)
{
    const QString fromEnv = qEnvironmentVariable("UIS_ENGINES_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    if (isCheckout(runnersDir))
        return QDir::cleanPath(runnersDir + QStringLiteral("/.."));
    return installedDir();
}

QString EnginePaths::installedDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/uis-studio/engines/") + QStringLiteral(UIS_ENGINES_NAME);
}

QString EnginePaths::installHint(const QString &runnersDir)
{
    const QString fromEnv = qEnvironmentVariable("UIS_ENGINES_DIR");
    if (!fromEnv.isEmpty())
        return QStringLiteral("run `uisctl engines install --dir %1`").arg(fromEnv);
    if (isCheckout(runnersDir))
        return QStringLiteral("run `make deps` in %1")
            .arg(QDir::cleanPath(runnersDir + QStringLiteral("/..")));
    return QStringLiteral("run `uisctl engines install`");
}

QString EnginePaths::installScript(const QString &runnersDir)
{
    return QDir::cleanPath(runnersDir + QStringLiteral("/../scripts/engines/install.sh"));
}

QString EnginePaths::versitygwVersion()
{
    return QStringLiteral(UIS_VERSITYGW_VERSION);
}

QString EnginePaths::venvPython(const QString &home)
{
    return home + QStringLiteral("/.venv/bin/python");
}

bool EnginePaths::venvHasPackage(const QString &home, const QString &package)
{
    const QDir lib(home + QStringLiteral("/.venv/lib"));
    for (const QString &py : lib.entryList({QStringLiteral("python3*")}, QDir::Dirs)) {
        if (QFileInfo(lib.filePath(py + QStringLiteral("/site-packages/") + package)).isDir())
            return true;
    }
    return false;
}

QString EnginePaths::pythonWith(const QString &runnersDir, const QString &package, QString *why)
{
    const QString home = enginesHome(runnersDir);
    const QString python = venvPython(home);
    if (!isExecutable(python) || !venvHasPackage(home, package)) {
        if (why)
            *why =
                QStringLiteral("%1 is not installed in %2: %3")
                    .arg(package == QLatin1String("pyflink") ? QStringLiteral("PyFlink") : package,
                         QDir::toNativeSeparators(home + QStringLiteral("/.venv")),
                         installHint(runnersDir));
        return QString();
    }
    if (!javaAvailable()) {
        if (why)
            *why = QStringLiteral("Java is not installed: Spark and Flink need Java 17 (e.g. "
                                  "`sudo apt install openjdk-17-jre-headless`)");
        return QString();
    }
    return python;
}

QString EnginePaths::sparkSubmit(const QString &home)
{
    const QString venv = home + QStringLiteral("/.venv/bin/spark-submit");
    if (isExecutable(venv))
        return venv;
    return QStandardPaths::findExecutable(QStringLiteral("spark-submit"));
}

static QStringList jarsIn(const QString &dir)
{
    QStringList jars;
    for (const QFileInfo &fi :
         QDir(dir).entryInfoList({QStringLiteral("*.jar")}, QDir::Files, QDir::Name))
        jars << fi.absoluteFilePath();
    return jars;
}

QStringList EnginePaths::sparkJars(const QString &home)
{
    return jarsIn(home + QStringLiteral("/.cache/jars/spark"));
}

QStringList EnginePaths::s3aJars(const QString &home)
{
    return jarsIn(home + QStringLiteral("/.cache/jars/s3a"));
}

void EnginePaths::addRunnerEnvironment(QProcessEnvironment &env, const QString &home)
{
    // The runners find the jars from here (jobconfig.ENGINES); spark-submit would otherwise start
    // its Python driver with whatever `python3` is in PATH.
    env.insert(QStringLiteral("UIS_ENGINES_DIR"), home);
    const QString python = venvPython(home);
    if (!env.contains(QStringLiteral("PYSPARK_PYTHON")) && isExecutable(python))
        env.insert(QStringLiteral("PYSPARK_PYTHON"), python);
    // The JVM options runners/uis_runners/jvm_archive.py wrote for its archive (a quarter less
    // start-up CPU per cold Spark run); spark-submit gives SPARK_SUBMIT_OPTS to the driver only.
    QFile options(home + QStringLiteral("/.cache/cds/spark-driver.options"));
    if (options.open(QIODevice::ReadOnly)) {
        const QString extra = QString::fromUtf8(options.readAll()).trimmed();
        const QString given = env.value(QStringLiteral("SPARK_SUBMIT_OPTS"));
        if (!extra.isEmpty() && !given.contains(extra))
            env.insert(QStringLiteral("SPARK_SUBMIT_OPTS"),
                       given.isEmpty() ? extra : given + QLatin1Char(' ') + extra);
    }
}

bool EnginePaths::javaAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("java")).isEmpty() ||
           !qEnvironmentVariable("JAVA_HOME").isEmpty();
}

bool EnginePaths::isExecutable(const QString &path)
{
    const QFileInfo fi(path);
    return fi.isFile() && fi.isExecutable();
}

} // namespace uis
