#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a valid UIS spec with N REST endpoints (default 1,000: about 23,000 lines, 700 KB).

Used by `make bench` for the validate/compile/GUI figures. Deterministic: same N, same bytes.
"""
import sys


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
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


if __name__ == "__main__":
    main()
