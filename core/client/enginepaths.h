// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis {

/**
 * Where the local engines and the UIS runners are: the runners folder, the project's `.venv`
 * (PyFlink, pyspark and its spark-submit), the connector jars of `.cache/jars/spark` and Java.
 * One lookup for every local run: dcp-local's job runner, the GUI's data preview and
 * `uisctl test`.
 */
class EnginePaths
{
public:
    /// `UIS_RUNNERS_DIR`, else `configured`, else next to the running binary (`../../runners`,
    /// `../runners`, `../share/uis-studio/runners`): the first that holds one of the `markers`
    /// sub-folders (default `spark` or `flink`); `../../runners` when none does.
    static QString runnersDir(const QString &configured = {},
                              const QStringList &markers = {QStringLiteral("spark"),
                                                            QStringLiteral("flink")});
    /// The project folder: the runners folder's parent.
    static QString projectDir(const QString &runnersDir);
    /// `<project>/.venv/bin/python` (whether or not it exists).
    static QString venvPython(const QString &project);
    /// Whether `<project>/.venv/lib/python3*/site-packages/<package>` exists (pyspark, pyflink).
    static bool venvHasPackage(const QString &project, const QString &package);
    /// The project's `.venv/bin/spark-submit`, else the one in PATH; "" when there is none.
    static QString sparkSubmit(const QString &project);
    /// The connector jars of `<project>/.cache/jars/spark`, by name.
    static QStringList sparkJars(const QString &project);
    /// Whether `java` is in PATH or JAVA_HOME is set.
    static bool javaAvailable();
    static bool isExecutable(const QString &path);
};

} // namespace uis
