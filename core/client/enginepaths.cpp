// SPDX-License-Identifier: Apache-2.0
#include "enginepaths.h"

#include <QCoreApplication>
#include <QDir>
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

QString EnginePaths::projectDir(const QString &runnersDir)
{
    return QDir::cleanPath(runnersDir + QStringLiteral("/.."));
}

QString EnginePaths::venvPython(const QString &project)
{
    return project + QStringLiteral("/.venv/bin/python");
}

bool EnginePaths::venvHasPackage(const QString &project, const QString &package)
{
    const QDir lib(project + QStringLiteral("/.venv/lib"));
    for (const QString &py : lib.entryList({QStringLiteral("python3*")}, QDir::Dirs)) {
        if (QFileInfo(lib.filePath(py + QStringLiteral("/site-packages/") + package)).isDir())
            return true;
    }
    return false;
}

QString EnginePaths::sparkSubmit(const QString &project)
{
    const QString venv = project + QStringLiteral("/.venv/bin/spark-submit");
    if (isExecutable(venv))
        return venv;
    return QStandardPaths::findExecutable(QStringLiteral("spark-submit"));
}

QStringList EnginePaths::sparkJars(const QString &project)
{
    QStringList jars;
    const QDir jarDir(project + QStringLiteral("/.cache/jars/spark"));
    for (const QFileInfo &fi :
         jarDir.entryInfoList({QStringLiteral("*.jar")}, QDir::Files, QDir::Name))
        jars << fi.absoluteFilePath();
    return jars;
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
