# SPDX-License-Identifier: Apache-2.0
"""Every batch / micro-batch template (and seed example), compiled by the real `uisctl compile
--target spark-job`, runs its sources and transforms on Spark with `--dry-run --limit 5`.

The templates read from S3 or public APIs, so each test works on a copy whose `base_url` points
at local data made from the spec's own endpoints: a paginated JSON API on loopback (the
endpoint's path, response_path and cursor paging) or files under `file://<tmp>` (its path glob
and format). The preview must show rows for every node, with the mapped column names and the
schema's types.

The streaming templates' compiled flink-sql is planned by Flink (--explain) in
tests/compilers/tst_engines.cpp (flinkPlansCompiledSql, over every template and seed); it is not
repeated here."""

import json

import pytest
import templates as T
from conftest import explain, run_spark

pytestmark = pytest.mark.spark

SPARK_SPECS = [p for p in T.all_specs() if T.mode_of(p) in T.SPARK_MODES]
LIMIT = 5


def expected_checks():
    """What each Spark spec's nodes must show beyond 'rows with the mapped names' (keyed by
    spec file; a new Spark template without an entry fails test_every_spark_spec_is_covered)."""
    return {
        "rest-to-parquet-iceberg": lambda pv: (
            all(r.get("exchange") is not None for r in pv["listed_only"]["rows"]),
        ),
        "market-data-ingestion": lambda pv: (),
        "files-to-clickhouse": lambda pv: (
            all(
                r["shop_id"] is not None and r["sku"] is not None for r in pv["valid_rows"]["rows"]
            ),
            all(r["quantity"] > 0 for r in pv["positive_quantity"]["rows"]),
        ),
        "files-to-parquet": lambda pv: (
            all(r["signal_strength"] is not None for r in pv["usable"]["rows"]),
            all(r["readings"] >= 1 for r in pv["per_10_minutes"]["rows"]),
        ),
        "sample-trades-to-parquet": lambda pv: (
            all(r["quantity"] > 0 for r in pv["filled_trades"]["rows"]),
        ),
        "table-to-rest-api": lambda pv: (
            set(pv["to_request"]["columns"]) == {"tracking_id", "patient", "status"},
        ),
    }


def test_every_spark_spec_is_covered():
    names = sorted(T.spec_id(p) for p in SPARK_SPECS)
    assert names == sorted(expected_checks()), "a Spark template has no entry in expected_checks()"
    assert {"rest-to-parquet-iceberg", "files-to-clickhouse", "table-to-rest-api"} <= set(names)


def localise(spec_path, tmp_path, http_server):
    """A copy of the spec reading local data; returns (copy, spec dict, env, api class or None)."""
    text = spec_path.read_text()
    spec = T.load(text)
    kind = spec["provider"]["provider_type"]
    api = None
    if kind == "rest_api":
        api = T.api_handler(spec)
        api.requests = []
        base = http_server(api).url
    elif kind == "file_ftp":
        data = tmp_path / "data"
        for e in spec["provider"]["endpoints"]:
            T.write_files(e, data)
        base = data.as_uri()
    else:
        raise AssertionError(f"no local data for provider_type {kind}")
    copy = tmp_path / spec_path.name
    copy.write_text(T.rewrite_base_url(text, base))
    return copy, spec, T.placeholders(text), api


@pytest.mark.parametrize("spec_path", SPARK_SPECS, ids=T.spec_id)
def test_template_dry_run(spec_path, tmp_path, http_server):
    copy, spec, env, api = localise(spec_path, tmp_path, http_server)
    job_text = T.compile_spec(
        copy, "spark-job", "--master", "local[*]", out_file=tmp_path / "job.json"
    )
    job = json.loads(job_text)
    p = run_spark(job, tmp_path, "--dry-run", "--limit", str(LIMIT), env=env, timeout=240)
    assert p.returncode == 0, explain(p)
    assert "uis-runner: dry run finished: no sink written" in p.stdout, explain(p)
    pv = T.previews(p.stdout)

    # every source and transform previewed, in definition order, each with rows
    nodes = [s["name"] for s in job["sources"]] + [t["name"] for t in job["transforms"]]
    assert [n for n in pv if n in nodes] == nodes, explain(p)
    for n in nodes:
        assert pv[n].get("columns"), f"{n}: no schema line\n{explain(p)}"
        assert 0 < len(pv[n]["rows"]) <= LIMIT and pv[n]["end"] == len(pv[n]["rows"]), (
            f"{n}: {pv[n]}"
        )
        for r in pv[n]["rows"]:
            assert set(r) <= set(pv[n]["columns"]), (n, r)

    # each endpoint: its source shows the raw fields, its map_<endpoint> the mapped names with the
    # schema's types, and nothing downstream sees a raw name again
    for e in spec["provider"]["endpoints"]:
        src = next(s["name"] for s in job["sources"] if s.get("endpoint") == e["name"])
        raw = [f[0] for f in T.raw_fields(e)]
        assert set(raw) <= set(pv[src]["columns"]), (src, pv[src]["columns"])
        mapping = e.get("field_mapping") or {}
        if not mapping:
            continue
        mapped = pv[f"map_{e['name']}"]["columns"]
        assert set(mapping.values()) <= set(mapped), mapped
        assert not (set(mapping) - set(mapping.values())) & set(mapped), mapped
        for f in e.get("schema") or []:
            assert mapped.get(f["name"], mapped.get(mapping.get(f["name"]))) == T.spark_type(
                f["type"]
            ), (f, mapped)
        for t in job["transforms"]:
            if t["type"] != "sql" and t["name"] != f"map_{e['name']}":
                assert not (set(mapping) - set(mapping.values())) & set(pv[t["name"]]["columns"]), (
                    t["name"]
                )
        for r in pv[f"map_{e['name']}"]["rows"]:
            assert any(r.get(c) is not None for c in mapping.values()), r

    for ok in expected_checks()[T.spec_id(spec_path)](pv):
        assert ok, json.dumps(pv, indent=1)[:4000]

    if api is not None:
        # the template's path, query parameters and credentials reached the API, and paging
        # followed the cursor until the limit was reached
        first = api.requests[0]
        e = spec["provider"]["endpoints"][0]
        assert first["path"] == e["path"]
        assert all(
            first["query"].get(k) == str(v) for k, v in (e.get("query_params") or {}).items()
        ), first
        for h, v in (e.get("headers") or {}).items():
            want = v
            for name, val in env.items():
                want = want.replace("{{" + name.lower() + "}}", val)
            assert first["headers"].get(h) == want, (h, first["headers"])
        assert [r["query"].get("cursor") for r in api.requests] == [None, "3"], api.requests
        # a resolved placeholder is never printed
        for val in env.values():
            assert val not in p.stdout + p.stderr


SQL_OVER_ENDPOINT = """\
version: "1.1"
name: sql-over-endpoint
provider:
  name: shop_api
  provider_type: rest_api
  base_url: https://shop.example.com
  mode: batch
  endpoints:
    - name: items
      path: /v1/items
      response_path: $.data.items
      pagination: cursor
      field_mapping:
        sku: item_code
        price_cents: price
      schema:
        - { name: item_code, type: string, nullable: false }
        - { name: price, type: long }
        - { name: shop, type: string }
  transforms:
    - name: expensive
      type: sql
      query: SELECT item_code, price * 2 AS double_price, shop FROM items WHERE price > 0
    - name: by_endpoint
      type: filter
      inputs: [items]
      condition: item_code IS NOT NULL
  sinks:
    - name: out
      type: console
      inputs: [expensive]
"""


def test_sql_over_an_endpoint_sees_mapped_columns(tmp_path, http_server):
    """A sql transform naming an endpoint that has a field_mapping reads the mapped columns
    (the endpoint's implicit map_<endpoint>), not the raw source's."""
    spec = T.load(SQL_OVER_ENDPOINT)
    api = T.api_handler(spec)
    api.requests = []
    copy = tmp_path / "sql-over-endpoint.uis.yaml"
    copy.write_text(T.rewrite_base_url(SQL_OVER_ENDPOINT, http_server(api).url))
    job = json.loads(T.compile_spec(copy, "spark-job", "--master", "local[*]"))
    p = run_spark(job, tmp_path, "--dry-run", "--limit", "10", timeout=240)
    assert p.returncode == 0, explain(p)
    pv = T.previews(p.stdout)
    assert set(pv["rest_items"]["columns"]) == {"sku", "price_cents", "shop"}
    assert pv["rest_items"]["columns"]["price_cents"] == "bigint"
    assert set(pv["map_items"]["columns"]) == {"item_code", "price", "shop"}
    assert pv["expensive"]["columns"] == {
        "item_code": "string",
        "double_price": "bigint",
        "shop": "string",
    }
    raw = {r["sku"]: r for r in T.records(spec["provider"]["endpoints"][0], 7)}
    got = {r["item_code"]: r["double_price"] for r in pv["expensive"]["rows"]}
    assert got == {
        k: 2 * r["price_cents"] for k, r in raw.items() if (r["price_cents"] or 0) > 0
    }, got
    assert set(pv["by_endpoint"]["columns"]) == {"item_code", "price", "shop"}
    assert len(pv["by_endpoint"]["rows"]) == 7


def test_rest_template_runs_into_parquet_and_iceberg(tmp_path, http_server):
    """The REST template runs for real, sinks included: its Parquet landing zone and its Iceberg
    table (the copy's sinks point at local directories, the Iceberg catalog is a Hadoop one)."""
    import pyarrow.dataset as ds

    src = T.TEMPLATES / "rest-to-parquet-iceberg.uis.yaml"
    text = src.read_text()
    spec = T.load(text)
    api = T.api_handler(spec)
    api.requests = []
    local = T.rewrite_base_url(text, http_server(api).url)
    for old, new in (
        ("bucket: landing-zone", f"bucket: {(tmp_path / 'landing').as_uri()}"),
        ("namespace: market_data\n", "namespace: market_data\n        catalog_type: hadoop\n"),
        ("warehouse: s3a://prod-warehouse/", f"warehouse: {(tmp_path / 'wh').as_uri()}"),
    ):
        assert local.count(old) == 1, old
        local = local.replace(old, new)
    copy = tmp_path / src.name
    copy.write_text(local)
    job = json.loads(T.compile_spec(copy, "spark-job", "--master", "local[*]"))
    p = run_spark(job, tmp_path, env=T.placeholders(text), timeout=240)
    assert p.returncode == 0, explain(p)
    assert [r["query"].get("cursor") for r in api.requests] == [
        None,
        "3",
        "6",
    ]  # 7 records, 3 a page

    e = spec["provider"]["endpoints"][0]
    raw = T.records(e, 7)
    listed = sorted(r["ticker"] for r in raw if r["exchange"] is not None)
    mapped = {"symbol", "company_name", "market_capitalization", "exchange", "date"}
    landing = ds.dataset(
        tmp_path / "landing" / "market-data-ingestion", format="parquet"
    ).to_table()
    assert set(landing.column_names) == mapped
    assert sorted(landing.column("symbol").to_pylist()) == listed
    table_dir = tmp_path / "wh" / "market_data" / "stock_tickers"
    assert list((table_dir / "metadata").glob("v*.metadata.json")), "no Iceberg metadata"
    meta = json.loads(sorted((table_dir / "metadata").glob("v*.metadata.json"))[-1].read_text())
    spec_fields = [f["name"] for f in meta["partition-specs"][0]["fields"]]
    assert spec_fields == ["exchange", "date"], meta["partition-specs"]
    data = ds.dataset(table_dir / "data", format="parquet").to_table()
    assert mapped <= set(data.column_names)
    assert sorted(data.column("symbol").to_pylist()) == listed
    assert str(data.schema.field("market_capitalization").type) == "double"
    assert str(data.schema.field("date").type).startswith("date32")
