#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a valid UIS spec for the benchmarks. Deterministic: same arguments, same bytes.

    gen_large_spec.py [N]                  N REST endpoints, 25 filters, 25 parquet sinks (the
                                           original figure; default N = 1,000: about 23,000
                                           lines, 700 KB)
    gen_large_spec.py --engine spark N     N REST endpoints (micro_batch), 50 transforms, one
                                           sink of each Spark sink type per 40 endpoints
    gen_large_spec.py --engine flink N     N Kafka endpoints (streaming), 50 transforms, one
                                           sink of each Flink sink type per 40 endpoints

Used by `make bench` (tests/bench/run-benchmarks.sh) for the validate/compile/GUI figures.
"""
import sys

SPARK_SINKS = ["parquet", "iceberg", "clickhouse", "kafka", "rest_api", "console"]
# Flink has no REST sink (docs/COMPILERS.md): every other type.
FLINK_SINKS = ["parquet", "iceberg", "clickhouse", "kafka", "console"]


def rest_endpoint(w, i):
    w(f"    - name: feed_{i:04d}\n")
    w(f"      path: /v3/reference/feed/{i}\n")
    w("      method: GET\n")
    w("      auth: api_key\n")
    w("      headers:\n")
    w('        Authorization: "Bearer {{api_key}}"\n')
    w("        Accept: application/json\n")
    w("      query_params:\n")
    w("        market: stocks\n")
    w('        limit: "1000"\n')
    w(f"        region: region_{i % 17}\n")
    w("      pagination: cursor\n")
    w("      response_path: $.results\n")
    w("      field_mapping:\n")
    w("        ticker: symbol\n")
    w("        name: company_name\n")
    w("        market_cap: market_capitalization\n")
    w(f"      rate_limit_per_second: {10 + i % 40}\n")
    w("      schema:\n")
    w("        - { name: symbol, type: string, nullable: false }\n")
    w("        - { name: company_name, type: string }\n")
    w("        - { name: market_capitalization, type: double }\n")


def kafka_endpoint(w, i):
    w(f"    - name: feed_{i:04d}\n")
    w(f"      topic: market.feed.{i:04d}\n")
    w("      format: json\n")
    w("      starting_offsets: earliest\n")
    w(f"      group_id: bench-{i % 13}\n")
    w("      field_mapping:\n")
    w("        symbol: ticker\n")
    w("        company_name: name\n")
    w("        market_capitalization: market_cap\n")
    w(f"      rate_limit_per_second: {10 + i % 40}\n")
    w("      schema:\n")
    w("        - { name: symbol, type: string, nullable: false }\n")
    w("        - { name: company_name, type: string }\n")
    w("        - { name: market_capitalization, type: double }\n")
    w("        - { name: ts, type: timestamp, nullable: false }\n")


def transforms(w, engine):
    """50 transforms: a chain over all endpoints of filters, renames, checks, dedupes and SQL
    projections (each keeps the columns and event time the next one needs), then a window."""
    w("  transforms:\n")
    for i in range(49):
        name = f"step_{i:02d}"
        kind = i % 6
        w(f"    - name: {name}\n")
        if i == 0 or kind in (0, 3):
            w("      type: filter\n")
            w(f"      condition: market_cap > {i * 1000}\n")
        elif kind == 1:
            w("      type: field_mapping\n")
            w("      mapping:\n")
            w("        name: company\n")
        elif kind == 2:
            w("      type: field_mapping\n")
            w("      mapping:\n")
            w("        company: name\n")
        elif kind == 4:
            w("      type: dedupe\n")
            w("      keys: [ticker]\n")
            w("      within: 1 hours\n")
        else:
            cols = "ticker, name, market_cap" + (", ts" if engine == "flink" else "")
            w("      type: sql\n")
            w(f"      query: SELECT {cols} FROM step_{i - 1:02d} WHERE ticker <> ''\n")
    w("    - name: per_minute\n")
    w("      type: window_aggregate\n")
    w("      inputs: [step_48]\n")
    w(f"      time_column: {'ts' if engine == 'flink' else 'event_time'}\n")
    w("      window: 1 minutes\n")
    w("      watermark: 10 s\n")
    w("      group_by: [ticker]\n")
    w("      aggregates:\n")
    w("        quotes: count(*)\n")
    w("        avg_cap: avg(market_cap)\n")


def sink(w, kind, g, inputs):
    w(f"    - name: {kind}_{g:03d}\n")
    w(f"      type: {kind}\n")
    w(f"      inputs: [{inputs}]\n")
    if kind == "parquet":
        w("      config:\n")
        w("        bucket: landing-zone\n")
        w(f"        path_prefix: large/{g:03d}\n")
        w("        compression: snappy\n")
    elif kind == "iceberg":
        w(f"      table_name: market.quotes_{g:03d}\n")
        w("      config:\n")
        w("        catalog: lake\n")
        w("        catalog_type: hadoop\n")
        w("        warehouse: s3a://warehouse/\n")
    elif kind == "clickhouse":
        w(f"      table_name: market.quotes_{g:03d}\n")
        w("      config:\n")
        w("        url: jdbc:clickhouse://clickhouse:8123/market\n")
        w("        username: loader\n")
        w('        password: "{{secret.market:clickhouse_password}}"\n')
    elif kind == "kafka":
        w(f"      kafka_topic: quotes.{g:03d}\n")
        w("      kafka_key_field: ticker\n")
    elif kind == "rest_api":
        w("      config:\n")
        w(f"        url: https://api.example.com/v1/quotes/{g}\n")
        w("        method: POST\n")
        w("        max_requests_per_second: 30\n")
        w("        retry:\n")
        w("          max_attempts: 3\n")
        w("          base_delay: 200 ms\n")


def engine_spec(engine, n):
    out = sys.stdout
    w = out.write
    w('version: "1.1"\n')
    w(f"name: large-{engine}-pipeline\n")
    w(f"description: Generated {engine} benchmark spec, {n} endpoints\n")
    w("created_by: bench\n")
    w("provider:\n")
    w("  name: bench_api\n")
    w("  display_name: Benchmark API\n")
    if engine == "spark":
        w("  provider_type: rest_api\n")
        w("  base_url: https://api.example.com\n")
    else:
        w("  provider_type: kafka\n")
    w("  tenant_id: bench-team\n")
    w("  owner: bench@example.com\n")
    w(f"  mode: {'micro_batch' if engine == 'spark' else 'streaming'}\n")
    w("  parallelism: 8\n")
    if engine == "spark":
        w("  schedule:\n    trigger_interval: 5 minutes\n")
    w("  config:\n")
    w("    kafka_bootstrap_servers: kafka:9092\n")
    if engine == "spark":
        w("    executor_memory: 8g\n    executor_cores: \"4\"\n    s3_endpoint: http://minio:9000\n")
    else:
        w("    checkpoint_interval: 30 s\n    kubernetes.cluster-id: bench\n")
    w("  endpoints:\n")
    for i in range(n):
        (rest_endpoint if engine == "spark" else kafka_endpoint)(w, i)
    transforms(w, engine)
    w("  sinks:\n")
    kinds = SPARK_SINKS if engine == "spark" else FLINK_SINKS
    for g in range(max(1, n // 40)):
        for k, kind in enumerate(kinds):
            # Each group of sinks reads another step; the window feeds the Kafka sinks.
            inputs = "per_minute" if kind == "kafka" else f"step_{(g + k) % 49:02d}"
            sink(w, kind, g, inputs)


def original_spec(n):
    out = sys.stdout
    w = out.write
    w('version: "1.1"\n')
    w("name: large-market-data\n")
    w("description: Generated benchmark spec with many endpoints\n")
    w("created_by: bench\n")
    w("provider:\n")
    w("  name: bench_api\n")
    w("  display_name: Benchmark API\n")
    w("  provider_type: rest_api\n")
    w("  base_url: https://api.example.com\n")
    w("  tenant_id: bench-team\n")
    w("  owner: bench@example.com\n")
    w("  mode: micro_batch\n")
    w("  parallelism: 8\n")
    w("  schedule:\n    trigger_interval: 5 minutes\n")
    w("  config:\n    executor_memory: 8g\n    executor_cores: \"4\"\n    s3_endpoint: http://minio:9000\n")
    w("  endpoints:\n")
    for i in range(n):
        rest_endpoint(w, i)
    w("  transforms:\n")
    for i in range(25):
        w(f"    - name: step_{i:02d}\n")
        w("      type: filter\n")
        w(f"      condition: market_capitalization > {i * 1000}\n")
    w("  sinks:\n")
    for i in range(25):
        w(f"    - name: landing_{i:02d}\n")
        w("      type: parquet\n")
        w(f"      inputs: [step_{i:02d}]\n")
        w("      config:\n")
        w("        bucket: landing-zone\n")
        w(f"        path_prefix: large/{i:02d}\n")
        w("        compression: snappy\n")


def main() -> None:
    args = sys.argv[1:]
    engine = None
    if len(args) >= 2 and args[0] == "--engine":
        engine = args[1]
        args = args[2:]
        if engine not in ("spark", "flink"):
            sys.exit("gen_large_spec.py: --engine is spark or flink")
    n = int(args[0]) if args else 1000
    if engine:
        engine_spec(engine, n)
    else:
        original_spec(n)


if __name__ == "__main__":
    main()
