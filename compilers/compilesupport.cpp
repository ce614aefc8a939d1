// SPDX-License-Identifier: Apache-2.0
#include "compilesupport.h"

#include <QRegularExpression>

namespace uis {

bool CompileSupport::accept(const LoadedSpec &loaded, Engine engine, const QString &compilerName,
                            CompileResult &result)
{
    if (!loaded.valid()) {
        result.diagnostics = loaded.diagnostics;
        if (!hasErrors(result.diagnostics))
            result.diagnostics.append(make(Severity::Error, QStringLiteral("UIS-E-PARSE"),
                                           QStringLiteral("the spec could not be read")));
        return false;
    }
    const QString mode = loaded.spec.provider.mode;
    const Engine fits = engineForMode(mode);
    if (engine != Engine::None && fits == Engine::None) {
        result.diagnostics.append(make(
            Severity::Error, QStringLiteral("UIS-E-ENGINE"),
            QStringLiteral("mode `%1` has no engine; %2 cannot compile it").arg(mode, compilerName),
            QStringLiteral("/provider/mode")));
        locate(result.diagnostics, loaded);
        return false;
    }
    // Either engine compiles any mode; what one lacks is a connector.
    if (engine != Engine::None) {
        result.diagnostics.append(connectorDiagnostics(loaded.spec, engine));
        if (hasErrors(result.diagnostics)) {
            locate(result.diagnostics, loaded);
            return false;
        }
    }
    return true;
}

DiagnosticList CompileSupport::connectorDiagnostics(const Spec &spec, Engine engine)
{
    DiagnosticList out;
    const Provider &p = spec.provider;
    const QString other =
        engine == Engine::Spark ? QStringLiteral("Flink") : QStringLiteral("Spark");
    const QString self =
        engine == Engine::Spark ? QStringLiteral("Spark") : QStringLiteral("Flink");
    auto lacks = [&](const QString &connector, const QString &pointer) {
        out.append(make(Severity::Error, QStringLiteral("UIS-E-ENGINE-CONNECTOR"),
                        QStringLiteral("%1 has no %2 connector; compile this spec for %3 "
                                       "(`uisctl compile --engine %4`)")
                            .arg(self, connector, other, other.toLower()),
                        pointer));
    };
    const QString &type = p.providerType;
    if (engine == Engine::Spark) {
        if (type == QLatin1String("websocket"))
            lacks(QStringLiteral("WebSocket source"), QStringLiteral("/provider/provider_type"));
        else if (type == QLatin1String("webhook"))
            lacks(QStringLiteral("webhook source"), QStringLiteral("/provider/provider_type"));
        else if (type == QLatin1String("database"))
            lacks(QStringLiteral("change data capture (CDC) source"),
                  QStringLiteral("/provider/provider_type"));
    } else if (engine == Engine::Flink) {
        if (type == QLatin1String("rest_api"))
            lacks(QStringLiteral("REST API source"), QStringLiteral("/provider/provider_type"));
        if (type == QLatin1String("file_ftp")) {
            for (int i = 0; i < p.endpoints.size(); ++i) {
                const QString f = p.endpoints.at(i).format;
                if (f == QLatin1String("xml"))
                    lacks(QStringLiteral("XML file format"),
                          QStringLiteral("/provider/endpoints/%1/format").arg(i));
            }
        }
        for (int i = 0; i < p.sinks.size(); ++i) {
            if (p.sinks.at(i).type == QLatin1String("rest_api"))
                lacks(QStringLiteral("REST API delivery sink"),
                      QStringLiteral("/provider/sinks/%1/type").arg(i));
        }
    }
    return out;
}

bool CompileSupport::streamingOn(const Spec &spec, Engine engine)
{
    const QString &mode = spec.provider.mode;
    if (engine == Engine::Flink)
        return mode != QLatin1String("batch");
    return engineForMode(mode) == Engine::Flink;
}

void CompileSupport::locate(DiagnosticList &diagnostics, const LoadedSpec &loaded)
{
    if (!loaded.tree)
        return;
    for (Diagnostic &d : diagnostics) {
        if (d.line != 0)
            continue;
        // The nearest existing ancestor gives the position of a value that is absent.
        QString ptr = d.pointer;
        while (true) {
            if (const SourceNode *n = loaded.tree->at(ptr)) {
                d.line = n->pos().line;
                d.column = n->pos().column;
                break;
            }
            const qsizetype slash = ptr.lastIndexOf(QLatin1Char('/'));
            if (slash < 0 || ptr.isEmpty())
                break;
            ptr.truncate(slash);
        }
    }
}

Diagnostic CompileSupport::make(Severity severity, const QString &code, const QString &message,
                                const QString &pointer)
{
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = message;
    d.pointer = pointer;
    return d;
}

void CompileSupport::add(DiagnosticList *list, const Diagnostic &d)
{
    if (list && !list->contains(d))
        list->append(d);
}

std::optional<qint64> CompileSupport::durationMs(const QString &duration)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|min|h|d|milliseconds?|millis|seconds?|sec|minutes?|"
        "mins?|hours?|days?)\\s*$"));
    const auto m = re.match(duration);
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    const QString u = m.captured(2);
    double factor = 1;
    if (u == QLatin1String("ms") || u.startsWith(QLatin1String("milli")))
        factor = 1;
    else if (u == QLatin1String("s") || u.startsWith(QLatin1String("sec")))
        factor = 1000;
    else if (u.startsWith(QLatin1String("min")))
        factor = 60000;
    else if (u.startsWith(QLatin1Char('h')))
        factor = 3600000;
    else if (u.startsWith(QLatin1Char('d')))
        factor = 86400000;
    return qint64(v * factor + 0.5);
}

QString CompileSupport::flinkDuration(qint64 ms)
{
    if (ms != 0 && ms % 86400000 == 0)
        return QStringLiteral("%1d").arg(ms / 86400000);
    if (ms != 0 && ms % 3600000 == 0)
        return QStringLiteral("%1h").arg(ms / 3600000);
    if (ms != 0 && ms % 60000 == 0)
        return QStringLiteral("%1min").arg(ms / 60000);
    if (ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

QString CompileSupport::sparkInterval(qint64 ms)
{
    auto unit = [](qint64 n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    if (ms != 0 && ms % 86400000 == 0)
        return unit(ms / 86400000, "day", "days");
    if (ms != 0 && ms % 3600000 == 0)
        return unit(ms / 3600000, "hour", "hours");
    if (ms != 0 && ms % 60000 == 0)
        return unit(ms / 60000, "minute", "minutes");
    if (ms % 1000 == 0)
        return unit(ms / 1000, "second", "seconds");
    return unit(ms, "millisecond", "milliseconds");
}

QString CompileSupport::toS3a(const QString &url, bool *rewritten)
{
    if (rewritten)
        *rewritten = false;
    if (url.startsWith(QLatin1String("s3://"))) {
        if (rewritten)
            *rewritten = true;
        return QStringLiteral("s3a://") + url.mid(5);
    }
    return url;
}

QString CompileSupport::toS3a(const QString &url, const QString &pointer, const QString &message,
                              DiagnosticList *diagnostics)
{
    bool rewritten = false;
    const QString out = toS3a(url, &rewritten);
    if (rewritten)
        add(diagnostics,
            make(Severity::Info, QStringLiteral("UIS-I-S3A"), message.arg(url, out), pointer));
    return out;
}

QList<const SourceNode *> CompileSupport::dottedConfig(const Spec &spec)
{
    QList<const SourceNode *> out;
    if (!spec.provider.config.isMap())
        return out;
    for (const SourceNode &c : spec.provider.config.children()) {
        if (c.key().contains(QLatin1Char('.')) && c.isScalar())
            out.append(&c);
    }
    return out;
}

QString CompileSupport::scalarText(const SourceNode &node)
{
    if (node.isScalar() && node.scalarType() == SourceNode::ScalarType::Bool)
        return *node.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return node.text();
}

QString CompileSupport::sinkConfig(const Sink &sink, const QString &key)
{
    const SourceNode *n = sinkConfigNode(sink, key);
    return n && n->isScalar() ? scalarText(*n) : QString();
}

const SourceNode *CompileSupport::sinkConfigNode(const Sink &sink, const QString &key)
{
    return sink.config.isMap() ? sink.config.find(key) : nullptr;
}

QStringList CompileSupport::listSetting(const SourceNode *node)
{
    QStringList out;
    if (!node)
        return out;
    if (node->isList()) {
        for (const SourceNode &c : node->children()) {
            if (c.isScalar() && !c.text().trimmed().isEmpty())
                out.append(c.text().trimmed());
        }
    } else if (node->isScalar()) {
        for (const QString &part : node->text().split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty())
                out.append(part.trimmed());
        }
    }
    return out;
}

QString CompileSupport::kubernetesNamespace(const Spec &spec)
{
    const QString ns = spec.configValue(QStringLiteral("namespace"));
    if (!ns.isEmpty())
        return ns;
    if (!spec.provider.tenantId.isEmpty())
        return spec.provider.tenantId;
    return QStringLiteral("default");
}

QStringList CompileSupport::runnerArgs(const Spec &spec, const CompileOptions &options,
                                       const QString &defaultRunner)
{
    return {options.runnerPath.isEmpty() ? defaultRunner : options.runnerPath,
            QStringLiteral("--job-config"),
            options.jobConfigPath.isEmpty() ? QStringLiteral("/opt/uis/jobs/%1.json").arg(spec.name)
                                            : options.jobConfigPath};
}

QString CompileSupport::fileName(const Spec &spec, const QString &target, const QString &extension)
{
    return QStringLiteral("%1.%2.%3").arg(spec.name, target, extension);
}

QString CompileSupport::defaultSparkVersion()
{
    return QStringLiteral("3.5");
}

QString CompileSupport::sparkPatchVersion(const QString &version)
{
    const QStringList parts = version.split(QLatin1Char('.'));
    if (parts.size() >= 3)
        return version;
    if (version == QLatin1String("3.5"))
        return QStringLiteral("3.5.7"); // SPARK_VERSION
    if (version == QLatin1String("4.0"))
        return QStringLiteral("4.0.1");
    if (parts.size() == 2)
        return version + QStringLiteral(".0");
    return QStringLiteral("3.5.7");
}

QString CompileSupport::scalaBinaryVersion(const QString &sparkVersion)
{
    // Spark 3.5 distributions default to Scala 2.12 (SCALA_BINARY_VERSION); Spark 4 is 2.13 only.
    return sparkVersion.startsWith(QLatin1String("3.")) ? QStringLiteral("2.12")
                                                        : QStringLiteral("2.13");
}

QString CompileSupport::icebergVersionForSpark(const QString &sparkVersion)
{
    // iceberg-spark-runtime-4.0 is published from Iceberg 1.10.0 on.
    return sparkVersion.startsWith(QLatin1String("3.")) ? QStringLiteral("1.7.1")
                                                        : QStringLiteral("1.10.0");
}

QString CompileSupport::hadoopAwsVersion(const QString &sparkVersion)
{
    // The Hadoop version each Spark line is built against.
    return sparkVersion.startsWith(QLatin1String("3.")) ? QStringLiteral("3.3.4")
                                                        : QStringLiteral("3.4.1");
}

QString CompileSupport::clickHouseJdbcVersion()
{
    return QStringLiteral("0.6.5");
}

QString CompileSupport::defaultFlinkVersion()
{
    return QStringLiteral("1.20");
}

QString CompileSupport::flinkKafkaConnectorVersion(const QString &flinkVersion)
{
    if (flinkVersion.startsWith(QLatin1String("2.")))
        return QStringLiteral("4.0.0-2.0");
    if (flinkVersion.startsWith(QLatin1String("1.19")))
        return QStringLiteral("3.3.0-1.19");
    if (flinkVersion.startsWith(QLatin1String("1.18")))
        return QStringLiteral("3.2.0-1.18");
    return QStringLiteral("3.3.0-1.20");
}

QString CompileSupport::icebergVersionForFlink(const QString &flinkVersion)
{
    return flinkVersion.startsWith(QLatin1String("2.")) ? QStringLiteral("1.10.0")
                                                        : QStringLiteral("1.7.1");
}

QString CompileSupport::flinkCdcVersion()
{
    return QStringLiteral("3.3.0");
}

} // namespace uis
