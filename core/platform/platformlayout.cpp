// SPDX-License-Identifier: Apache-2.0
#include "platformlayout.h"

#include "enginepaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>

namespace uis {

PlatformLayout::PlatformLayout(const QString &dir, const QString &venv)
    : m_dir(QDir::cleanPath(QDir(dir).absolutePath())), m_venv(venv.isEmpty() ? findVenv() : venv),
      m_javaHome(findJavaHome())
{
    if (!m_venv.isEmpty())
        m_venv = QDir::cleanPath(QDir(m_venv).absolutePath());
}

QString PlatformLayout::defaultDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/uis-studio/platform");
}

QString PlatformLayout::resolveDir(const QString &dir)
{
    if (!dir.isEmpty())
        return dir;
    const QString fromEnv = qEnvironmentVariable("UIS_PLATFORM_DIR");
    return fromEnv.isEmpty() ? defaultDir() : fromEnv;
}

QString PlatformLayout::findVenv(const QString &explicitVenv)
{
    const auto isVenv = [](const QString &d) {
        return QFileInfo(d + QStringLiteral("/bin/python")).isExecutable();
    };
    if (!explicitVenv.isEmpty())
        return explicitVenv;
    const QString fromEnv = qEnvironmentVariable("UIS_VENV");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString runners = qEnvironmentVariable("UIS_RUNNERS_DIR");
    if (!runners.isEmpty() && isVenv(runners + QStringLiteral("/../.venv")))
        return QDir::cleanPath(runners + QStringLiteral("/../.venv"));
    if (QCoreApplication::instance()) {
        const QString appDir = QCoreApplication::applicationDirPath();
        for (const QString &rel : {QStringLiteral("/../../.venv"), QStringLiteral("/../.venv")}) {
            if (isVenv(appDir + rel))
                return QDir::cleanPath(appDir + rel);
        }
        // Installed programs: the engines of `uisctl engines install`.
        const QString engines =
            EnginePaths::enginesHome(EnginePaths::runnersDir()) + QStringLiteral("/.venv");
        if (isVenv(engines))
            return engines;
    }
    return {};
}

QString PlatformLayout::findJavaHome()
{
    const QString env = qEnvironmentVariable("JAVA_HOME");
    if (!env.isEmpty() && QFileInfo(env + QStringLiteral("/bin/java")).isExecutable())
        return env;
    const QString java = QStandardPaths::findExecutable(QStringLiteral("java"));
    if (java.isEmpty())
        return {};
    // /usr/bin/java → /etc/alternatives/java → /usr/lib/jvm/<jdk>/bin/java
    return QFileInfo(QFileInfo(java).canonicalFilePath()).dir().absolutePath().chopped(4);
}

QString PlatformLayout::statePath() const
{
    return m_dir + QStringLiteral("/platform.json");
}
QString PlatformLayout::targetsPath() const
{
    return m_dir + QStringLiteral("/targets.yaml");
}
QString PlatformLayout::envPath() const
{
    return m_dir + QStringLiteral("/platform.env");
}
QString PlatformLayout::logsDir() const
{
    return m_dir + QStringLiteral("/logs");
}
QString PlatformLayout::logPath(const QString &service) const
{
    return logsDir() + QLatin1Char('/') + service + QStringLiteral(".log");
}
QString PlatformLayout::serviceDir(const QString &name) const
{
    return m_dir + QLatin1Char('/') + name;
}
QString PlatformLayout::s3DataDir() const
{
    return m_dir + QStringLiteral("/s3/buckets");
}

QString PlatformLayout::projectDir() const
{
    return m_venv.isEmpty() ? QString() : QDir::cleanPath(m_venv + QStringLiteral("/.."));
}

QString PlatformLayout::sitePackages() const
{
    if (m_sitePackages.isEmpty() && !m_venv.isEmpty()) {
        const QDir lib(m_venv + QStringLiteral("/lib"));
        for (const QString &py :
             lib.entryList({QStringLiteral("python3*")}, QDir::Dirs, QDir::Name)) {
            const QString sp = lib.filePath(py) + QStringLiteral("/site-packages");
            if (QFileInfo(sp + QStringLiteral("/pyspark")).isDir() ||
                QFileInfo(sp + QStringLiteral("/pyflink")).isDir()) {
                m_sitePackages = sp;
                break;
            }
        }
    }
    return m_sitePackages;
}

QString PlatformLayout::sparkHome() const
{
    return sitePackages() + QStringLiteral("/pyspark");
}
QString PlatformLayout::flinkHome() const
{
    return sitePackages() + QStringLiteral("/pyflink");
}
QString PlatformLayout::kafkaJarsDir() const
{
    return projectDir() + QStringLiteral("/.cache/jars/kafka");
}
QString PlatformLayout::s3aJarsDir() const
{
    return projectDir() + QStringLiteral("/.cache/jars/s3a");
}
QString PlatformLayout::icebergRestJarsDir() const
{
    return projectDir() + QStringLiteral("/.cache/jars/iceberg-rest");
}
QString PlatformLayout::icebergRestSource() const
{
    return runnersDir() + QStringLiteral("/iceberg_rest/IcebergRestCatalog.java");
}
bool PlatformLayout::hasIcebergRest() const
{
    return QFileInfo(icebergRestSource()).isFile() &&
           !QDir(icebergRestJarsDir())
                .entryList({QStringLiteral("iceberg-core-*-tests.jar")}, QDir::Files)
                .isEmpty();
}
QString PlatformLayout::hadoopJarsDir() const
{
    return projectDir() + QStringLiteral("/.cache/jars/hadoop");
}
QString PlatformLayout::flinkPluginsDir() const
{
    return projectDir() + QStringLiteral("/.cache/flink-plugins");
}
QString PlatformLayout::versitygw() const
{
    const QString own = projectDir() + QStringLiteral("/.cache/bin/versitygw");
    if (QFileInfo(own).isExecutable())
        return own;
    const QString inPath = QStandardPaths::findExecutable(QStringLiteral("versitygw"));
    return inPath.isEmpty() ? own : inPath;
}

bool PlatformLayout::hasS3Store() const
{
    return QFileInfo(versitygw()).isExecutable();
}

QString PlatformLayout::s3StoreHint() const
{
    const QString home = projectDir().isEmpty() ? QStringLiteral("ENGINES") : projectDir();
    const QString bin = home + QStringLiteral("/.cache/bin");
    QString how =
        EnginePaths::isCheckout(home + QStringLiteral("/runners"))
            ? QStringLiteral("install Go 1.22 or newer and run `make deps` in %1").arg(home)
            : QStringLiteral("install Go 1.22 or newer (https://go.dev/dl/) and run "
                             "`GOBIN=%1 go install "
                             "github.com/versity/versitygw/cmd/versitygw@%2`")
                  .arg(bin, EnginePaths::versitygwVersion());
    return QStringLiteral(
               "versitygw was found neither in %1 nor in PATH: the platform runs without "
               "its S3 store (s3a:// sources and sinks, the bundled samples and the "
               "Iceberg REST catalog need it). To add it, %2, then `uisctl platform "
               "start` again")
        .arg(bin, how);
}

QString PlatformLayout::runnersDir() const
{
    // The program's own runners: the engines folder of an installed UIS Studio has none.
    return QCoreApplication::instance() ? EnginePaths::runnersDir()
                                        : projectDir() + QStringLiteral("/runners");
}

QString PlatformLayout::sessionServersMissing() const
{
    // The folders the sessions package reads (runners/uis_runners/sessions/servers.py).
    const QString jars = projectDir() + QStringLiteral("/.cache/jars/");
    const auto none = [](const QString &dir, const QString &pattern) {
        return QDir(dir).entryList({pattern}, QDir::Files).isEmpty();
    };
    QStringList m;
    if (none(jars + QStringLiteral("spark-connect"), QStringLiteral("spark-connect_*.jar")))
        m << jars + QStringLiteral("spark-connect");
    if (none(jars + QStringLiteral("uis-spark-connect"), QStringLiteral("*.jar")))
        m << jars + QStringLiteral("uis-spark-connect");
    if (none(flinkHome() + QStringLiteral("/opt"), QStringLiteral("flink-sql-gateway-*.jar")))
        m << flinkHome() + QStringLiteral("/opt/flink-sql-gateway-*.jar");
    if (!QFileInfo(runnersDir() + QStringLiteral("/uis_runners/sessions")).isDir())
        m << runnersDir() + QStringLiteral("/uis_runners/sessions");
    return m.isEmpty() ? QString() : QStringLiteral("missing %1").arg(m.join(QStringLiteral(", ")));
}

QStringList PlatformLayout::missing() const
{
    QStringList m;
    const QString hint = QStringLiteral(" (%1)").arg(
        EnginePaths::installHint(projectDir() + QStringLiteral("/runners")));
    if (m_venv.isEmpty() || !QFileInfo(m_venv).isDir())
        return {
            QStringLiteral("the project's .venv was not found: pass --venv DIR or set UIS_VENV") +
            hint};
    if (m_javaHome.isEmpty())
        m << QStringLiteral("Java was not found: install openjdk-17-jdk-headless or set JAVA_HOME");
    if (!QFileInfo(sparkHome() + QStringLiteral("/bin/spark-class")).isFile())
        m << QStringLiteral("pyspark is not installed in %1").arg(m_venv) + hint;
    if (!QFileInfo(flinkHome() + QStringLiteral("/bin/jobmanager.sh")).isFile())
        m << QStringLiteral("apache-flink is not installed in %1").arg(m_venv) + hint;
    if (QDir(kafkaJarsDir()).entryList({QStringLiteral("kafka_*.jar")}, QDir::Files).isEmpty())
        m << QStringLiteral("the Kafka broker jars are missing in %1").arg(kafkaJarsDir()) + hint;
    if (!QFileInfo(flinkPluginsDir() + QStringLiteral("/s3-fs-hadoop")).isDir())
        m << QStringLiteral("the Flink S3 plugin is missing in %1").arg(flinkPluginsDir()) + hint;
    return m;
}

bool PlatformLayout::isPortFree(quint16 port)
{
    if (port == 0)
        return false;
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

quint16 PlatformLayout::pickFreePort(const QSet<quint16> &taken)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 p = probe.serverPort();
        if (!taken.contains(p))
            return p;
    }
    return 0;
}

} // namespace uis
