# SPDX-License-Identifier: Apache-2.0
"""The `local` environment of the runners (uis_runners.localplatform), without an engine: S3A
pointed at the platform's store, Iceberg `hive`/`rest` catalogs made local Hadoop catalogs, and
bucket creation against a loopback HTTP server standing in for the store's CreateBucket."""

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from uis_runners import localplatform as lp
from uis_runners.errors import JobError

STORE = lp.Store("http://127.0.0.1:9", "AKIDLOCAL", "secret")


def job():
    return {
        "spark_config": {},
        "sinks": [
            {"type": "parquet", "path": "s3a://landing-zone/market-data"},
            {
                "type": "iceberg",
                "catalog": "hive_prod",
                "catalog_type": "hive",
                "uri": "thrift://metastore:9083",
                "warehouse": "s3a://prod-warehouse/",
            },
            {"type": "iceberg", "catalog": "lake", "catalog_type": "rest"},
            {
                "type": "iceberg",
                "catalog": "files",
                "catalog_type": "hadoop",
                "warehouse": "/tmp/w",
            },
        ],
    }


def test_store_only_in_the_local_environment(monkeypatch):
    for k in ("UIS_LOCAL_PLATFORM", "UIS_S3_ENDPOINT"):
        monkeypatch.delenv(k, raising=False)
    assert lp.store() is None
    monkeypatch.setenv("UIS_S3_ENDPOINT", "http://127.0.0.1:7070/")
    assert lp.store() is None  # platform.env sourced by hand is not the `local` environment
    monkeypatch.setenv("UIS_LOCAL_PLATFORM", "/tmp/p")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "a")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "s")
    assert lp.store() == lp.Store("http://127.0.0.1:7070", "a", "s", "us-east-1")


def test_without_the_store_s3a_retries_are_bounded(monkeypatch, capsys):
    """The platform without its store: s3a:// is the job's own, and S3A gives up soon (the
    retry settings the job sets itself are kept)."""
    for k in ("UIS_LOCAL_PLATFORM", "UIS_S3_ENDPOINT"):
        monkeypatch.delenv(k, raising=False)
    conf = {"spark.hadoop.fs.s3a.retry.limit": "9"}
    lp.without_store(job(), conf)
    assert conf == {"spark.hadoop.fs.s3a.retry.limit": "9"}  # not the `local` environment
    monkeypatch.setenv("UIS_LOCAL_PLATFORM", "/tmp/p")
    lp.without_store({"sinks": [{"type": "parquet", "path": "/tmp/out"}]}, conf)
    assert len(conf) == 1  # no s3a:// path
    lp.without_store(job(), conf)
    assert conf["spark.hadoop.fs.s3a.retry.limit"] == "9"
    assert conf["spark.hadoop.fs.s3a.attempts.maximum"] == "2"
    assert conf["spark.hadoop.fs.s3a.connection.establish.timeout"] == "5000"
    assert "s3a:// paths go to AWS S3" in capsys.readouterr().out
    monkeypatch.setenv("UIS_S3_ENDPOINT", "http://127.0.0.1:7070")
    conf = {}
    lp.without_store(job(), conf)
    assert conf == {}  # the store runs: apply_spark's settings, not these


def test_s3a_and_catalogs_point_at_the_store(capsys):
    j = job()
    conf = {
        "spark.hadoop.fs.s3a.endpoint": "http://minio:9000",
        "spark.sql.catalog.hive_prod": "org.apache.iceberg.spark.SparkCatalog",
        "spark.sql.catalog.hive_prod.type": "hive",
        "spark.sql.catalog.hive_prod.uri": "thrift://metastore:9083",
    }
    lp.apply_spark(j, conf, STORE)
    assert conf["spark.hadoop.fs.s3a.endpoint"] == STORE.endpoint
    assert conf["spark.hadoop.fs.s3a.path.style.access"] == "true"
    assert conf["spark.hadoop.fs.s3a.access.key"] == "AKIDLOCAL"
    assert conf["spark.sql.catalog.hive_prod.type"] == "hadoop"
    assert conf["spark.sql.catalog.hive_prod.warehouse"] == "s3a://prod-warehouse/"
    assert "spark.sql.catalog.hive_prod.uri" not in conf
    assert conf["spark.sql.catalog.lake.type"] == "hadoop"
    assert conf["spark.sql.catalog.lake.warehouse"] == lp.DEFAULT_WAREHOUSE
    assert "spark.sql.catalog.files" not in conf  # a Hadoop catalog stays what it is
    assert j["sinks"][1]["catalog_type"] == "hadoop" and "uri" not in j["sinks"][1]
    out = capsys.readouterr().out
    assert "Iceberg catalog hive_prod (hive) is a local Hadoop catalog" in out
    assert "Iceberg catalog lake (rest) is a local Hadoop catalog" in out
    assert lp.sink_buckets(j) == ["landing-zone", "prod-warehouse", "warehouse"]


class Store(BaseHTTPRequestHandler):
    requests = []
    answer = (200, b"")

    def log_message(self, *a):
        pass

    def do_PUT(self):
        type(self).requests.append((self.path, dict(self.headers)))
        code, body = type(self).answer
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def store():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Store)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Store.requests = []
    yield lp.Store(f"http://127.0.0.1:{httpd.server_address[1]}", "AKIDLOCAL", "secret")
    httpd.shutdown()
    httpd.server_close()


def test_bucket_created_signed_or_kept(store):
    Store.answer = (200, b"")
    assert lp.ensure_bucket(store, "landing-zone") is True
    path, headers = Store.requests[-1]
    assert path == "/landing-zone"
    auth = headers["Authorization"]
    assert auth.startswith("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/")
    assert "/us-east-1/s3/aws4_request" in auth and "Signature=" in auth
    Store.answer = (409, b"<Error><Code>BucketAlreadyOwnedByYou</Code></Error>")
    assert lp.ensure_bucket(store, "landing-zone") is False
    Store.answer = (403, b"<Error><Code>SignatureDoesNotMatch</Code></Error>")
    with pytest.raises(JobError, match="cannot create bucket landing-zone.*403"):
        lp.ensure_bucket(store, "landing-zone")


def test_store_down_says_start_the_platform():
    with pytest.raises(JobError, match="uisctl platform start"):
        lp.ensure_bucket(lp.Store("http://127.0.0.1:9", "a", "s"), "b")


def test_flink_buckets_are_those_inserts_write_to():
    from uis_runners.flink.statements import split_sql

    script = """
    CREATE TABLE src (a INT) WITH ('connector' = 'filesystem', 'path' = 's3a://uis-samples/in');
    CREATE TABLE `out` (a INT) WITH ('connector' = 'filesystem', 'path' = 's3a://landing/x');
    CREATE TABLE other (a INT) WITH ('connector' = 'filesystem', 'path' = 's3://second/y');
    CREATE TABLE files (a INT) WITH ('connector' = 'filesystem', 'path' = '/tmp/z');
    INSERT INTO `out` SELECT a FROM src;
    EXECUTE STATEMENT SET BEGIN
      INSERT INTO other SELECT a FROM src;
      INSERT INTO files SELECT a FROM src;
    END;
    """
    assert lp.sql_buckets(split_sql(script)) == ["landing", "second"]


def test_flink_s3_settings_name_the_store():
    s = lp.flink_s3_settings(STORE)
    assert s["s3.endpoint"] == STORE.endpoint
    assert s["s3.path.style.access"] == "true"
    assert (s["s3.access-key"], s["s3.secret-key"]) == ("AKIDLOCAL", "secret")
    assert s["s3.connection.ssl.enabled"] == "false"


def test_hive_and_rest_catalogs_use_the_platform_rest_catalog(capsys):
    j = job()
    conf = {"spark.sql.catalog.hive_prod.warehouse": "s3a://prod-warehouse/"}
    st = lp.Store(
        STORE.endpoint,
        "AKIDLOCAL",
        "secret",
        "us-east-1",
        "http://127.0.0.1:8181",
        "s3a://warehouse/",
    )
    lp.apply_spark(j, conf, st)
    for cat in ("hive_prod", "lake"):
        key = f"spark.sql.catalog.{cat}"
        assert conf[key + ".type"] == "rest"
        assert conf[key + ".uri"] == "http://127.0.0.1:8181"
        assert conf[key + ".io-impl"] == "org.apache.iceberg.hadoop.HadoopFileIO"
        assert key + ".warehouse" not in conf  # the REST catalog places its tables
    assert "spark.sql.catalog.files" not in conf
    assert j["sinks"][1]["catalog_type"] == "rest"
    out = capsys.readouterr().out
    assert (
        "Iceberg catalog hive_prod (hive) is the local platform's Iceberg REST catalog at "
        "http://127.0.0.1:8181 (warehouse s3a://warehouse/ in the local store)"
    ) in out
    # The REST catalog's warehouse bucket is created before the first write.
    assert lp.sink_buckets(j) == ["landing-zone", "warehouse"]


FLINK_CATALOGS = """
CREATE CATALOG `hive_prod` WITH (
  'type' = 'iceberg',
  'catalog-type' = 'hive',
  'uri' = 'thrift://metastore:9083',
  'warehouse' = 's3://prod-warehouse/',
  'property-version' = '1'
);
CREATE CATALOG lake WITH ('type' = 'iceberg', 'catalog-type' = 'rest', 'uri' = 'http://x');
CREATE CATALOG files WITH ('type' = 'iceberg', 'catalog-type' = 'hadoop', 'warehouse' = '/w');
CREATE CATALOG mem WITH ('type' = 'generic_in_memory');
CREATE DATABASE IF NOT EXISTS `hive_prod`.`db`;
"""


def flink_catalogs(st):
    from uis_runners.flink.statements import split_sql

    statements = split_sql(FLINK_CATALOGS)
    out = lp.apply_flink(statements, st)
    return out, [s.text for s in statements]


def options(text):
    import re

    return dict(re.findall(r"'([^']*)' = '([^']*)'", text))


def test_flink_hive_and_rest_catalogs_use_the_platform_rest_catalog(tmp_path, monkeypatch, capsys):
    (tmp_path / "iceberg-aws-bundle-1.7.1.jar").write_bytes(b"")
    monkeypatch.setenv("UIS_ICEBERG_REST_JARS_DIR", str(tmp_path))
    st = lp.Store(
        STORE.endpoint,
        "AKIDLOCAL",
        "secret",
        "us-east-1",
        "http://127.0.0.1:8181",
        "s3a://warehouse/",
    )
    out, texts = flink_catalogs(st)
    for text in texts[:2]:
        o = options(text)
        assert o["catalog-type"] == "rest" and o["uri"] == "http://127.0.0.1:8181", text
        assert o["warehouse"] == "s3a://warehouse/"
        assert o["io-impl"] == "org.apache.iceberg.aws.s3.S3FileIO"
        assert (o["s3.endpoint"], o["s3.path-style-access"]) == (STORE.endpoint, "true")
        assert (o["s3.access-key-id"], o["s3.secret-access-key"]) == ("AKIDLOCAL", "secret")
        assert o["type"] == "iceberg" and "hive-conf-dir" not in o
    assert texts[0].startswith("CREATE CATALOG `hive_prod` WITH (")
    assert options(texts[0])["property-version"] == "1"  # other options stay
    assert texts[2:] == split_texts()[2:]  # Hadoop and non-Iceberg catalogs stay as they are
    assert out.buckets == ["warehouse"] and not out.hadoop
    assert out.jars == [str(tmp_path / "iceberg-aws-bundle-1.7.1.jar")]
    log = capsys.readouterr().out
    assert (
        "Iceberg catalog hive_prod (hive) is the local platform's Iceberg REST catalog at "
        "http://127.0.0.1:8181 (warehouse s3a://warehouse/ in the local store)"
    ) in log
    monkeypatch.setenv("UIS_ICEBERG_REST_JARS_DIR", str(tmp_path / "none"))
    with pytest.raises(JobError, match="iceberg-aws-bundle"):
        flink_catalogs(st)


def split_texts():
    from uis_runners.flink.statements import split_sql

    return [s.text for s in split_sql(FLINK_CATALOGS)]


def test_flink_catalogs_without_rest_are_hadoop_catalogs_in_the_store(capsys):
    out, texts = flink_catalogs(STORE)
    assert options(texts[0]) == {
        "type": "iceberg",
        "property-version": "1",
        "catalog-type": "hadoop",
        "warehouse": "s3a://prod-warehouse/",
    }
    assert options(texts[1])["warehouse"] == lp.DEFAULT_WAREHOUSE
    assert "uri" not in options(texts[1])
    assert out.buckets == ["prod-warehouse", "warehouse"] and out.hadoop and not out.jars
    assert "Iceberg catalog lake (rest) is a local Hadoop catalog" in capsys.readouterr().out
    conf = lp.hadoop_conf_dir(STORE)
    site = os.path.join(conf, "core-site.xml")
    assert os.stat(site).st_mode & 0o777 == 0o600
    text = open(site).read()
    assert f"<name>fs.s3a.endpoint</name><value>{STORE.endpoint}</value>" in text
    assert "<name>fs.s3a.secret.key</name><value>secret</value>" in text
