# SPDX-License-Identifier: Apache-2.0
"""The `local` environment: a job run by the local platform's dcp-local (`uisctl platform start`
exports UIS_LOCAL_PLATFORM, UIS_S3_ENDPOINT and the store's keys into its environment, and jobs
inherit them). There, without editing the spec:

- every `s3a://BUCKET/…` path reaches the local store (endpoint, keys, path-style access);
- an Iceberg catalog of type `hive` or `rest` becomes the platform's Iceberg REST catalog
  (UIS_ICEBERG_REST_URI, its tables under the catalog's own warehouse in the store); without one
  (its jars were not installed) a Hadoop catalog of the same name on the sink's warehouse bucket
  in the store (`s3a://warehouse/` when the sink names none); one rule (local_catalog) for
  Spark's catalog settings and a Flink script's CREATE CATALOG statements;
- the buckets the sinks write to are created before the first write;
- Flink reaches the store through the flink-s3-fs-hadoop plugin (`.cache/flink-plugins`), with
  the store's endpoint and keys as `s3.*` settings.

Outside that environment nothing changes. Only the standard library: the runner's Python on a
cluster need not have boto3.
"""

from __future__ import annotations

import atexit
import datetime
import hashlib
import hmac
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape

from .errors import JobError
from .jobconfig import ENGINES
from .log import log

DEFAULT_WAREHOUSE = "s3a://warehouse/"
LOCAL_CATALOG_TYPES = ("hive", "rest")


@dataclass(frozen=True)
class Store:
    endpoint: str
    access_key: str
    secret_key: str
    region: str = "us-east-1"
    rest_uri: str = ""  # the platform's Iceberg REST catalog, "" when it has none
    rest_warehouse: str = ""


def store() -> Store | None:
    """The local platform's object store when this job runs in the `local` environment."""
    env = os.environ
    if not env.get("UIS_LOCAL_PLATFORM") or not env.get("UIS_S3_ENDPOINT"):
        return None
    return Store(
        env["UIS_S3_ENDPOINT"].rstrip("/"),
        env.get("AWS_ACCESS_KEY_ID", ""),
        env.get("AWS_SECRET_ACCESS_KEY", ""),
        env.get("AWS_REGION") or "us-east-1",
        env.get("UIS_ICEBERG_REST_URI", ""),
        env.get("UIS_ICEBERG_REST_WAREHOUSE", ""),
    )


def s3a_jars() -> list[str]:
    """hadoop-aws and the AWS SDK bundle (`make deps`, scripts/engines/setup.sh, group s3a)."""
    folder = os.environ.get("UIS_S3A_JARS_DIR") or str(ENGINES / ".cache" / "jars" / "s3a")
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".jar"))


def flink_plugins_dir() -> str | None:
    """The Flink plugins folder holding s3-fs-hadoop (`make deps`, scripts/engines/setup.sh)."""
    folder = os.environ.get("UIS_FLINK_PLUGINS_DIR") or str(ENGINES / ".cache" / "flink-plugins")
    return folder if os.path.isdir(os.path.join(folder, "s3-fs-hadoop")) else None


def flink_s3_settings(st: Store) -> dict:
    """The flink-s3-fs-hadoop settings for the store (the plugin maps `s3.x` to `fs.s3a.x`)."""
    return {
        "s3.endpoint": st.endpoint,
        "s3.endpoint.region": st.region,
        "s3.path.style.access": "true",
        "s3.connection.ssl.enabled": str(st.endpoint.startswith("https:")).lower(),
        "s3.access-key": st.access_key,
        "s3.secret-key": st.secret_key,
        # The posix store refuses to delete a "dir/" marker with objects below it.
        "s3.directory.marker.retention": "keep",
    }


def prepare_flink(st: Store) -> tuple[str, dict]:
    """The plugins folder and the `s3.*` settings for a Flink job's configuration. JobError
    without the plugin."""
    plugins = flink_plugins_dir()
    if not plugins:
        raise JobError(
            "Flink cannot reach the local store: the flink-s3-fs-hadoop plugin is missing in "
            ".cache/flink-plugins (run `make deps`)"
        )
    log(f"local platform: s3:// and s3a:// paths use the local store at {st.endpoint} (Flink)")
    return plugins, flink_s3_settings(st)


def init_flink_filesystems(j_conf, plugins: str) -> None:
    """Loads the file system plugins in `plugins` into the gateway JVM, configured by `j_conf`.
    A mini-cluster never does (only Flink's cluster entry points and CLI call
    FileSystem.initialize with a plugin manager), and its tasks run in this JVM, so this is what
    lets them open s3a:// paths. The folder is named here rather than by FLINK_PLUGINS_DIR:
    PyFlink's launcher replaces that variable with its own pyflink/plugins unless FLINK_HOME is
    set."""
    from pyflink.java_gateway import get_gateway

    jvm = get_gateway().jvm
    plugin = jvm.org.apache.flink.core.plugin
    found = plugin.DirectoryBasedPluginFinder(jvm.java.io.File(plugins).toPath()).findPlugins()
    patterns = jvm.org.apache.flink.configuration.CoreOptions.getPluginParentFirstLoaderPatterns(
        j_conf
    )
    jvm.org.apache.flink.core.fs.FileSystem.initialize(
        j_conf, plugin.DefaultPluginManager(found, patterns)
    )


def sql_buckets(statements: list) -> list[str]:
    """The s3 buckets a Flink SQL script writes to: the `'path'` of every table an INSERT names."""
    paths = {}
    for st in statements:
        if st.kind != "ddl":
            continue
        m = re.match(
            r"\s*CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([^\s(]+)",
            st.text,
            re.I,
        )
        p = re.search(r"'path'\s*=\s*'([^']*)'", st.text)
        if m and p:
            paths[m.group(1).strip("`").lower()] = p.group(1)
    out = []
    for st in statements:
        inserts = (
            st.inserts if st.kind == "statement_set" else [st.text] if st.kind == "insert" else []
        )
        for ins in inserts:
            m = re.match(r"\s*INSERT\s+(?:INTO|OVERWRITE)\s+(?:TABLE\s+)?([^\s(]+)", ins, re.I)
            b = bucket_of(paths.get(m.group(1).strip("`").lower())) if m else None
            if b and b not in out:
                out.append(b)
    return out


def bucket_of(url) -> str | None:
    if not isinstance(url, str):
        return None
    for scheme in ("s3a://", "s3://", "s3n://"):
        if url.startswith(scheme):
            return url[len(scheme) :].split("/", 1)[0] or None
    return None


def sink_buckets(job: dict) -> list[str]:
    """The buckets the job's sinks write to, in first-seen order."""
    out = []
    for s in job.get("sinks") or []:
        for key in ("path", "warehouse", "response_table"):
            b = bucket_of(s.get(key))
            if b and b not in out:
                out.append(b)
    return out


def s3a_settings(st: Store) -> dict:
    """Hadoop's S3A settings for the store (`fs.s3a.` left out): Spark's spark.hadoop.fs.s3a.*,
    Flink's Hadoop catalogs' core-site.xml."""
    return {
        "impl": "org.apache.hadoop.fs.s3a.S3AFileSystem",
        "endpoint": st.endpoint,
        "endpoint.region": st.region,
        "path.style.access": "true",
        "connection.ssl.enabled": str(st.endpoint.startswith("https:")).lower(),
        "access.key": st.access_key,
        "secret.key": st.secret_key,
        "aws.credentials.provider": "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        # The posix store refuses to delete a "dir/" marker with objects below it.
        "directory.marker.retention": "keep",
    }


# S3A's own retries (the AWS SDK's 20 attempts inside each of S3A's 7, with back-off) keep a
# job RUNNING for many minutes when its endpoint cannot be reached at all; these end it within a
# minute with the root cause. Only where the platform runs without its store (below).
NO_STORE_S3A = {
    "attempts.maximum": "2",
    "retry.limit": "2",
    "retry.interval": "1s",
    "connection.establish.timeout": "5000",
    "connection.timeout": "20000",
}


def without_store(job: dict, conf: dict) -> None:
    """A job in the `local` environment when the platform runs without its store (versitygw is
    not installed): its s3a:// paths go where the job's own settings say (AWS S3 when they say
    nothing). Says so, and bounds S3A's retries that the job does not set itself, so that an
    endpoint this machine cannot reach fails the job soon, not after many minutes."""
    if not os.environ.get("UIS_LOCAL_PLATFORM") or store() is not None:
        return
    if "s3a://" not in str({k: job.get(k) for k in ("sources", "sinks")}):
        return
    endpoint = conf.get("spark.hadoop.fs.s3a.endpoint") or "AWS S3"
    log(
        f"local platform without its S3 store: s3a:// paths go to {endpoint} "
        "(`uisctl platform start` says how to add the store)"
    )
    for k, v in NO_STORE_S3A.items():
        conf.setdefault(f"spark.hadoop.fs.s3a.{k}", v)


def apply_spark(job: dict, conf: dict, st: Store) -> None:
    """Points S3A at the store and gives Iceberg sinks a local catalog (conf and job in place)."""
    conf.update({"spark.hadoop.fs.s3a." + k: v for k, v in s3a_settings(st).items()})
    log(f"local platform: s3a:// paths use the local store at {st.endpoint}")
    for s in job.get("sinks") or []:
        if str(s.get("type", "")).lower() != "iceberg":
            continue
        cat = s.get("catalog") or "uis"
        key = f"spark.sql.catalog.{cat}"
        kind = str(conf.get(key + ".type") or s.get("catalog_type") or "hive")
        local = local_catalog(cat, kind, s.get("warehouse") or conf.get(key + ".warehouse"), st)
        if not local:
            continue
        conf[key] = "org.apache.iceberg.spark.SparkCatalog"
        conf.pop(key + ".uri", None)
        s.pop("uri", None)
        if local.type == "rest":
            use_rest_catalog(s, conf, key, st)
            continue
        conf[key + ".type"] = "hadoop"
        conf[key + ".warehouse"] = local.warehouse
        s.update({"catalog_type": "hadoop", "warehouse": local.warehouse})


@dataclass(frozen=True)
class LocalCatalog:
    type: str  # "rest": the platform's REST catalog; "hadoop": a Hadoop catalog in the store
    warehouse: str


def local_catalog(name: str, kind: str, warehouse, st: Store) -> LocalCatalog | None:
    """The one rule of both engines: an Iceberg catalog of type hive or rest becomes the
    platform's REST catalog, or without one a Hadoop catalog of the same name on `warehouse`'s
    bucket in the store (s3a://warehouse/ when it names none); None (left as it is) for other
    types. Logs which, in the job's log."""
    kind = (kind or "hive").lower()
    if kind not in LOCAL_CATALOG_TYPES:
        return None
    if st.rest_uri:
        log(
            f"local platform: Iceberg catalog {name} ({kind}) is the local platform's Iceberg "
            f"REST catalog at {st.rest_uri} (warehouse {st.rest_warehouse} in the local store)"
        )
        return LocalCatalog("rest", st.rest_warehouse)
    if not bucket_of(warehouse):
        warehouse = DEFAULT_WAREHOUSE
    warehouse = "s3a://" + warehouse.split("://", 1)[1]
    log(
        f"local platform: Iceberg catalog {name} ({kind}) is a local Hadoop catalog "
        f"of the same name on {warehouse} in the local store"
    )
    return LocalCatalog("hadoop", warehouse)


def use_rest_catalog(sink: dict, conf: dict, key: str, st: Store) -> None:
    """The catalog's tables live where the REST catalog puts them (its warehouse); Spark writes
    their files through S3A (HadoopFileIO), the server its metadata through S3FileIO."""
    conf[key + ".type"] = "rest"
    conf[key + ".uri"] = st.rest_uri
    conf[key + ".io-impl"] = "org.apache.iceberg.hadoop.HadoopFileIO"
    conf.pop(key + ".warehouse", None)
    sink.update({"catalog_type": "rest", "uri": st.rest_uri, "warehouse": st.rest_warehouse})


ICEBERG_REST_JARS = ENGINES / ".cache" / "jars" / "iceberg-rest"
# Options of an Iceberg CREATE CATALOG that name where the catalog is: the local one replaces them.
FLINK_CATALOG_PLACE = ("catalog-type", "uri", "warehouse", "hive-conf-dir", "hadoop-conf-dir")


@dataclass
class FlinkCatalogs:
    """What the Flink runner needs for the Iceberg catalogs it made local."""

    buckets: list = field(default_factory=list)  # their warehouses, created before the job
    jars: list = field(default_factory=list)  # pipeline.jars: S3FileIO's AWS SDK (REST)
    hadoop: bool = False  # a Hadoop catalog on s3a:// (S3A on Hadoop's class path, core-site)


def apply_flink(statements: list, st: Store) -> FlinkCatalogs:
    """Gives the script's Iceberg catalogs (CREATE CATALOG … WITH ('type' = 'iceberg', …)) their
    local place by local_catalog's rule, rewriting those statements in place. A REST catalog's
    tables are read and written through Iceberg's S3FileIO on the store, all in the catalog's
    options (the session cluster's TaskManagers get them with the job); a Hadoop catalog through
    S3A (hadoop_conf_dir)."""
    out = FlinkCatalogs()
    for stmt in statements:
        m = re.match(
            r"\s*CREATE\s+CATALOG\s+(?:IF\s+NOT\s+EXISTS\s+)?(\S+)\s+WITH\s*\((.*)\)\s*$",
            stmt.text,
            re.I | re.S,
        )
        if stmt.kind != "ddl" or not m:
            continue
        opts = {
            k.replace("''", "'"): v.replace("''", "'")
            for k, v in re.findall(r"'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'", m.group(2))
        }
        if opts.get("type", "").lower() != "iceberg" or "catalog-impl" in opts:
            continue
        name = m.group(1).strip("`")
        local = local_catalog(name, opts.get("catalog-type", "hive"), opts.get("warehouse"), st)
        if not local:
            continue
        opts = {k: v for k, v in opts.items() if k not in FLINK_CATALOG_PLACE}
        opts["catalog-type"] = local.type
        if local.warehouse:
            opts["warehouse"] = local.warehouse
        if local.type == "rest":
            opts.update(flink_rest_options(st))
            out.jars = iceberg_aws_bundle()
        else:
            out.hadoop = True
        b = bucket_of(local.warehouse)
        if b and b not in out.buckets:
            out.buckets.append(b)
        body = ",\n".join(f"  {sql_string(k)} = {sql_string(v)}" for k, v in opts.items())
        stmt.text = f"CREATE CATALOG {m.group(1)} WITH (\n{body}\n)"
    return out


def flink_rest_options(st: Store) -> dict:
    """The platform's REST catalog with S3FileIO on the store. Flink hides the secret (its key
    says so) where it lists a catalog's options in an error."""
    return {
        "uri": st.rest_uri,
        "io-impl": "org.apache.iceberg.aws.s3.S3FileIO",
        "s3.endpoint": st.endpoint,
        "s3.path-style-access": "true",
        "client.region": st.region,
        "s3.access-key-id": st.access_key,
        "s3.secret-access-key": st.secret_key,
    }


def iceberg_aws_bundle() -> list[str]:
    """The AWS SDK that Iceberg's S3FileIO (in iceberg-flink-runtime) needs: the REST catalog's
    own iceberg-aws-bundle (`make deps`, group iceberg_rest)."""
    folder = os.environ.get("UIS_ICEBERG_REST_JARS_DIR") or str(ICEBERG_REST_JARS)
    jars = sorted(
        os.path.join(folder, f)
        for f in (os.listdir(folder) if os.path.isdir(folder) else [])
        if f.startswith("iceberg-aws-bundle-") and f.endswith(".jar")
    )
    if not jars:
        raise JobError(
            f"Flink cannot use the local platform's Iceberg REST catalog: no iceberg-aws-bundle "
            f"jar in {folder} (run `make deps`)"
        )
    return jars


def hadoop_conf_dir(st: Store) -> str:
    """A private folder with a core-site.xml pointing S3A at the store, for HADOOP_CONF_DIR: the
    Hadoop configuration Iceberg's Flink catalogs get is Flink's (HadoopUtils), which reads that
    folder, and it travels with the job to the TaskManagers. Removed when the runner exits."""
    folder = tempfile.mkdtemp(prefix="uis-hadoop-conf-")
    atexit.register(shutil.rmtree, folder, True)
    props = "".join(
        f"  <property><name>fs.s3a.{k}</name><value>{xml_escape(v)}</value></property>\n"
        for k, v in s3a_settings(st).items()
    )
    path = os.path.join(folder, "core-site.xml")
    with open(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
        f.write(f'<?xml version="1.0"?>\n<configuration>\n{props}</configuration>\n')
    return folder


def sql_string(v: str) -> str:
    return "'" + v.replace("'", "''") + "'"


def _sign(st: Store, method: str, url: str, now: datetime.datetime) -> dict:
    """AWS Signature Version 4 headers for a request with an empty body and no query."""
    u = urllib.parse.urlsplit(url)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    empty = hashlib.sha256(b"").hexdigest()
    signed = "host;x-amz-content-sha256;x-amz-date"
    canonical = "\n".join(
        [method, u.path or "/", "", f"host:{u.netloc}", f"x-amz-content-sha256:{empty}"]
        + [f"x-amz-date:{amz_date}", "", signed, empty]
    )
    scope = f"{day}/{st.region}/s3/aws4_request"
    to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    key = ("AWS4" + st.secret_key).encode()
    for part in (day, st.region, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    sig = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return {
        "x-amz-date": amz_date,
        "x-amz-content-sha256": empty,
        "Authorization": f"AWS4-HMAC-SHA256 Credential={st.access_key}/{scope}, "
        f"SignedHeaders={signed}, Signature={sig}",
    }


def ensure_bucket(st: Store, bucket: str) -> bool:
    """Creates `bucket` in the store unless it exists; True when it was created."""
    url = f"{st.endpoint}/{urllib.parse.quote(bucket, safe='')}"
    now = datetime.datetime.now(datetime.UTC)
    req = urllib.request.Request(url, method="PUT", data=b"", headers=_sign(st, "PUT", url, now))
    try:
        with urllib.request.urlopen(req, timeout=30):
            return True
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        if e.code == 409 and "BucketAlreadyOwnedByYou" in body:
            return False
        raise JobError(
            f"cannot create bucket {bucket} in the local store {st.endpoint}: HTTP {e.code} {body}"
        ) from None
    except OSError as e:
        raise JobError(
            f"the local store {st.endpoint} does not answer ({e}): "
            "start the local platform (`uisctl platform start`)"
        ) from None


def create_sink_buckets(job: dict, st: Store) -> None:
    create_buckets(sink_buckets(job), st)


def create_buckets(buckets: list, st: Store) -> None:
    for b in buckets:
        if ensure_bucket(st, b):
            log(f"local platform: created bucket {b} in the local store")
