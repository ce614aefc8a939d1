// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace uis {

/**
 * Where the local engines and the UIS runners are: the runners folder, and the engines home
 * whose `.venv` (PyFlink, pyspark and its spark-submit) and `.cache` (connector jars, Kafka,
 * Flink plugins) `make deps` fills in a checkout and `uisctl engines install` in a per-user
 * folder. One lookup for every local run: dcp-local's job runner, the GUI's data preview, the
 * platform and `uisctl test`, `preview`, `sessions`.
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
    /// Whether `runnersDir` is a source checkout's (its parent has the CMakeLists.txt).
    static bool isCheckout(const QString &runnersDir);
    /// The engines home: `UIS_ENGINES_DIR`, else the checkout of `runnersDir`, else
    /// installedDir().
    static QString enginesHome(const QString &runnersDir);
    /// `$XDG_DATA_HOME/uis-studio/engines/spark-V-flink-V` (default `~/.local/share`): where
    /// `uisctl engines install` puts the engines of the pinned versions.
    static QString installedDir();
    /// What the user runs to get the engines: `make deps` in a checkout, else
    /// `uisctl engines install` (with --dir when UIS_ENGINES_DIR names another folder).
    static QString installHint(const QString &runnersDir);
    /// The per-user install driver next to the runners (`<runners>/../scripts/engines/install.sh`).
    static QString installScript(const QString &runnersDir);
    /// The version of the S3 store (versitygw) the platform uses (scripts/engines/versions.env).
    static QString versitygwVersion();

    /// `<home>/.venv/bin/python` (whether or not it exists).
    static QString venvPython(const QString &home);
    /// Whether `<home>/.venv/lib/python3*/site-packages/<package>` exists (pyspark, pyflink).
    static bool venvHasPackage(const QString &home, const QString &package);
    /// The Python of `runnersDir`'s engines when it has `package` and Java is there, else "" with
    /// `why` saying what to install.
    static QString pythonWith(const QString &runnersDir, const QString &package, QString *why);
    /// `<home>/.venv/bin/spark-submit`, else the one in PATH; "" when there is none.
    static QString sparkSubmit(const QString &home);
    /// The connector jars of `<home>/.cache/jars/spark`, by name.
    static QStringList sparkJars(const QString &home);
    /// hadoop-aws and the AWS SDK bundle of `<home>/.cache/jars/s3a` (S3A), by name.
    static QStringList s3aJars(const QString &home);
    /// What a runner process needs to find the engines of `home`: UIS_ENGINES_DIR,
    /// PYSPARK_PYTHON (the driver spark-submit starts) unless it is set, and the Spark driver's
    /// class-data archive in SPARK_SUBMIT_OPTS when `make deps` made one.
    static void addRunnerEnvironment(QProcessEnvironment &env, const QString &home);
    /// Whether `java` is in PATH or JAVA_HOME is set.
    static bool javaAvailable();
    static bool isExecutable(const QString &path);
};

} // namespace uis
