// SPDX-License-Identifier: Apache-2.0
// `uisctl sample`: an endpoint's records, its inferred schema and pagination, or its drift.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "placeholderinput.h"
#include "sampleoutput.h"

#include "databasesampler.h"
#include "driftchecker.h"
#include "environmentstore.h"
#include "filesampler.h"
#include "kafkasampler.h"
#include "restsampler.h"
#include "schemainferrer.h"
#include "specloader.h"
#include "websocketsampler.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

#include <cstdio>
#include <memory>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl sample SPEC [--endpoint E] [--limit N] [--pages N]\n"
    "                          [--format jsonl|json|table] [--env NAME] [--infer] [--check]\n"
    "                          [--timeout SECONDS] [--max-bytes N]\n\n"
    "Reads a few records from an endpoint's real source and prints them as the endpoint yields\n"
    "them: after response_path, before field_mapping. REST endpoints are requested with the\n"
    "spec's method, headers, query and body; their pagination is followed the Spark runner's\n"
    "way up to --pages pages and rate_limit_per_second is respected. Local files (CSV, JSON,\n"
    "JSON lines) are read from base_url + path; of Parquet files only the schema in the footer\n"
    "(--infer, --check). PostgreSQL (database, postgres-cdc) endpoints: each table's column\n"
    "types from the catalogue and its first --limit rows (a plain SELECT, no replication slot);\n"
    "of several tables each row prints as {\"table\": T, \"row\": ...} and --infer gives the\n"
    "endpoint's one schema, the tables' columns merged, with each table's as comments.\n"
    "Kafka topics: the latest --limit records of each partition, printed whole (partition,\n"
    "offset, timestamp, key, headers, value); no group offset is committed. Files may be\n"
    "s3a:// (config.s3_endpoint or AWS_ENDPOINT_URL or the platform's store; keys from\n"
    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, else the platform's). WebSocket endpoints:\n"
    "the first --limit records received, or what came within --timeout seconds.\n"
    "  --endpoint E   the endpoint to sample (default: the first)\n"
    "  --limit N      records to keep (default 100)\n"
    "  --pages N      pages to follow (default 3)\n"
    "  --format F     jsonl (default: one JSON record per line), json (one array) or table\n"
    "  --env NAME     resolve placeholders as `uisctl submit --env NAME` does: environment\n"
    "                 variables, then the OS keychain, then a prompt on a terminal\n"
    "  --infer        print the inferred schema as YAML, endpoints: {E: {schema: [...]}},\n"
    "                 with pagination: when one is confirmed that the endpoint lacks or gets\n"
    "                 wrong (evidence as a comment)\n"
    "  --check        compare the declared schema with the sample; print the drift as\n"
    "                 file:line:col: severity: message [code]\n"
    "  --timeout S    the bound of the whole sample in seconds (default 30)\n"
    "  --max-bytes N  the bound of one response body in bytes (default 16 MiB)\n"
    "Secrets are never printed: resolved values show as ****.\n"
    "Exit: 0 sampled (and no drift errors), 1 the source failed or drift errors, 2 usage or\n"
    "I/O error.\n";

bool positiveInt(const ArgParser &p, const QString &name, int fallback, int *out, CliContext &ctx)
{
    if (!p.isSet(name)) {
        *out = fallback;
        return true;
    }
    bool ok = false;
    *out = p.value(name).toInt(&ok);
    if (!ok || *out < 1) {
        ctx.err << "uisctl sample: --" << name << " expects a positive whole number\n";
        return false;
    }
    return true;
}

/// Starts an asynchronous sampler (RestSampler, WebSocketSampler: progress, finished, failed)
/// and runs the event loop until it ends; its progress goes to stderr. The failure, or empty.
template <typename Sampler, typename Start>
QString sampleToEnd(Sampler &sampler, CliContext &ctx, Start start)
{
    CliLoop loop;
    QString failure;
    QObject::connect(&sampler, &Sampler::progress, &sampler, [&ctx](const QString &m) {
        ctx.err << "uisctl sample: " << m << "\n";
        ctx.err.flush();
    });
    QObject::connect(&sampler, &Sampler::finished, &sampler, [&loop] { loop.quit(); });
    QObject::connect(&sampler, &Sampler::failed, &sampler, [&loop, &failure](const QString &m) {
        failure = m;
        loop.quit();
    });
    start();
    loop.exec();
    return failure;
}

} // namespace

int runSample(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("endpoint"), QStringLiteral("limit"), QStringLiteral("pages"),
                 QStringLiteral("format"), QStringLiteral("env"), QStringLiteral("timeout"),
                 QStringLiteral("max-bytes")},
                {QStringLiteral("help"), QStringLiteral("infer"), QStringLiteral("check")});
    if (const auto exit = p.parseCommand(args, ctx, "sample", QString::fromUtf8(kHelp)))
        return *exit;
    if (p.positional().size() != 1) {
        ctx.err << "uisctl sample: give one spec file\n" << kHelp;
        return ExitUsage;
    }
    const QString format = p.value(QStringLiteral("format"), QStringLiteral("jsonl"));
    if (format != QLatin1String("jsonl") && format != QLatin1String("json") &&
        format != QLatin1String("table")) {
        ctx.err << "uisctl sample: --format must be jsonl, json or table\n";
        return ExitUsage;
    }
    int limit = 0, pages = 0, timeout = 0;
    if (!positiveInt(p, QStringLiteral("limit"), 100, &limit, ctx) ||
        !positiveInt(p, QStringLiteral("pages"), 3, &pages, ctx) ||
        !positiveInt(p, QStringLiteral("timeout"), 30, &timeout, ctx))
        return ExitUsage;
    qint64 maxBytes = 16 * 1024 * 1024;
    if (p.isSet(QStringLiteral("max-bytes"))) {
        bool ok = false;
        maxBytes = p.value(QStringLiteral("max-bytes")).toLongLong(&ok);
        if (!ok || maxBytes < 1) {
            ctx.err << "uisctl sample: --max-bytes expects a positive number of bytes\n";
            return ExitUsage;
        }
    }
    const QString file = p.positional().first();
    if (!QFileInfo(file).isFile()) {
        ctx.err << "uisctl sample: " << file << ": no such file\n";
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("env"))) {
        EnvironmentStore store;
        if (!store.contains(p.value(QStringLiteral("env")))) {
            ctx.err << "uisctl sample: unknown environment `" << p.value(QStringLiteral("env"))
                    << "` (known: " << store.names().join(QStringLiteral(", ")) << ")\n";
            return ExitUsage;
        }
    }

    const LoadedSpec loaded = SpecLoader::loadFile(file);
    if (!loaded.parsed() || hasErrors(loaded.diagnostics)) {
        for (const Diagnostic &d : loaded.diagnostics) {
            if (d.severity == Severity::Error)
                ctx.err << formatDiagnostic(file, d) << "\n";
        }
        ctx.err << "uisctl sample: " << file << " has errors; fix them before sampling\n";
        return loaded.parsed() ? ExitErrors : ExitUsage;
    }
    const Provider &provider = loaded.spec.provider;
    int index = 0;
    if (p.isSet(QStringLiteral("endpoint"))) {
        index = -1;
        QStringList names;
        for (qsizetype i = 0; i < provider.endpoints.size(); ++i) {
            names.append(provider.endpoints.at(i).name);
            if (provider.endpoints.at(i).name == p.value(QStringLiteral("endpoint")))
                index = int(i);
        }
        if (index < 0) {
            ctx.err << "uisctl sample: no endpoint `" << p.value(QStringLiteral("endpoint"))
                    << "` in " << file << " (endpoints: " << names.join(QStringLiteral(", "))
                    << ")\n";
            return ExitUsage;
        }
    }
    if (provider.endpoints.isEmpty()) {
        ctx.err << "uisctl sample: " << file << " has no endpoint\n";
        return ExitUsage;
    }
    const Endpoint &endpoint = provider.endpoints.at(index);

    QJsonArray records;
    QJsonArray messages; // the records whole: Kafka's with key, headers and timestamp, …
    QJsonArray metadata; // parallel to records: what `messages` adds to each
    QStringList metadataFields;
    QList<SampledTable> tables; // CDC: each table's own catalogue
    QList<PaginationProposal> pagination;
    QSet<QString> fractionKeys;
    SchemaInferrer inferrer;
    bool inferred = false;           // the inferrer already read the records
    QList<InferredField> fileSchema; // declared by the file itself (Parquet's footer)
    qint64 fileRows = 0;
    const bool websocket = provider.providerType == QLatin1String("websocket");
    if (provider.providerType == QLatin1String("rest_api") || websocket) {
        CliLoop::application();
        const QList<Placeholder> placeholders = RestSampler::placeholdersOf(loaded.spec, endpoint);
        const QHash<QString, QString> values = placeholderValues(placeholders, ctx);
        bool anyMissing = false;
        for (const Placeholder &ph : placeholders) {
            if (!values.contains(PlaceholderResolver::variableFor(ph))) {
                ctx.err << "uisctl sample: placeholder " << ph.text << " has no value: set "
                        << PlaceholderResolver::variableFor(ph) << "\n";
                anyMissing = true;
            }
        }
        if (anyMissing)
            return ExitErrors;
        QStringList missing;
        const RestSampleRequest request = RestSampler::requestFor(
            loaded.spec, endpoint,
            [&values](const Placeholder &ph) -> std::optional<QString> {
                const auto it = values.constFind(PlaceholderResolver::variableFor(ph));
                return it == values.cend() ? std::nullopt : std::optional<QString>(*it);
            },
            &missing);
        Q_ASSERT(missing.isEmpty());
        if (websocket) {
            // N records or --timeout seconds, whichever comes first.
            WebSocketSampler ws;
            const QString failure =
                sampleToEnd(ws, ctx, [&] { ws.start(request, limit, timeout * 1000, maxBytes); });
            if (!failure.isEmpty()) {
                ctx.err << "uisctl sample: " << endpoint.name << ": " << failure << "\n";
                return ExitErrors;
            }
            for (const QString &n : ws.result().notes)
                ctx.err << "uisctl sample: note: " << n << "\n";
            records = ws.result().records;
        } else {
            RestSampleOptions options;
            options.maxPages = pages;
            options.maxRecords = limit;
            options.timeoutMs = timeout * 1000;
            options.maxBytes = maxBytes;
            options.detectPagination = p.isSet(QStringLiteral("infer"));
            RestSampler sampler;
            const QString failure =
                sampleToEnd(sampler, ctx, [&] { sampler.start(request, options); });
            if (!failure.isEmpty()) {
                ctx.err << "uisctl sample: " << endpoint.name << ": " << failure << "\n";
                return ExitErrors;
            }
            for (const QString &n : sampler.result().notes)
                ctx.err << "uisctl sample: note: " << n << "\n";
            records = sampler.result().records;
            pagination = sampler.result().pagination;
            for (const SamplePage &page : sampler.result().pages) {
                if (page.purpose.isEmpty())
                    fractionKeys.unite(SchemaInferrer::keysWithFractions(page.body));
            }
        }
    } else if (provider.providerType == QLatin1String("file_ftp")) {
        CliLoop::application(); // s3a:// objects are read over QtNetwork
        // For --infer and --check the records are read as text straight into the inferrer.
        const bool inferOnly = p.isSet(QStringLiteral("infer")) || p.isSet(QStringLiteral("check"));
        const FileSampleResult r = FileSampler::sample(provider, endpoint, limit, maxBytes,
                                                       inferOnly ? &inferrer : nullptr);
        inferred = inferOnly;
        if (!r.error.isEmpty()) {
            ctx.err << "uisctl sample: " << endpoint.name << ": " << r.error << "\n";
            return ExitErrors;
        }
        for (const QString &n : r.notes)
            ctx.err << "uisctl sample: note: " << n << "\n";
        records = r.records;
        fractionKeys = r.fractionKeys;
        if (!r.fileSchema.isEmpty()) {
            fileSchema = r.fileSchema;
            fileRows = r.fileRows;
        }
    } else if (provider.providerType == QLatin1String("database")) {
        const QList<Placeholder> placeholders = DatabaseSampler::placeholdersOf(endpoint);
        const QHash<QString, QString> values = placeholderValues(placeholders, ctx);
        const DatabaseSampleResult r = DatabaseSampler::sample(
            endpoint,
            [&values](const Placeholder &ph) -> std::optional<QString> {
                const auto it = values.constFind(PlaceholderResolver::variableFor(ph));
                return it == values.cend() ? std::nullopt : std::optional<QString>(*it);
            },
            limit, timeout * 1000);
        if (!r.error.isEmpty()) {
            ctx.err << "uisctl sample: " << endpoint.name << ": " << r.error << "\n";
            return ExitErrors;
        }
        for (const QString &n : r.notes)
            ctx.err << "uisctl sample: note: " << n << "\n";
        records = r.records;
        fileSchema = r.catalogue; // the catalogue declares the types (several tables: merged)
        fileRows = r.records.size();
        tables = r.tables;
        if (!r.metadata.isEmpty()) {
            // Rows of several tables: each printed with the table it came from.
            metadata = r.metadata;
            metadataFields = DatabaseSampler::metadataFields();
            for (qsizetype i = 0; i < records.size(); ++i) {
                QJsonObject whole = metadata.at(i).toObject();
                whole.insert(QStringLiteral("row"), records.at(i));
                messages.append(whole);
            }
        }
    } else if (provider.providerType == QLatin1String("kafka")) {
        const KafkaSampleResult r = KafkaSampler::sample(provider, endpoint, limit, timeout * 1000);
        if (!r.error.isEmpty()) {
            ctx.err << "uisctl sample: " << endpoint.name << ": " << r.error << "\n";
            return ExitErrors;
        }
        for (const QString &n : r.notes)
            ctx.err << "uisctl sample: note: " << n << "\n";
        records = r.records;
        messages = r.messages;
        metadata = r.metadata;
        metadataFields = KafkaSampler::metadataFields();
    } else {
        ctx.err << "uisctl sample: " << provider.providerType
                << " sources cannot be sampled yet (REST APIs, files, PostgreSQL, Kafka and "
                   "WebSocket can)\n";
        return ExitUsage;
    }

    const bool infer = p.isSet(QStringLiteral("infer"));
    const bool check = p.isSet(QStringLiteral("check"));
    inferrer.addFractionKeys(fractionKeys);
    if (!inferred && (infer || check || format == QLatin1String("table")))
        inferrer.addRecords(records);
    const QList<InferredField> schema = fileSchema.isEmpty() ? inferrer.fields() : fileSchema;
    const qint64 recordCount = fileSchema.isEmpty() ? inferrer.recordCount() : fileRows;
    if (!infer && !check) {
        if (format == QLatin1String("json"))
            ctx.out << SampleOutput::jsonArray(messages.isEmpty() ? records : messages);
        else if (format == QLatin1String("table"))
            ctx.out << SampleOutput::table(records, schema, metadata, metadataFields);
        else
            ctx.out << SampleOutput::jsonLines(messages.isEmpty() ? records : messages);
        return ExitOk;
    }
    if (infer)
        ctx.out << SampleOutput::inferYaml(endpoint.name, schema, endpoint.pagination, pagination,
                                           recordCount, tables);
    int rc = ExitOk;
    if (check) {
        const DiagnosticList drift =
            DriftChecker::check(*loaded.tree, index, endpoint, schema, recordCount);
        for (const Diagnostic &d : drift)
            ctx.out << formatDiagnostic(file, d) << '\n';
        ctx.err << QStringLiteral("%1: %2 record(s) sampled: %3 error(s), %4 warning(s)\n")
                       .arg(endpoint.name)
                       .arg(recordCount)
                       .arg(countSeverity(drift, Severity::Error))
                       .arg(countSeverity(drift, Severity::Warning));
        if (hasErrors(drift))
            rc = ExitErrors;
    }
    return rc;
}

} // namespace uis::cli
