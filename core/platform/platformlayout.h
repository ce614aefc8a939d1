// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace uis {

/**
 * Where the local platform keeps everything and where the engines it runs are installed.
 *
 * Under the platform directory (default `~/.local/share/uis-studio/platform`):
 * `platform.json` (pids, ports, keys), `targets.yaml` (for `dcp-local --targets`),
 * `platform.env` (S3 endpoint and keys, Kafka bootstrap, as shell exports), `logs/`, one folder
 * per service for its configuration and data, and `s3/buckets` (the object store's buckets;
 * `s3/meta` their metadata).
 *
 * The engines come from the `.venv` (pyspark, apache-flink) and `.cache` (Kafka and S3A jars,
 * versitygw) of a checkout (`make deps`) or of the engines folder (`uisctl engines install`).
 * The S3 store (versitygw, built with Go) is optional: without it the rest starts.
 */
class PlatformLayout
{
public:
    /// `dir` is made absolute; `venv` "" means findVenv({}).
    explicit PlatformLayout(const QString &dir, const QString &venv = {});

    /// `~/.local/share/uis-studio/platform` (beside dcp-local's data directory).
    static QString defaultDir();
    /// `dir` when given, else UIS_PLATFORM_DIR, else defaultDir(): the designer's platform.
    static QString resolveDir(const QString &dir = {});
    /**
     * The project's .venv: `explicitVenv`, else `UIS_VENV`, else `UIS_RUNNERS_DIR/../.venv`,
     * else `.venv` next to the build tree of the running program (`<exe>/../../.venv`, the rule
     * dcp-local uses for its runners folder), else the engines folder's (EnginePaths).
     * Returns "" when none exists.
     */
    static QString findVenv(const QString &explicitVenv = {});
    /// JAVA_HOME, else the JDK of `java` on PATH; "" when there is no Java.
    static QString findJavaHome();

    QString dir() const { return m_dir; }
    QString statePath() const;
    QString targetsPath() const;
    QString envPath() const;
    QString logsDir() const;
    QString logPath(const QString &service) const;
    /// A service's private folder (configuration, data): DIR/<name>.
    QString serviceDir(const QString &name) const;
    QString s3DataDir() const;

    QString venv() const { return m_venv; }
    /// `<venv>/..`: the project the .venv belongs to (its .cache holds jars and Go tools).
    QString projectDir() const;
    QString sitePackages() const;
    QString sparkHome() const;
    QString flinkHome() const;
    QString kafkaJarsDir() const;
    QString s3aJarsDir() const;
    /// The Iceberg REST catalog's jars, and its server (a single-file Java program in runners/).
    QString icebergRestJarsDir() const;
    QString icebergRestSource() const;
    /// True when both are installed; without them the platform has no REST catalog and Iceberg
    /// sinks in the `local` environment fall back to Hadoop catalogs.
    bool hasIcebergRest() const;
    /// The Hadoop client (Parquet and Iceberg's Hadoop classes for Flink).
    QString hadoopJarsDir() const;
    /// Flink plugins (FLINK_PLUGINS_DIR): `s3-fs-hadoop/` lets Flink read and write s3a:// paths.
    QString flinkPluginsDir() const;
    /// `<project>/.cache/bin/versitygw`, else the one in PATH.
    QString versitygw() const;
    /// The runners' Python package folder (EnginePaths::runnersDir(), the program's own): the
    /// platform's session servers and its Iceberg REST catalog come from there.
    QString runnersDir() const;
    /// What the session servers (Spark Connect, the Flink SQL Gateway) lack: "" when `make deps`
    /// installed their jars, else which (the platform then runs without them).
    QString sessionServersMissing() const;
    /// Whether the S3 store can start (versitygw is there).
    bool hasS3Store() const;
    /// Why there is no S3 store and how to add it.
    QString s3StoreHint() const;
    QString javaHome() const { return m_javaHome; }

    /// What is missing to run the platform (empty when everything is installed; the S3 store is
    /// optional, see hasS3Store()).
    QStringList missing() const;

    /// True when nobody listens on 127.0.0.1:`port` (checked by binding a real QTcpServer).
    static bool isPortFree(quint16 port);
    /// A port the kernel reports free on 127.0.0.1, not in `taken`; 0 on failure.
    static quint16 pickFreePort(const QSet<quint16> &taken = {});

private:
    QString m_dir;
    QString m_venv;
    QString m_javaHome;
    mutable QString m_sitePackages;
};

} // namespace uis
