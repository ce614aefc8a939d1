// SPDX-License-Identifier: Apache-2.0
// In-process timings of the core stages on the 1,000-endpoint spec (Google Benchmark).
#include "sourcepatcher.h"
#include "specbuilder.h"
#include "specloader.h"
#include "specreader.h"
#include "specwriter.h"
#include "validator.h"

#include <benchmark/benchmark.h>

using namespace uis;

namespace {

/// The same shape as gen_large_spec.py, built here so the benchmark needs no files.
QByteArray largeSpec(int endpoints)
{
    QByteArray y = "version: \"1.1\"\nname: large-market-data\nprovider:\n  name: bench_api\n"
                   "  provider_type: rest_api\n  base_url: https://api.example.com\n  mode: micro_batch\n"
                   "  parallelism: 8\n  schedule:\n    trigger_interval: 5 minutes\n  endpoints:\n";
    for (int i = 0; i < endpoints; ++i) {
        y += QStringLiteral("    - name: feed_%1\n      path: /v3/reference/feed/%1\n").arg(i, 4, 10, QLatin1Char('0')).toUtf8();
        y += "      method: GET\n      auth: api_key\n      headers:\n        Authorization: \"Bearer {{api_key}}\"\n"
             "        Accept: application/json\n      query_params:\n        market: stocks\n        limit: \"1000\"\n"
             "      pagination: cursor\n      response_path: $.results\n      field_mapping:\n        ticker: symbol\n"
             "        name: company_name\n      rate_limit_per_second: 20\n      schema:\n"
             "        - { name: symbol, type: string, nullable: false }\n        - { name: company_name, type: string }\n";
    }
    y += "  sinks:\n    - type: parquet\n      config: { bucket: landing }\n";
    return y;
}

const QByteArray &spec()
{
    static const QByteArray s = largeSpec(1000);
    return s;
}

void BM_ReadYaml(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(SpecReader::read(spec(), SpecFormat::Yaml));
    state.SetBytesProcessed(int64_t(state.iterations()) * spec().size());
}
BENCHMARK(BM_ReadYaml)->Unit(benchmark::kMillisecond);

/// A form edit's text patch: one scalar of an endpoint in the middle, read back (positions
/// included) for the document.
void BM_PatchScalar(benchmark::State &state)
{
    const QString text = QString::fromUtf8(spec());
    const SourceNode parsed = *SpecReader::read(spec(), SpecFormat::Yaml).root;
    SourceNode target = parsed;
    target.at(u"/provider/endpoints/500")
        ->insert(QStringLiteral("rate_limit_per_second"), SourceNode::makeInt(7));
    for (auto _ : state)
        benchmark::DoNotOptimize(SourcePatcher::patch(text, SpecFormat::Yaml, parsed, target));
}
BENCHMARK(BM_PatchScalar)->Unit(benchmark::kMillisecond);

void BM_Validate(benchmark::State &state)
{
    const ReadResult r = SpecReader::read(spec(), SpecFormat::Yaml);
    for (auto _ : state)
        benchmark::DoNotOptimize(Validator::validate(*r.root));
}
BENCHMARK(BM_Validate)->Unit(benchmark::kMillisecond);

void BM_Build(benchmark::State &state)
{
    const ReadResult r = SpecReader::read(spec(), SpecFormat::Yaml);
    for (auto _ : state)
        benchmark::DoNotOptimize(SpecBuilder::build(*r.root));
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond);

void BM_LoadAll(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(SpecLoader::load(spec(), SpecFormat::Yaml));
}
BENCHMARK(BM_LoadAll)->Unit(benchmark::kMillisecond);

void BM_WriteYaml(benchmark::State &state)
{
    const LoadedSpec l = SpecLoader::load(spec(), SpecFormat::Yaml);
    for (auto _ : state)
        benchmark::DoNotOptimize(SpecWriter::toYaml(*l.tree));
}
BENCHMARK(BM_WriteYaml)->Unit(benchmark::kMillisecond);

void BM_ReadJson(benchmark::State &state)
{
    const QByteArray json = SpecWriter::toJson(*SpecReader::read(spec(), SpecFormat::Yaml).root);
    for (auto _ : state)
        benchmark::DoNotOptimize(SpecReader::read(json, SpecFormat::Json));
    state.SetBytesProcessed(int64_t(state.iterations()) * json.size());
}
BENCHMARK(BM_ReadJson)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
