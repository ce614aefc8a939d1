// SPDX-License-Identifier: Apache-2.0
#include "resourcerequest.h"

#include "jobrequest.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace uis::dcplocal {

namespace {

QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return QString();
}

int intOf(const QJsonValue &v)
{
    bool ok = false;
    const int n = textOf(v).toInt(&ok);
    return ok && n > 0 ? n : 0;
}

const QRegularExpression &parallelismSet()
{
    static const QRegularExpression re(
        QStringLiteral("(SET\\s+'parallelism\\.default'\\s*=\\s*')([0-9]+)(')"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

std::optional<qint64> ResourceRequest::parseSizeMb(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgt]?)(?:i?b)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    const QChar unit = m.captured(2).isEmpty() ? QLatin1Char('m') : m.captured(2).at(0).toLower();
    // A bare number is MiB, as spark.executor.memory reads it.
    const double mb = unit == QLatin1Char('k')   ? v / 1024
                      : unit == QLatin1Char('g') ? v * 1024
                      : unit == QLatin1Char('t') ? v * 1024 * 1024
                                                 : v;
    return qint64(mb + 0.5);
}

QString ResourceRequest::sizeText(qint64 mb)
{
    if (mb >= 1024 && mb % 1024 == 0)
        return QStringLiteral("%1 GiB").arg(mb / 1024);
    if (mb >= 1024)
        return QStringLiteral("%1 GiB").arg(double(mb) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(mb);
}

ResourceRequest ResourceRequest::ofSpark(const QJsonObject &jobConfig)
{
    const QJsonObject conf = jobConfig.value(QLatin1String("spark_config")).toObject();
    ResourceRequest r;
    r.executorMemoryMb =
        parseSizeMb(textOf(conf.value(QLatin1String("spark.executor.memory")))).value_or(0);
    r.executorCores = intOf(conf.value(QLatin1String("spark.executor.cores")));
    r.executorInstances = intOf(conf.value(QLatin1String("spark.executor.instances")));
    r.coresMax = intOf(conf.value(QLatin1String("spark.cores.max")));
    r.driverMemoryMb =
        parseSizeMb(textOf(conf.value(QLatin1String("spark.driver.memory")))).value_or(0);
    r.driverCores = intOf(conf.value(QLatin1String("spark.driver.cores")));
    return r;
}

ResourceRequest ResourceRequest::ofFlink(const QString &sql, const QJsonObject &jobConfig)
{
    const QJsonObject conf = jobConfig.value(QLatin1String("flink_config")).toObject();
    ResourceRequest r;
    // The script's own SET is what the client submits with; the last one wins.
    QRegularExpressionMatchIterator it = parallelismSet().globalMatch(sql);
    while (it.hasNext())
        r.parallelism = it.next().captured(2).toInt();
    if (r.parallelism <= 0)
        r.parallelism = intOf(conf.value(QLatin1String("parallelism.default")));
    r.taskManagerMemoryMb =
        parseSizeMb(textOf(conf.value(QLatin1String("taskmanager.memory.process.size"))))
            .value_or(0);
    return r;
}

ResourceRequest ResourceRequest::of(const JobRequest &request)
{
    return request.engine == QLatin1String("flink") ? ofFlink(request.flinkSql, request.jobConfig)
                                                    : ofSpark(request.jobConfig);
}

ResourceRequest ResourceRequest::ofJobDir(const QString &engine, const QString &jobDir)
{
    QJsonObject job;
    QFile cf(jobDir + QStringLiteral("/job-config.json"));
    if (cf.open(QIODevice::ReadOnly))
        job = QJsonDocument::fromJson(cf.readAll()).object();
    if (engine != QLatin1String("flink"))
        return ofSpark(job);
    QFile sf(jobDir + QStringLiteral("/job.sql"));
    const QString sql = sf.open(QIODevice::ReadOnly) ? QString::fromUtf8(sf.readAll()) : QString();
    return ofFlink(sql, job);
}

void ResourceRequest::applyTo(JobRequest *request) const
{
    if (request->engine == QLatin1String("flink")) {
        if (parallelism <= 0)
            return;
        const QString p = QString::number(parallelism);
        if (parallelismSet().match(request->flinkSql).hasMatch())
            request->flinkSql.replace(parallelismSet(),
                                      QStringLiteral("\\1") + p + QStringLiteral("\\3"));
        else
            request->flinkSql.prepend(QStringLiteral("SET 'parallelism.default' = '%1';\n").arg(p));
        QJsonObject conf = request->jobConfig.value(QLatin1String("flink_config")).toObject();
        if (conf.contains(QLatin1String("parallelism.default"))) {
            conf.insert(QStringLiteral("parallelism.default"), p);
            request->jobConfig.insert(QStringLiteral("flink_config"), conf);
        }
        return;
    }
    QJsonObject conf = request->jobConfig.value(QLatin1String("spark_config")).toObject();
    if (executorMemoryMb > 0)
        conf.insert(QStringLiteral("spark.executor.memory"),
                    QStringLiteral("%1m").arg(executorMemoryMb));
    if (executorCores > 0)
        conf.insert(QStringLiteral("spark.executor.cores"), QString::number(executorCores));
    if (executorInstances > 0) {
        conf.insert(QStringLiteral("spark.executor.instances"), QString::number(executorInstances));
        // A standalone master gives an application every free core unless told otherwise.
        conf.insert(QStringLiteral("spark.cores.max"),
                    QString::number(executorInstances * qMax(1, executorCores)));
    }
    request->jobConfig.insert(QStringLiteral("spark_config"), conf);
}

} // namespace uis::dcplocal
