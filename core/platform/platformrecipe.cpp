// SPDX-License-Identifier: Apache-2.0
#include "platformrecipe.h"

#include "serviceprobe.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

namespace uis {

namespace {

const QString kS3 = QStringLiteral("s3");
const QString kKafka = QStringLiteral("kafka");
const QString kFlinkJm = QStringLiteral("flink-jobmanager");
const QString kFlinkTm = QStringLiteral("flink-taskmanager");
const QString kSparkMaster = QStringLiteral("spark-master");
const QString kSparkWorker = QStringLiteral("spark-worker");
const QString kRest = QStringLiteral("iceberg-rest");

QString writeFile(const QString &path, const QByteArray &data, bool ownerOnly = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    if (ownerOnly)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(data) != data.size() || !f.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return {};
}

QString randomKey(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString key;
    for (int i = 0; i < length; ++i)
        key +=
            QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return key;
}

QString local(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}
QString http(quint16 port)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

quint16 port(const PlatformState &s, const QString &service, const QString &role)
{
    const ServiceRecord *r = s.service(service);
    return r ? r->ports.value(role) : 0;
}

} // namespace

QStringList PlatformRecipe::serviceNames()
{
    return QStringList{kS3, kKafka, kFlinkJm, kFlinkTm, kSparkMaster, kSparkWorker, kRest} +
           PlatformSessions::names();
}

QString PlatformRecipe::icebergRestName()
{
    return kRest;
}

QString PlatformRecipe::s3Name()
{
    return kS3;
}

QString PlatformRecipe::icebergRestWarehouse()
{
    // The runners' DEFAULT_WAREHOUSE (runners/uis_runners/localplatform.py).
    return QStringLiteral("s3a://warehouse/");
}

QStringList PlatformRecipe::portRoles(const QString &service)
{
    if (service == kS3 || service == kRest)
        return {QStringLiteral("api")};
    if (service == kKafka)
        return {QStringLiteral("broker"), QStringLiteral("controller")};
    if (service == kFlinkJm)
        return {QStringLiteral("rest"), QStringLiteral("rpc")};
    if (service == kSparkMaster)
        return {QStringLiteral("master"), QStringLiteral("ui")};
    if (service == kSparkWorker)
        return {QStringLiteral("ui")};
    if (PlatformSessions::owns(service))
        return PlatformSessions::portRoles(service);
    return {}; // the TaskManager's RPC and data ports are ephemeral, bound to 127.0.0.1
}

void PlatformRecipe::complete(PlatformState &state, const QMap<QString, quint16> &requested) const
{
    QSet<quint16> taken = state.allPorts();
    for (auto it = requested.cbegin(); it != requested.cend(); ++it)
        taken.insert(it.value());
    for (const QString &name : serviceNames()) {
        ServiceRecord &r = state.ensureService(name);
        r.marker = m_layout.dir();
        for (const QString &role : portRoles(name)) {
            const QString key = name + QLatin1Char('.') + role;
            if (requested.contains(key))
                r.ports.insert(role, requested.value(key));
            else if (!r.ports.value(role)) {
                const quint16 p = PlatformLayout::pickFreePort(taken);
                taken.insert(p);
                r.ports.insert(role, p);
            }
        }
    }
    if (state.accessKey.isEmpty() || state.secretKey.isEmpty()) {
        state.accessKey = QStringLiteral("uis") + randomKey(17);
        state.secretKey = randomKey(40);
    }
    const quint16 rest = port(state, kFlinkJm, QStringLiteral("rest"));
    state.service(kS3)->url = s3Endpoint(state);
    state.service(kKafka)->url = kafkaBootstrap(state);
    state.service(kFlinkJm)->url = http(rest);
    state.service(kFlinkJm)->ui = http(rest);
    state.service(kFlinkTm)->url = http(rest) + QStringLiteral("/#/task-manager");
    state.service(kFlinkTm)->ui = state.service(kFlinkTm)->url;
    state.service(kSparkMaster)->url =
        QStringLiteral("spark://") + local(port(state, kSparkMaster, QStringLiteral("master")));
    state.service(kSparkMaster)->ui = http(port(state, kSparkMaster, QStringLiteral("ui")));
    state.service(kSparkWorker)->url = http(port(state, kSparkWorker, QStringLiteral("ui")));
    state.service(kSparkWorker)->ui = state.service(kSparkWorker)->url;
    state.service(kRest)->url = http(port(state, kRest, QStringLiteral("api")));
    for (const QString &name : PlatformSessions::names())
        state.service(name)->url = PlatformSessions::url(name, state);
}

QString PlatformRecipe::s3Endpoint(const PlatformState &state) const
{
    return http(port(state, kS3, QStringLiteral("api")));
}

QString PlatformRecipe::kafkaBootstrap(const PlatformState &state) const
{
    return local(port(state, kKafka, QStringLiteral("broker")));
}

QString PlatformRecipe::sparkClientConfDir() const
{
    return m_layout.serviceDir(QStringLiteral("spark")) + QStringLiteral("/client-conf");
}

QString PlatformRecipe::java() const
{
    return m_layout.javaHome() + QStringLiteral("/bin/java");
}

QProcessEnvironment PlatformRecipe::baseEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JAVA_HOME"), m_layout.javaHome());
    env.insert(QStringLiteral("PATH"),
               m_layout.javaHome() + QStringLiteral("/bin:") + env.value(QStringLiteral("PATH")));
    // The services must not pick up a developer's own engine installations.
    for (const char *v :
         {"HADOOP_CONF_DIR", "SPARK_CONF_DIR", "FLINK_CONF_DIR", "KAFKA_OPTS", "_JAVA_OPTIONS"})
        env.remove(QString::fromLatin1(v));
    return env;
}

QString PlatformRecipe::writeServiceConfigs(const PlatformState &state) const
{
    for (const QString &d : {m_layout.logsDir(), m_layout.s3DataDir()}) {
        if (!QDir().mkpath(d))
            return QStringLiteral("cannot create %1").arg(d);
    }
    if (QString e = writeFlinkConfig(state); !e.isEmpty())
        return e;
    if (QString e = writeKafkaConfig(state); !e.isEmpty())
        return e;
    if (QString e = writeSparkClientConfig(state); !e.isEmpty())
        return e;
    return writeSparkDaemonConfig();
}

QString PlatformRecipe::writeFlinkConfig(const PlatformState &state) const
{
    const QString conf = m_layout.serviceDir(QStringLiteral("flink")) + QStringLiteral("/conf");
    const QString shipped = m_layout.flinkHome() + QStringLiteral("/conf");
    // The JVM options Flink ships for Java 17 (--add-opens …) are needed as they are.
    QString javaOpts;
    QFile original(shipped + QStringLiteral("/config.yaml"));
    if (original.open(QIODevice::ReadOnly)) {
        const QRegularExpression all(QStringLiteral("^\\s+all:\\s*(--.*)$"),
                                     QRegularExpression::MultilineOption);
        javaOpts = all.match(QString::fromUtf8(original.readAll())).captured(1).trimmed();
    }
    const QString tmp = m_layout.serviceDir(QStringLiteral("flink")) + QStringLiteral("/tmp");
    QDir().mkpath(tmp);
    QStringList lines{
        QStringLiteral(
            "# Written by uisctl platform start: a private Flink session cluster on 127.0.0.1."),
        QStringLiteral("jobmanager.rpc.address: 127.0.0.1"),
        QStringLiteral("jobmanager.rpc.port: %1").arg(port(state, kFlinkJm, QStringLiteral("rpc"))),
        QStringLiteral("jobmanager.bind-host: 127.0.0.1"),
        QStringLiteral("jobmanager.memory.process.size: 768m"),
        QStringLiteral("taskmanager.bind-host: 127.0.0.1"),
        QStringLiteral("taskmanager.host: 127.0.0.1"),
        QStringLiteral("taskmanager.numberOfTaskSlots: 2"),
        QStringLiteral("taskmanager.memory.process.size: 1536m"),
        QStringLiteral("parallelism.default: 1"),
        QStringLiteral("rest.address: 127.0.0.1"),
        QStringLiteral("rest.bind-address: 127.0.0.1"),
        QStringLiteral("rest.port: %1").arg(port(state, kFlinkJm, QStringLiteral("rest"))),
        QStringLiteral("io.tmp.dirs: %1").arg(tmp),
        QStringLiteral("web.tmpdir: %1").arg(tmp),
        QStringLiteral("jobmanager.execution.failover-strategy: region"),
        // The SQL Gateway's jobs reuse generated code cached with an earlier job's class loader,
        // which the leak check would fail ("closed classloader").
        QStringLiteral("classloader.check-leaked-classloader: false"),
        // s3:// and s3a:// through the flink-s3-fs-hadoop plugin (FLINK_PLUGINS_DIR), on the
        // store; the same settings as the Flink runner's in the `local` environment.
        QStringLiteral("s3.endpoint: %1").arg(s3Endpoint(state)),
        QStringLiteral("s3.endpoint.region: us-east-1"),
        QStringLiteral("s3.path.style.access: true"),
        QStringLiteral("s3.connection.ssl.enabled: false"),
        QStringLiteral("s3.access-key: %1").arg(state.accessKey),
        QStringLiteral("s3.secret-key: %1").arg(state.secretKey),
        QStringLiteral("s3.directory.marker.retention: keep"),
    };
    if (!javaOpts.isEmpty())
        lines << QStringLiteral("env.java.opts.all: %1").arg(javaOpts);
    if (QString e = writeFile(conf + QStringLiteral("/config.yaml"),
                              lines.join(QLatin1Char('\n')).toUtf8() + '\n', true);
        !e.isEmpty())
        return e;
    // flink-console.sh reads its log configuration from FLINK_CONF_DIR.
    for (const QString &f : QDir(shipped).entryList(
             {QStringLiteral("log4j*.properties"), QStringLiteral("logback*.xml")})) {
        QFile::remove(conf + QLatin1Char('/') + f);
        if (!QFile::copy(shipped + QLatin1Char('/') + f, conf + QLatin1Char('/') + f))
            return QStringLiteral("cannot copy %1 to %2").arg(f, conf);
    }
    return {};
}

QString PlatformRecipe::writeKafkaConfig(const PlatformState &state) const
{
    const QString dir = m_layout.serviceDir(kKafka);
    const quint16 broker = port(state, kKafka, QStringLiteral("broker"));
    const quint16 controller = port(state, kKafka, QStringLiteral("controller"));
    // The settings of tests/runners/kafka_broker.py: one KRaft node that is broker and controller.
    const QStringList props{
        QStringLiteral("process.roles=broker,controller"),
        QStringLiteral("node.id=1"),
        QStringLiteral("controller.quorum.voters=1@127.0.0.1:%1").arg(controller),
        QStringLiteral("listeners=PLAINTEXT://127.0.0.1:%1,CONTROLLER://127.0.0.1:%2")
            .arg(broker)
            .arg(controller),
        QStringLiteral("advertised.listeners=PLAINTEXT://127.0.0.1:%1").arg(broker),
        QStringLiteral("controller.listener.names=CONTROLLER"),
        QStringLiteral("listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        QStringLiteral("inter.broker.listener.name=PLAINTEXT"),
        QStringLiteral("log.dirs=%1/data").arg(dir),
        QStringLiteral("num.partitions=1"),
        QStringLiteral("offsets.topic.replication.factor=1"),
        QStringLiteral("offsets.topic.num.partitions=1"),
        QStringLiteral("transaction.state.log.replication.factor=1"),
        QStringLiteral("transaction.state.log.min.isr=1"),
        QStringLiteral("group.initial.rebalance.delay.ms=0"),
        QStringLiteral("auto.create.topics.enable=true"),
        QStringLiteral("log.retention.hours=24"),
    };
    if (QString e = writeFile(dir + QStringLiteral("/server.properties"),
                              props.join(QLatin1Char('\n')).toUtf8() + '\n');
        !e.isEmpty())
        return e;
    const QString log4j =
        QStringLiteral("log4j.rootLogger=WARN, file\n"
                       "log4j.appender.file=org.apache.log4j.FileAppender\n"
                       "log4j.appender.file.File=%1/kafka-server.log\n"
                       "log4j.appender.file.layout=org.apache.log4j.PatternLayout\n"
                       "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n\n"
                       "log4j.logger.kafka.server.KafkaServer=INFO\n"
                       "log4j.logger.kafka.server.BrokerServer=INFO\n")
            .arg(m_layout.logsDir());
    return writeFile(dir + QStringLiteral("/log4j.properties"), log4j.toUtf8());
}

QString PlatformRecipe::writeSparkDaemonConfig() const
{
    const QString dir = m_layout.serviceDir(QStringLiteral("spark"));
    QDir().mkpath(dir + QStringLiteral("/conf"));
    QDir().mkpath(dir + QStringLiteral("/work"));
    QDir().mkpath(dir + QStringLiteral("/local"));
    // Finished applications' folders on the worker are cleaned up, so DIR does not grow forever.
    return writeFile(dir + QStringLiteral("/daemon.conf"),
                     QByteArrayLiteral("spark.worker.cleanup.enabled true\n"
                                       "spark.ui.reverseProxy false\n"));
}

LaunchSpec PlatformRecipe::launchSpec(const QString &service, const PlatformState &state) const
{
    if (PlatformSessions::owns(service)) {
        // The gateway plans and submits with the session cluster's own settings and plugins;
        // Spark Connect reads the clients' spark-defaults.conf (S3A on the store).
        LaunchSpec base;
        if (service == PlatformSessions::gatewayName()) {
            base = launchSpec(kFlinkJm, state);
        } else {
            base.environment = baseEnvironment();
            base.environment.insert(QStringLiteral("SPARK_CONF_DIR"), sparkClientConfDir());
        }
        return m_sessions.launchSpec(service, state, base, state.service(kFlinkJm)->url);
    }
    LaunchSpec s;
    s.environment = baseEnvironment();
    s.logFile = m_layout.logPath(service);
    s.workingDirectory = m_layout.dir();
    if (service == kS3) {
        s.program = m_layout.versitygw();
        // Keys by environment, not arguments: /proc/<pid>/cmdline is readable by every user.
        s.environment.insert(QStringLiteral("ROOT_ACCESS_KEY"), state.accessKey);
        s.environment.insert(QStringLiteral("ROOT_SECRET_KEY"), state.secretKey);
        // Object metadata in a sidecar folder: the posix backend otherwise needs user xattrs,
        // which tmpfs and some overlay file systems lack. versitygw compares the two paths as
        // strings, so they are siblings rather than DIR/s3 and DIR/s3-meta.
        const QString meta = m_layout.serviceDir(QStringLiteral("s3")) + QStringLiteral("/meta");
        QDir().mkpath(meta);
        s.arguments = {QStringLiteral("--port"),
                       local(port(state, kS3, QStringLiteral("api"))),
                       QStringLiteral("posix"),
                       QStringLiteral("--sidecar"),
                       meta,
                       m_layout.s3DataDir()};
    } else if (service == kRest) {
        // Iceberg's REST catalog server on a JDBC catalog in SQLite; table metadata goes to the
        // store through S3FileIO. Settings by environment (CATALOG_*, as the apache/iceberg-rest-
        // fixture image reads them): they hold the store's keys.
        const QString dir = m_layout.serviceDir(kRest);
        QDir().mkpath(dir);
        const QMap<QString, QString> catalog{
            {QStringLiteral("CATALOG_URI"), QStringLiteral("jdbc:sqlite:%1/catalog.db").arg(dir)},
            {QStringLiteral("CATALOG_WAREHOUSE"), icebergRestWarehouse()},
            {QStringLiteral("CATALOG_IO__IMPL"),
             QStringLiteral("org.apache.iceberg.aws.s3.S3FileIO")},
            {QStringLiteral("CATALOG_S3_ENDPOINT"), s3Endpoint(state)},
            {QStringLiteral("CATALOG_S3_PATH__STYLE__ACCESS"), QStringLiteral("true")},
            {QStringLiteral("CATALOG_S3_ACCESS__KEY__ID"), state.accessKey},
            {QStringLiteral("CATALOG_S3_SECRET__ACCESS__KEY"), state.secretKey},
            {QStringLiteral("CATALOG_CLIENT_REGION"), QStringLiteral("us-east-1")},
        };
        for (auto it = catalog.cbegin(); it != catalog.cend(); ++it)
            s.environment.insert(it.key(), it.value());
        s.program = java();
        // The temporary folder under DIR also marks the process as this platform's (its
        // command line names DIR); SQLite unpacks its native library there.
        QDir().mkpath(dir + QStringLiteral("/tmp"));
        s.arguments = {QStringLiteral("-Xmx256m"),
                       QStringLiteral("-XX:+UseSerialGC"),
                       QStringLiteral("-Djava.io.tmpdir=%1/tmp").arg(dir),
                       QStringLiteral("-cp"),
                       m_layout.icebergRestJarsDir() + QStringLiteral("/*"),
                       m_layout.icebergRestSource(),
                       QString::number(port(state, kRest, QStringLiteral("api")))};
    } else if (service == kKafka) {
        const QString dir = m_layout.serviceDir(kKafka);
        const QStringList jvm{
            QStringLiteral("-Xmx512m"),
            QStringLiteral("-Xms128m"),
            QStringLiteral("-XX:+UseSerialGC"),
            QStringLiteral("-Dlog4j.configuration=file:%1/log4j.properties").arg(dir),
            QStringLiteral("-cp"),
            m_layout.kafkaJarsDir() + QStringLiteral("/*")};
        const QString props = dir + QStringLiteral("/server.properties");
        s.program = java();
        s.arguments = jvm + QStringList{QStringLiteral("kafka.Kafka"), props};
        s.prepareProgram = java();
        const QString clusterId = QUuid::createUuid().toString(QUuid::Id128).left(22);
        s.prepareArguments = jvm + QStringList{QStringLiteral("kafka.tools.StorageTool"),
                                               QStringLiteral("format"),
                                               QStringLiteral("-t"),
                                               clusterId,
                                               QStringLiteral("-c"),
                                               props,
                                               QStringLiteral("--ignore-formatted")};
    } else if (service == kFlinkJm || service == kFlinkTm) {
        const QString flink = m_layout.serviceDir(QStringLiteral("flink"));
        s.environment.insert(QStringLiteral("FLINK_CONF_DIR"), flink + QStringLiteral("/conf"));
        s.environment.insert(QStringLiteral("FLINK_LOG_DIR"), m_layout.logsDir());
        s.environment.insert(QStringLiteral("FLINK_PID_DIR"), flink);
        s.environment.insert(QStringLiteral("FLINK_HOME"), m_layout.flinkHome());
        s.environment.insert(QStringLiteral("FLINK_PLUGINS_DIR"), m_layout.flinkPluginsDir());
        // Parquet (parquet-hadoop) and Iceberg's Hadoop catalog need Hadoop's own classes in the
        // JobManager and TaskManager, as the Flink runner's mini-cluster gets them, and S3A for
        // a Hadoop catalog in the store (no REST catalog); config.sh appends HADOOP_CLASSPATH to
        // their class path.
        QStringList hadoop;
        for (const QString &dir : {m_layout.hadoopJarsDir(), m_layout.s3aJarsDir()}) {
            for (const QFileInfo &jar :
                 QDir(dir).entryInfoList({QStringLiteral("*.jar")}, QDir::Files))
                hadoop << jar.absoluteFilePath();
        }
        if (!hadoop.isEmpty())
            s.environment.insert(QStringLiteral("HADOOP_CLASSPATH"), hadoop.join(QLatin1Char(':')));
        s.program =
            m_layout.flinkHome() + (service == kFlinkJm ? QStringLiteral("/bin/jobmanager.sh")
                                                        : QStringLiteral("/bin/taskmanager.sh"));
        s.arguments = {QStringLiteral("start-foreground")};
    } else if (service == kSparkMaster || service == kSparkWorker) {
        const QString spark = m_layout.serviceDir(QStringLiteral("spark"));
        s.environment.insert(QStringLiteral("SPARK_HOME"), m_layout.sparkHome());
        s.environment.insert(QStringLiteral("SPARK_CONF_DIR"), spark + QStringLiteral("/conf"));
        s.environment.insert(QStringLiteral("SPARK_LOG_DIR"), m_layout.logsDir());
        s.environment.insert(QStringLiteral("SPARK_LOCAL_IP"), QStringLiteral("127.0.0.1"));
        s.environment.insert(QStringLiteral("SPARK_PUBLIC_DNS"), QStringLiteral("127.0.0.1"));
        s.environment.insert(QStringLiteral("SPARK_LOCAL_DIRS"), spark + QStringLiteral("/local"));
        s.environment.insert(QStringLiteral("SPARK_DAEMON_MEMORY"), QStringLiteral("512m"));
        s.environment.insert(QStringLiteral("PYSPARK_PYTHON"),
                             m_layout.venv() + QStringLiteral("/bin/python"));
        s.program = m_layout.sparkHome() + QStringLiteral("/bin/spark-class");
        const QString daemonConf = spark + QStringLiteral("/daemon.conf");
        if (service == kSparkMaster) {
            s.arguments = {QStringLiteral("org.apache.spark.deploy.master.Master"),
                           QStringLiteral("--host"),
                           QStringLiteral("127.0.0.1"),
                           QStringLiteral("--port"),
                           QString::number(port(state, kSparkMaster, QStringLiteral("master"))),
                           QStringLiteral("--webui-port"),
                           QString::number(port(state, kSparkMaster, QStringLiteral("ui"))),
                           QStringLiteral("--properties-file"),
                           daemonConf};
        } else {
            s.arguments = {QStringLiteral("org.apache.spark.deploy.worker.Worker"),
                           state.service(kSparkMaster)->url,
                           QStringLiteral("--host"),
                           QStringLiteral("127.0.0.1"),
                           QStringLiteral("--cores"),
                           QStringLiteral("2"),
                           QStringLiteral("--memory"),
                           QStringLiteral("2g"),
                           QStringLiteral("--webui-port"),
                           QString::number(port(state, kSparkWorker, QStringLiteral("ui"))),
                           QStringLiteral("--work-dir"),
                           spark + QStringLiteral("/work"),
                           QStringLiteral("--properties-file"),
                           daemonConf};
        }
    }
    return s;
}

ServiceProbe *PlatformRecipe::createProbe(const QString &service, const PlatformState &state) const
{
    if (PlatformSessions::owns(service))
        return m_sessions.createProbe(service, state);
    if (service == kS3)
        return ServiceProbe::s3ListBuckets(QUrl(s3Endpoint(state) + QLatin1Char('/')),
                                           state.accessKey, state.secretKey);
    if (service == kKafka)
        return ServiceProbe::kafkaMetadata(port(state, kKafka, QStringLiteral("broker")));
    if (service == kRest) {
        return ServiceProbe::httpJson(
            QUrl(http(port(state, kRest, QStringLiteral("api"))) + QStringLiteral("/v1/config")),
            [](const QJsonDocument &d) {
                return d.object().contains(QLatin1String("defaults"))
                           ? QString()
                           : QStringLiteral("no catalog configuration yet");
            });
    }
    const QUrl overview(http(port(state, kFlinkJm, QStringLiteral("rest"))) +
                        QStringLiteral("/overview"));
    if (service == kFlinkJm) {
        return ServiceProbe::httpJson(overview, [](const QJsonDocument &d) {
            return d.object().contains(QLatin1String("flink-version"))
                       ? QString()
                       : QStringLiteral("no overview yet");
        });
    }
    if (service == kFlinkTm) {
        return ServiceProbe::httpJson(overview, [](const QJsonDocument &d) {
            const QJsonObject o = d.object();
            if (o.value(QLatin1String("taskmanagers")).toInt() < 1)
                return QStringLiteral("no TaskManager registered yet");
            return o.value(QLatin1String("slots-total")).toInt() >= 2
                       ? QString()
                       : QStringLiteral("fewer than 2 slots");
        });
    }
    const QUrl masterJson(http(port(state, kSparkMaster, QStringLiteral("ui"))) +
                          QStringLiteral("/json/"));
    if (service == kSparkMaster) {
        return ServiceProbe::httpJson(masterJson, [](const QJsonDocument &d) {
            return d.object().value(QLatin1String("status")).toString() == QLatin1String("ALIVE")
                       ? QString()
                       : QStringLiteral("master not ALIVE yet");
        });
    }
    return ServiceProbe::httpJson(masterJson, [](const QJsonDocument &d) {
        for (const QJsonValue &w : d.object().value(QLatin1String("workers")).toArray()) {
            if (w.toObject().value(QLatin1String("state")).toString() == QLatin1String("ALIVE"))
                return QString();
        }
        return QStringLiteral("no ALIVE worker registered yet");
    });
}

QString PlatformRecipe::writeClientFiles(const PlatformState &state) const
{
    const QString flinkRest = state.service(kFlinkJm)->url;
    const QString master = state.service(kSparkMaster)->url;
    // The targets name the platform's session servers while they run (previews on them).
    const auto session = [&state](const QString &key, const QString &service) {
        return state.isRunning(service)
                   ? QStringLiteral(", %1: %2").arg(key, state.service(service)->url)
                   : QString();
    };
    const QString targets =
        QStringLiteral(
            "# Written by uisctl platform start; read by dcp-local --targets.\n"
            "targets:\n"
            "  - {name: local, kind: local}\n"
            "  - {name: platform-flink, kind: flink-session, rest_url: %1%4}\n"
            "  - {name: platform-spark, kind: spark-standalone, master: %2, master_ui: %3%5}\n")
            .arg(flinkRest, master, state.service(kSparkMaster)->ui,
                 session(QStringLiteral("sql_gateway"), PlatformSessions::gatewayName()),
                 session(QStringLiteral("spark_connect"), PlatformSessions::sparkConnectName()));
    if (QString e = writeFile(m_layout.targetsPath(), targets.toUtf8()); !e.isEmpty())
        return e;

    const QString s3 = s3Endpoint(state);
    const QString kafka = kafkaBootstrap(state);
    QStringList env{
        QStringLiteral(
            "# Written by uisctl platform start: `. %1` points clients at the local platform.")
            .arg(m_layout.envPath()),
        // Marks the `local` environment: the runners point s3a:// at the store and give Iceberg
        // sinks a local catalog (runners/uis_runners/localplatform.py).
        QStringLiteral("export UIS_LOCAL_PLATFORM=%1").arg(m_layout.dir()),
        QStringLiteral("export UIS_KAFKA_BOOTSTRAP=%1").arg(kafka),
        QStringLiteral("export KAFKA_BOOTSTRAP_SERVERS=%1").arg(kafka),
        QStringLiteral("export UIS_FLINK_REST_URL=%1").arg(flinkRest),
        QStringLiteral("export UIS_SPARK_MASTER=%1").arg(master),
        QStringLiteral("export UIS_TARGETS_FILE=%1").arg(m_layout.targetsPath()),
        QStringLiteral("export SPARK_CONF_DIR=%1").arg(sparkClientConfDir()),
    };
    // Started without the store (no versitygw): s3a:// is left to the job's own settings.
    if (m_layout.hasS3Store()) {
        env << QStringLiteral("export AWS_ACCESS_KEY_ID=%1").arg(state.accessKey)
            << QStringLiteral("export AWS_SECRET_ACCESS_KEY=%1").arg(state.secretKey)
            << QStringLiteral("export AWS_REGION=us-east-1")
            << QStringLiteral("export AWS_ENDPOINT_URL_S3=%1").arg(s3)
            << QStringLiteral("export UIS_S3_ENDPOINT=%1").arg(s3);
    }
    // Iceberg sinks of type hive/rest use it in the `local` environment; without it, Hadoop
    // catalogs on the store.
    if (state.isRunning(kRest)) {
        env << QStringLiteral("export UIS_ICEBERG_REST_URI=%1").arg(state.service(kRest)->url)
            << QStringLiteral("export UIS_ICEBERG_REST_WAREHOUSE=%1").arg(icebergRestWarehouse());
    }
    return writeFile(m_layout.envPath(), env.join(QLatin1Char('\n')).toUtf8() + '\n', true);
}

QString PlatformRecipe::writeSparkClientConfig(const PlatformState &state) const
{
    const QString s3 = s3Endpoint(state);
    // S3A for spark-submit against this platform (platform.env's SPARK_CONF_DIR) and for its
    // Spark Connect server: hadoop-aws and the AWS SDK bundle from .cache/jars/s3a, path-style
    // requests to the local store.
    const QString jars = m_layout.s3aJarsDir() + QStringLiteral("/*");
    const QStringList sparkDefaults{
        QStringLiteral("spark.driver.extraClassPath %1").arg(jars),
        QStringLiteral("spark.executor.extraClassPath %1").arg(jars),
        QStringLiteral("spark.hadoop.fs.s3a.impl org.apache.hadoop.fs.s3a.S3AFileSystem"),
        QStringLiteral("spark.hadoop.fs.s3a.endpoint %1").arg(s3),
        QStringLiteral("spark.hadoop.fs.s3a.endpoint.region us-east-1"),
        QStringLiteral("spark.hadoop.fs.s3a.path.style.access true"),
        // The posix store refuses to delete a "dir/" marker that still has objects below it, which
        // S3A's default marker clean-up after each write does; keeping markers avoids those
        // deletes.
        QStringLiteral("spark.hadoop.fs.s3a.directory.marker.retention keep"),
        QStringLiteral("spark.hadoop.fs.s3a.connection.ssl.enabled false"),
        QStringLiteral("spark.hadoop.fs.s3a.access.key %1").arg(state.accessKey),
        QStringLiteral("spark.hadoop.fs.s3a.secret.key %1").arg(state.secretKey),
    };
    return writeFile(sparkClientConfDir() + QStringLiteral("/spark-defaults.conf"),
                     sparkDefaults.join(QLatin1Char('\n')).toUtf8() + '\n', true);
}

} // namespace uis
