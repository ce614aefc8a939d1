// SPDX-License-Identifier: Apache-2.0
#include "submitrequestbuilder.h"

#include "jsonconvert.h"

#include <QJsonDocument>

namespace uis {

QList<Placeholder> SubmitRequest::missing() const
{
    QList<Placeholder> out;
    for (const Placeholder &p : placeholders) {
        if (!values.contains(SubmitRequestBuilder::variableFor(p)))
            out.append(p);
    }
    return out;
}

namespace {

QJsonObject withTarget(QJsonObject b, const QString &target)
{
    if (target.isEmpty())
        return b;
    QJsonObject config = b.value(QLatin1String("config")).toObject();
    config.insert(QStringLiteral("target"), target);
    b.insert(QStringLiteral("config"), config);
    return b;
}

} // namespace

QJsonObject SubmitRequest::bodyToSend() const
{
    QJsonObject b = withTarget(body, target);
    if (!values.isEmpty()) {
        QJsonObject env;
        for (auto it = values.begin(); it != values.end(); ++it)
            env.insert(it.key(), it.value());
        b.insert(QStringLiteral("runtime_env"), env);
    }
    return b;
}

QByteArray SubmitRequest::maskedPreview() const
{
    QJsonObject b = withTarget(body, target);
    if (!placeholders.isEmpty()) {
        QJsonObject env;
        for (const Placeholder &p : placeholders)
            env.insert(SubmitRequestBuilder::variableFor(p),
                       values.contains(SubmitRequestBuilder::variableFor(p))
                           ? QStringLiteral("****")
                           : QStringLiteral("(missing)"));
        b.insert(QStringLiteral("runtime_env"), env);
    }
    return QJsonDocument(b).toJson(QJsonDocument::Indented);
}

void SubmitRequestBuilder::resolveFromEnvironment(SubmitRequest *request)
{
    for (const Placeholder &p : request->placeholders) {
        const QString var = variableFor(p);
        if (request->values.contains(var))
            continue;
        if (const auto v = PlaceholderResolver::fromEnvironment(p))
            request->values.insert(var, *v);
    }
}

QString SubmitRequestBuilder::build(const LoadedSpec &spec,
                                    const QHash<QString, QByteArray> &artifacts, SubmitRequest *out)
{
    if (!spec.parsed())
        return QStringLiteral("the spec does not parse");
    if (hasErrors(spec.diagnostics))
        return QStringLiteral("the spec has errors; fix them before submitting");
    const QString mode = spec.spec.provider.mode;
    const Engine engine = engineFor(spec.spec);
    out->engine = engine == Engine::Flink ? QStringLiteral("flink") : QStringLiteral("spark");

    QJsonObject body;
    if (const QByteArray req = artifacts.value(QStringLiteral("dcp-request")); !req.isEmpty()) {
        QJsonParseError pe;
        body = QJsonDocument::fromJson(req, &pe).object();
        if (pe.error != QJsonParseError::NoError)
            return QStringLiteral("the compiled dcp-request is not JSON: %1").arg(pe.errorString());
    }
    if (body.isEmpty()) {
        // Only until the DCP compiler fills dcp-request: the envelope of DCP-API.md.
        body.insert(QStringLiteral("name"), spec.spec.name);
        body.insert(QStringLiteral("team"), spec.spec.provider.tenantId);
        body.insert(QStringLiteral("user"),
                    spec.spec.createdBy.isEmpty() ? spec.spec.provider.owner : spec.spec.createdBy);
        QJsonObject config;
        config.insert(QStringLiteral("job_type"),
                      engine == Engine::Flink || mode == QLatin1String("micro_batch")
                          ? QStringLiteral("STREAMING")
                          : QStringLiteral("BATCH"));
        if (engine == Engine::Flink)
            config.insert(QStringLiteral("engine"), QStringLiteral("flink"));
        body.insert(QStringLiteral("config"), config);
    }
    QJsonObject config = body.value(QLatin1String("config")).toObject();
    QJsonObject uisPart = config.value(QLatin1String("uis")).toObject();
    if (engine == Engine::Flink) {
        QJsonObject flink = config.value(QLatin1String("flink")).toObject();
        if (flink.value(QLatin1String("sql")).toString().isEmpty()) {
            const QByteArray sql = artifacts.value(QStringLiteral("flink-sql"));
            if (sql.isEmpty())
                return QStringLiteral("the Flink SQL was not compiled");
            flink.insert(QStringLiteral("sql"), QString::fromUtf8(sql));
        }
        config.insert(QStringLiteral("engine"), QStringLiteral("flink"));
        config.insert(QStringLiteral("flink"), flink);
    } else if (!uisPart.value(QLatin1String("job_config")).isObject()) {
        const QJsonObject job =
            QJsonDocument::fromJson(artifacts.value(QStringLiteral("spark-job"))).object();
        if (job.isEmpty())
            return QStringLiteral("the Spark job config was not compiled");
        uisPart.insert(QStringLiteral("job_config"), job);
    }
    if (!uisPart.contains(QLatin1String("spec_version")))
        uisPart.insert(QStringLiteral("spec_version"),
                       spec.spec.version.isEmpty() ? QStringLiteral("1.1") : spec.spec.version);
    uisPart.insert(QStringLiteral("spec"),
                   QJsonDocument::fromJson(dumpJson(toOrderedJson(*spec.tree))).object());
    config.insert(QStringLiteral("uis"), uisPart);
    body.insert(QStringLiteral("config"), config);
    out->body = body;
    out->placeholders = PlaceholderScanner::unique(PlaceholderScanner::scanTree(*spec.tree));
    return QString();
}

} // namespace uis
