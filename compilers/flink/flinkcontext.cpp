// SPDX-License-Identifier: Apache-2.0
#include "flinkcontext.h"

#include "compilesupport.h"

namespace uis {

using CS = CompileSupport;

FlinkContext::FlinkContext(const CompileIndex &index, const CompileOptions &options)
    : m_index(index), m_options(options),
      m_bootstrap(index.spec().configValue(QStringLiteral("kafka_bootstrap_servers")))
{
}

void FlinkContext::add(Severity severity, const QString &code, const QString &message,
                       const QString &pointer)
{
    if (m_quiet)
        return;
    // Diagnostics made here have no position yet: these fields tell them apart.
    const QString key = QString::number(int(severity)) + QLatin1Char('\n') + code +
                        QLatin1Char('\n') + pointer + QLatin1Char('\n') + message;
    if (m_seen.contains(key))
        return;
    m_seen.insert(key);
    m_diagnostics.append(CS::make(severity, code, message, pointer));
}

void FlinkContext::error(const QString &code, const QString &message, const QString &pointer)
{
    add(Severity::Error, code, message, pointer);
}

void FlinkContext::warning(const QString &code, const QString &message, const QString &pointer)
{
    add(Severity::Warning, code, message, pointer);
}

void FlinkContext::info(const QString &code, const QString &message, const QString &pointer)
{
    add(Severity::Info, code, message, pointer);
}

bool FlinkContext::setQuiet(bool quiet)
{
    const bool was = m_quiet;
    m_quiet = quiet;
    return was;
}

// pointerAppend: QString::arg parses its pattern each time, and a large spec asks thousands.
QString FlinkContext::endpointPointer(int i)
{
    return pointerAppend(QStringLiteral("/provider/endpoints"), i);
}

QString FlinkContext::transformPointer(int i)
{
    return pointerAppend(QStringLiteral("/provider/transforms"), i);
}

QString FlinkContext::sinkPointer(int i)
{
    return pointerAppend(QStringLiteral("/provider/sinks"), i);
}

bool FlinkContext::bridged() const
{
    return provider().providerType == QLatin1String("websocket") ||
           provider().providerType == QLatin1String("webhook");
}

QString FlinkContext::sourceKind(const QString &providerType)
{
    return providerType == QLatin1String("database") ? QStringLiteral("cdc") : providerType;
}

QString FlinkContext::sourceTable(const Endpoint &e) const
{
    return sourceKind() + QLatin1Char('_') + e.name;
}

QString FlinkContext::flinkVersion() const
{
    return spec().configValue(QStringLiteral("flink_version"), CS::defaultFlinkVersion());
}

QString FlinkContext::s3a(const QString &url, const QString &pointer)
{
    bool rewritten = false;
    const QString out = CS::toS3a(url, &rewritten);
    if (rewritten)
        info(QStringLiteral("UIS-I-S3A"),
             QStringLiteral("`%1` is written as `%2`: open-source Flink, Spark and Hadoop reach S3 "
                            "through S3A (`s3://` works on EMR only)")
                 .arg(url, out),
             pointer);
    return out;
}

} // namespace uis
