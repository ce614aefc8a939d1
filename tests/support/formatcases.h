// SPDX-License-Identifier: Apache-2.0
// One table of single values and the verdict the validator gives each, shared by the tests of
// FormatRules (tests/core/tst_formatrules.cpp) and of the form's field editors
// (tests/views/tst_fieldeditor.cpp), so a form and the validator are held to the same answers.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace uis::test {

/// A valid rest_api spec with a home for every field the cases below put a value in.
inline const QByteArray kFormatBase = "version: \"1.1\"\n"
                                      "name: demo-pipeline\n"
                                      "provider:\n"
                                      "  name: demo_api\n"
                                      "  provider_type: rest_api\n"
                                      "  base_url: https://api.example.com\n"
                                      "  owner: team@example.com\n"
                                      "  mode: micro_batch\n"
                                      "  parallelism: 2\n"
                                      "  schedule: { trigger_interval: 5 minutes }\n"
                                      "  config: { executor_memory: 4g }\n"
                                      "  endpoints:\n"
                                      "    - name: items\n"
                                      "      path: /v1/items\n"
                                      "      response_path: $.data\n"
                                      "      rate_limit_per_second: 5\n"
                                      "  transforms:\n"
                                      "    - name: per_day\n"
                                      "      type: window_aggregate\n"
                                      "      time_column: ts\n"
                                      "      window: 1 d\n"
                                      "      aggregates: { n: count(*) }\n"
                                      "    - name: once\n"
                                      "      type: dedupe\n"
                                      "      keys: [id]\n"
                                      "      within: 10 minutes\n"
                                      "    - name: late\n"
                                      "      type: watermark\n"
                                      "      time_column: ts\n"
                                      "      max_out_of_orderness: 5 s\n"
                                      "  sinks:\n"
                                      "    - name: out\n"
                                      "      type: parquet\n"
                                      "      config: { path: /tmp/out }\n"
                                      "    - name: table\n"
                                      "      type: iceberg\n"
                                      "      table_name: market_data.ticks\n";

/// One value typed into one field, and the error code the validator gives it.
struct FormatCase
{
    const char *object;  ///< the SpecSchema object the field belongs to
    const char *pointer; ///< where the value goes in kFormatBase; its last token is the field
    const char *text;    ///< the value as a user types it
    const char *code;    ///< the validator's error code at `pointer`, "" when the value is fine

    QString field() const
    {
        const QString p = QString::fromLatin1(pointer);
        return p.mid(p.lastIndexOf(QLatin1Char('/')) + 1);
    }
    QString name() const
    {
        return QStringLiteral("%1 = \"%2\"")
            .arg(QString::fromLatin1(pointer), QString::fromUtf8(text));
    }
};

inline QList<FormatCase> formatCases()
{
    static const char *const ok = "";
    static const char *const longName =
        "a23456789-123456789-123456789-123456789-123456789-123456789-1234"; // 64
    static const char *const longestName =
        "a23456789-123456789-123456789-123456789-123456789-123456789-123"; // 63
    return {
        // pipeline name: kebab-case, 2-63 characters
        {"spec", "/name", "demo-pipeline", ok},
        {"spec", "/name", "ab", ok},
        {"spec", "/name", "my-pipeline-2", ok},
        {"spec", "/name", longestName, ok},
        {"spec", "/name", longName, "UIS-E-NAME-FORMAT"},
        {"spec", "/name", "Demo_Pipeline", "UIS-E-NAME-FORMAT"},
        {"spec", "/name", "d", "UIS-E-NAME-FORMAT"},
        {"spec", "/name", "2fast", "UIS-E-NAME-FORMAT"},
        {"spec", "/name", "my_pipeline", "UIS-E-NAME-FORMAT"},
        {"spec", "/name", "Demo", "UIS-E-NAME-FORMAT"},
        // snake_case names
        {"provider", "/provider/name", "demo_api", ok},
        {"provider", "/provider/name", "x1_y", ok},
        {"provider", "/provider/name", "a", ok},
        {"provider", "/provider/name", "MyName", "UIS-E-NAME-FORMAT"},
        {"provider", "/provider/name", "myName", "UIS-E-NAME-FORMAT"},
        {"provider", "/provider/name", "MYNAME", "UIS-E-NAME-FORMAT"},
        {"provider", "/provider/name", "my-name", "UIS-E-NAME-FORMAT"},
        {"provider", "/provider/name", "_x", "UIS-E-NAME-FORMAT"},
        {"provider", "/provider/name", "1x", "UIS-E-NAME-FORMAT"},
        {"endpoint.rest_api", "/provider/endpoints/0/name", "items_v2", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/name", "Items", "UIS-E-NAME-FORMAT"},
        // URLs: absolute, with a scheme that fits the provider type
        {"provider", "/provider/base_url", "https://api.example.com", ok},
        {"provider", "/provider/base_url", "http://localhost:8080/v1", ok},
        {"provider", "/provider/base_url", "HTTPS://api.example.com", ok},
        {"provider", "/provider/base_url", "{{env.API_BASE}}", ok},
        {"provider", "/provider/base_url", "api example", "UIS-E-URL"},
        {"provider", "/provider/base_url", "example.com", "UIS-E-URL"},
        {"provider", "/provider/base_url", "https://", "UIS-E-URL"},
        {"provider", "/provider/base_url", "mailto:team@example.com", "UIS-E-URL"},
        {"provider", "/provider/base_url", "wss://api.example.com", "UIS-E-URL-SCHEME"},
        {"provider", "/provider/base_url", "ftp://files.example.com", "UIS-E-URL-SCHEME"},
        // e-mail
        {"provider", "/provider/owner", "team@example.com", ok},
        {"provider", "/provider/owner", "{{env.OWNER}}", ok},
        {"provider", "/provider/owner", "nobody", "UIS-E-EMAIL"},
        {"provider", "/provider/owner", "a@b", "UIS-E-EMAIL"},
        {"provider", "/provider/owner", "a b@c.de", "UIS-E-EMAIL"},
        // whole numbers and ranges
        {"provider", "/provider/parallelism", "1", ok},
        {"provider", "/provider/parallelism", "10000", ok},
        {"provider", "/provider/parallelism", "0", "UIS-E-RANGE"},
        {"provider", "/provider/parallelism", "-3", "UIS-E-RANGE"},
        {"provider", "/provider/parallelism", "10001", "UIS-E-RANGE"},
        {"provider", "/provider/parallelism", "2.5", "UIS-E-TYPE"},
        {"provider", "/provider/parallelism", "abc", "UIS-E-TYPE"},
        {"provider", "/provider/parallelism", "4 cores", "UIS-E-TYPE"},
        // numbers with an exclusive minimum
        {"endpoint.rest_api", "/provider/endpoints/0/rate_limit_per_second", "5", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/rate_limit_per_second", "0.5", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/rate_limit_per_second", "1e3", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/rate_limit_per_second", "0", "UIS-E-RANGE"},
        {"endpoint.rest_api", "/provider/endpoints/0/rate_limit_per_second", "-1", "UIS-E-RANGE"},
        {"endpoint.rest_api", "/provider/endpoints/0/rate_limit_per_second", "fast", "UIS-E-TYPE"},
        // trigger intervals: `<n> seconds|minutes|hours`, with a space
        {"schedule", "/provider/schedule/trigger_interval", "5 minutes", ok},
        {"schedule", "/provider/schedule/trigger_interval", "1 minute", ok},
        {"schedule", "/provider/schedule/trigger_interval", "30 seconds", ok},
        {"schedule", "/provider/schedule/trigger_interval", "1 hour", ok},
        {"schedule", "/provider/schedule/trigger_interval", "5minutes", "UIS-E-DURATION"},
        {"schedule", "/provider/schedule/trigger_interval", "5 mins", "UIS-E-DURATION"},
        {"schedule", "/provider/schedule/trigger_interval", "10 sec", "UIS-E-DURATION"},
        {"schedule", "/provider/schedule/trigger_interval", "2 days", "UIS-E-DURATION"},
        {"schedule", "/provider/schedule/trigger_interval", "1.5 hours", "UIS-E-DURATION"},
        {"schedule", "/provider/schedule/trigger_interval", "5 Minutes", "UIS-E-DURATION"},
        // cron
        {"schedule", "/provider/schedule/cron", "0 */6 * * *", ok},
        {"schedule", "/provider/schedule/cron", "*/15 0-6,22 * JAN-MAR MON-FRI", ok},
        {"schedule", "/provider/schedule/cron", "0 0 * * 7", ok},
        {"schedule", "/provider/schedule/cron", "0 * * *", "UIS-E-CRON"},
        {"schedule", "/provider/schedule/cron", "61 * * * *", "UIS-E-CRON"},
        {"schedule", "/provider/schedule/cron", "0 0 1 13 *", "UIS-E-CRON"},
        {"schedule", "/provider/schedule/cron", "0 0 * * 8", "UIS-E-CRON"},
        {"schedule", "/provider/schedule/cron", "0 0 * * FUN", "UIS-E-CRON"},
        {"schedule", "/provider/schedule/cron", "*/0 * * * *", "UIS-E-CRON"},
        {"schedule", "/provider/schedule/cron", "5-1 * * * *", "UIS-E-CRON"},
        // durations: `<number> <unit>`, short and long units, the space optional
        {"transform.window_aggregate", "/provider/transforms/0/window", "10 min", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "5 mins", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "10 sec", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "100 millis", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "5minutes", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "1.5 h", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "250 milliseconds", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "2 days", ok},
        {"transform.window_aggregate", "/provider/transforms/0/window", "ten minutes",
         "UIS-E-DURATION"},
        {"transform.window_aggregate", "/provider/transforms/0/window", "5", "UIS-E-DURATION"},
        {"transform.window_aggregate", "/provider/transforms/0/window", "5 fortnights",
         "UIS-E-DURATION"},
        {"transform.window_aggregate", "/provider/transforms/0/window", "5 MIN", "UIS-E-DURATION"},
        {"transform.window_aggregate", "/provider/transforms/0/window", "{{env.WINDOW}}",
         "UIS-E-DURATION"},
        {"transform.window_aggregate", "/provider/transforms/0/slide", "1 min", ok},
        {"transform.window_aggregate", "/provider/transforms/0/slide", "1 m", "UIS-E-DURATION"},
        {"transform.window_aggregate", "/provider/transforms/0/watermark", "5 s", ok},
        {"transform.window_aggregate", "/provider/transforms/0/watermark", "5 secs",
         "UIS-E-DURATION"},
        {"transform.dedupe", "/provider/transforms/1/within", "10 minutes", ok},
        {"transform.dedupe", "/provider/transforms/1/within", "1 d", ok},
        {"transform.dedupe", "/provider/transforms/1/within", "1 week", "UIS-E-DURATION"},
        {"transform.dedupe", "/provider/transforms/1/within", "minutes", "UIS-E-DURATION"},
        {"transform.watermark", "/provider/transforms/2/max_out_of_orderness", "500 ms", ok},
        {"transform.watermark", "/provider/transforms/2/max_out_of_orderness", "500ms", ok},
        {"transform.watermark", "/provider/transforms/2/max_out_of_orderness", "-5 s",
         "UIS-E-DURATION"},
        // paths and JSONPath
        {"endpoint.rest_api", "/provider/endpoints/0/path", "/v1/items", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/path", "{{env.ITEMS_PATH}}", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/path", "v1/items", "UIS-E-PATH"},
        {"endpoint.rest_api", "/provider/endpoints/0/response_path", "$.data", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/response_path", "$..name", ok},
        {"endpoint.rest_api", "/provider/endpoints/0/response_path", "$.data['items'][*].rows[0]",
         ok},
        {"endpoint.rest_api", "/provider/endpoints/0/response_path", "data", "UIS-E-JSONPATH"},
        {"endpoint.rest_api", "/provider/endpoints/0/response_path", "$.data[", "UIS-E-JSONPATH"},
        {"endpoint.rest_api", "/provider/endpoints/0/response_path", "$.a b", "UIS-E-JSONPATH"},
        {"endpoint.rest_api", "/provider/endpoints/0/response_path", "$.", "UIS-E-JSONPATH"},
        // table names
        {"sink.iceberg", "/provider/sinks/1/table_name", "market_data.ticks", ok},
        {"sink.iceberg", "/provider/sinks/1/table_name", "Market.Ticks_2", ok},
        {"sink.iceberg", "/provider/sinks/1/table_name", "nodots", "UIS-E-TABLE-NAME"},
        {"sink.iceberg", "/provider/sinks/1/table_name", "a.b.c", "UIS-E-TABLE-NAME"},
        {"sink.iceberg", "/provider/sinks/1/table_name", "a .b", "UIS-E-TABLE-NAME"},
    };
}

} // namespace uis::test
