// SPDX-License-Identifier: Apache-2.0
#include "jobrequest.h"

#include "speccheck.h"
#include "specloader.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace uis::dcplocal {

namespace {

QJsonObject detail(const QString &pointer, const QString &message)
{
    return QJsonObject{{QStringLiteral("pointer"), pointer}, {QStringLiteral("message"), message}};
}

QJsonObject diagnosticJson(const Diagnostic &d)
{
    return QJsonObject{{QStringLiteral("severity"), severityName(d.severity)},
                       {QStringLiteral("code"), d.code},
                       {QStringLiteral("message"), d.message},
                       {QStringLiteral("pointer"), d.pointer},
                       {QStringLiteral("line"), d.line},
                       {QStringLiteral("column"), d.column}};
}

} // namespace

std::optional<RequestProblem> JobRequest::parse(const QByteArray &body, JobRequest *out)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return RequestProblem{400, QStringLiteral("invalid_json"),
                              QStringLiteral("the body is not valid JSON: %1 at byte %2").arg(pe.errorString()).arg(pe.offset),
                              {}};
    if (!doc.isObject())
        return RequestProblem{400, QStringLiteral("invalid_json"), QStringLiteral("the body must be a JSON object"), {}};
    QJsonObject root = doc.object();
    QJsonArray problems;

    auto optionalString = [&](const QJsonObject &o, const char *key, const QString &pointer, QString *into) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            problems.append(detail(pointer, QStringLiteral("must be a string")));
        else
            *into = v.toString();
    };

    const QJsonValue name = root.value(QLatin1String("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        problems.append(detail(QStringLiteral("/name"), QStringLiteral("a job needs a non-empty string `name`")));
    else if (name.toString().size() > 253)
        problems.append(detail(QStringLiteral("/name"), QStringLiteral("`name` is longer than 253 characters")));
    else
        out->name = name.toString();
    optionalString(root, "team", QStringLiteral("/team"), &out->team);
    optionalString(root, "user", QStringLiteral("/user"), &out->user);

    const QJsonValue configValue = root.value(QLatin1String("config"));
    const QJsonObject config = configValue.toObject();
    if (!configValue.isObject())
        problems.append(detail(QStringLiteral("/config"), QStringLiteral("a job needs a `config` object")));

    out->engine = QStringLiteral("spark");
    if (const QJsonValue e = config.value(QLatin1String("engine")); !e.isUndefined() && !e.isNull()) {
        if (e.toString() != QLatin1String("spark") && e.toString() != QLatin1String("flink"))
            problems.append(detail(QStringLiteral("/config/engine"), QStringLiteral("must be \"spark\" or \"flink\"")));
        else
            out->engine = e.toString();
    }
    out->jobType = QStringLiteral("BATCH");
    if (const QJsonValue t = config.value(QLatin1String("job_type")); !t.isUndefined() && !t.isNull()) {
        if (t.toString() != QLatin1String("BATCH") && t.toString() != QLatin1String("STREAMING"))
            problems.append(detail(QStringLiteral("/config/job_type"), QStringLiteral("must be \"BATCH\" or \"STREAMING\"")));
        else
            out->jobType = t.toString();
    }

    if (const QJsonValue t = config.value(QLatin1String("target")); !t.isUndefined() && !t.isNull()) {
        if (!t.isString() || t.toString().trimmed().isEmpty())
            problems.append(detail(QStringLiteral("/config/target"),
                                   QStringLiteral("must be the name of one of the server's targets")));
        else
            out->target = t.toString().trimmed();
    }

    const QJsonObject uis = config.value(QLatin1String("uis")).toObject();
    if (config.contains(QLatin1String("uis")) && !config.value(QLatin1String("uis")).isObject())
        problems.append(detail(QStringLiteral("/config/uis"), QStringLiteral("must be an object")));
    if (const QJsonValue jc = uis.value(QLatin1String("job_config")); !jc.isUndefined()) {
        if (!jc.isObject())
            problems.append(detail(QStringLiteral("/config/uis/job_config"), QStringLiteral("must be an object")));
        else
            out->jobConfig = jc.toObject();
    }
    if (out->engine == QLatin1String("flink")) {
        const QJsonValue sql = config.value(QLatin1String("flink")).toObject().value(QLatin1String("sql"));
        if (!sql.isString() || sql.toString().trimmed().isEmpty())
            problems.append(detail(QStringLiteral("/config/flink/sql"),
                                   QStringLiteral("a Flink job needs the compiled SQL in `config.flink.sql`")));
        else
            out->flinkSql = sql.toString();
    } else if (configValue.isObject() && !config.value(QLatin1String("core_etl")).isObject() &&
               out->jobConfig.isEmpty() && !uis.contains(QLatin1String("spec"))) {
        problems.append(detail(QStringLiteral("/config"),
                               QStringLiteral("a Spark job needs `core_etl` or the compiled UIS job in "
                                              "`uis.job_config`")));
    }

    const QJsonValue envValue = root.value(QLatin1String("runtime_env"));
    if (!envValue.isUndefined() && !envValue.isNull()) {
        static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!envValue.isObject()) {
            problems.append(detail(QStringLiteral("/runtime_env"), QStringLiteral("must be an object of strings")));
        } else {
            const QJsonObject env = envValue.toObject();
            for (auto it = env.begin(); it != env.end(); ++it) {
                if (!envName.match(it.key()).hasMatch() || !it.value().isString())
                    problems.append(detail(QStringLiteral("/runtime_env/") + it.key(),
                                           QStringLiteral("must be a string under a valid variable name")));
                else
                    out->runtimeEnv.insert(it.key(), it.value().toString());
            }
        }
    }

    if (!problems.isEmpty())
        return RequestProblem{400, QStringLiteral("invalid_job"),
                              QStringLiteral("the job request is invalid (%1 problem%2)")
                                  .arg(problems.size())
                                  .arg(problems.size() == 1 ? QString() : QStringLiteral("s")),
                              problems};

    // The UIS spec, when the job carries it, is checked with the validator the GUI and CLI use.
    if (const QJsonValue spec = uis.value(QLatin1String("spec")); !spec.isUndefined() && !spec.isNull()) {
        LoadedSpec loaded;
        if (spec.isString())
            loaded = SpecLoader::load(spec.toString().toUtf8());
        else if (spec.isObject())
            loaded = SpecLoader::load(QJsonDocument(spec.toObject()).toJson(QJsonDocument::Compact), SpecFormat::Json);
        else
            return RequestProblem{400, QStringLiteral("invalid_job"), QStringLiteral("`config.uis.spec` must be an object or text"),
                                  {}};
        // Validation is the compiler's verdict: also every error compiling for its engine reports.
        const DiagnosticList checked = SpecCheck::check(loaded);
        if (hasErrors(checked)) {
            QJsonArray diags;
            for (const Diagnostic &d : checked)
                diags.append(diagnosticJson(d));
            const int errors = countSeverity(checked, Severity::Error);
            return RequestProblem{422, QStringLiteral("validation_failed"),
                                  QStringLiteral("the UIS spec has %1 error%2").arg(errors).arg(errors == 1 ? QString() : QStringLiteral("s")),
                                  diags};
        }
    }

    root.remove(QLatin1String("runtime_env"));
    out->storedBody = QJsonDocument(root).toJson(QJsonDocument::Compact);
    return std::nullopt;
}

} // namespace uis::dcplocal
