#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up the engines the runners need, all project-local:
#   .venv/                       pyspark + apache-flink (scripts/requirements-engines.txt)
#   .cache/jars/spark/           Spark Kafka source/sink, Iceberg Spark runtime, ClickHouse and
#                                PostgreSQL JDBC, spark-xml
#   .cache/jars/flink/           Flink Kafka connector, Iceberg Flink runtime, Flink CDC Postgres,
#                                the Parquet format (filesystem sources and sinks; CSV and JSON
#                                come with PyFlink's lib/)
#   .cache/jars/hadoop/          Hadoop client (Iceberg's Hadoop catalog on Flink)
#   .cache/jars/kafka/           Apache Kafka broker (KRaft) for the tests
#   .cache/jars/s3a/             hadoop-aws + AWS SDK bundle: S3A for Spark on the local platform
#                                (`uisctl platform`), kept apart from spark/ because the bundle is
#                                large and only runs against an S3 store need it
#   .cache/jars/iceberg-rest/    the local platform's Iceberg REST catalog (runners/iceberg_rest):
#                                iceberg-core and its test jar (the REST adapter and servlet),
#                                S3FileIO (iceberg-aws + bundle), Jetty 11, SQLite JDBC
#   .cache/jars/spark-connect/   the Spark Connect server (warm preview sessions,
#                                runners/uis_runners/sessions), shaded: the jar alone is the server
#   .cache/jars/flink-sql-gateway/
#                                Flink's SQL Gateway, copied into PyFlink's opt/ where
#                                bin/sql-gateway.sh looks for it (the wheel ships the script only)
#   .cache/flink-plugins/s3-fs-hadoop/
#                                flink-s3-fs-hadoop: s3:// and s3a:// for Flink on the local
#                                platform. A Flink file system is a plugin (its own class loader,
#                                its folder named by FLINK_PLUGINS_DIR), not a connector jar
# Versions come from scripts/engines/versions.env. Each part keeps a stamp of what it installed, so
# a second run downloads nothing and prints nothing. Jars are fetched with Maven from Maven Central
# into a local repository (.cache/m2, or UIS_MAVEN_REPO), which is how every coordinate is
# verified to exist; -C makes a jar whose .sha1 from the repository does not match an error.
# Usage: setup.sh [--dir DIR] [python] [jars]   (default: both, into the checkout)
# --dir DIR installs the same layout into DIR instead (`uisctl engines install`, through
# install.sh): a venv with the engines only, progress on stderr, and the parts that need a JDK's
# javac skipped with a note when there is none. UIS_MAVEN_SETTINGS: a settings.xml for Maven (-s).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd) # the checkout, or share/uis-studio when installed
target=$src
if [[ ${1:-} == --dir ]]; then
  target=$2
  shift 2
fi
mkdir -p "$target"
cd "$target"
root=$PWD
# In the checkout: quiet, as `make deps` always was. Elsewhere: pip's and Maven's progress.
in_checkout=$([[ $root == "$src" ]] && echo 1 || echo 0)

set -a
# shellcheck source=versions.env
source "$src/scripts/engines/versions.env"
set +a

parts=" ${*:-python jars} "

# ---------------------------------------------------------------- Python packages into .venv
if [[ $parts == *" python "* ]]; then
  if ((in_checkout)); then
    "$src/scripts/python-env.sh"
  elif ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
    # Absent, or left half-made by an interrupted run.
    rm -rf .venv
    "${UIS_PYTHON:-python3}" -m venv .venv
  fi
  req=$src/scripts/requirements-engines.txt
  stamp=.venv/.requirements-engines.sha256
  want=$(cat "$req" "$src/scripts/engines/versions.env" | sha256sum | cut -d' ' -f1)
  if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
    echo "engines: installing $(grep -cvE '^(#|$)' "$req") Python packages into .venv (pyspark, apache-flink)" >&2
    # pip checks each file it downloads against the sha256 the index publishes for it.
    if ((in_checkout)); then
      .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
    else
      .venv/bin/python -m pip install --disable-pip-version-check -r "$req" >&2
    fi
    echo "$want" >"$stamp"
  fi
  # The Spark driver's class-data archive (.cache/cds, about 30 s once): a cold Spark run then
  # starts on a quarter less CPU. Without one Spark runs as before, so a failure is only a note.
  if command -v java >/dev/null; then
    PYTHONPATH="$src/runners" UIS_ENGINES_DIR=$root .venv/bin/python -m uis_runners.jvm_archive build ||
      echo "engines: no class archive for the Spark driver (see above); Spark starts without it" >&2
  fi
fi
[[ $parts == *" jars "* ]] || exit 0

# ---------------------------------------------------------------- Jars from Maven Central
command -v mvn >/dev/null || { echo "engines: mvn not found (apt-get install maven)" >&2; exit 1; }
command -v java >/dev/null || { echo "engines: java not found (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
m2=${UIS_MAVEN_REPO:-$root/.cache/m2}

# dep GROUP ARTIFACT VERSION [CLASSIFIER] [transitive]
# Prints one <dependency>; without "transitive" all its own dependencies are excluded, so only
# the named jar is copied (the engines already ship the common libraries).
dep() {
  local g=$1 a=$2 v=$3 c=${4:-} t=${5:-}
  printf '    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>' "$g" "$a" "$v"
  [[ -n $c ]] && printf '<classifier>%s</classifier>' "$c"
  if [[ $t == transitive ]]; then
    # slf4j bindings/APIs already come with the engine; two on a classpath only produce warnings.
    printf '<exclusions><exclusion><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></exclusion></exclusions>'
  else
    printf '<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>'
  fi
  printf '</dependency>\n'
}

spark_deps() {
  local s=$SCALA_BINARY_VERSION
  dep org.apache.spark "spark-sql-kafka-0-10_$s" "$SPARK_VERSION"
  dep org.apache.spark "spark-token-provider-kafka-0-10_$s" "$SPARK_VERSION"
  dep org.apache.kafka kafka-clients "$SPARK_KAFKA_CLIENTS_VERSION"
  dep org.apache.commons commons-pool2 "$SPARK_COMMONS_POOL2_VERSION"
  dep org.apache.iceberg "iceberg-spark-runtime-${SPARK_VERSION%.*}_$s" "$ICEBERG_VERSION"
  dep com.clickhouse clickhouse-jdbc "$CLICKHOUSE_JDBC_VERSION" all
  # The "all" jar leaves out the client classes the driver loads at start.
  dep com.clickhouse clickhouse-client "$CLICKHOUSE_JDBC_VERSION"
  dep com.clickhouse clickhouse-http-client "$CLICKHOUSE_JDBC_VERSION"
  dep com.clickhouse clickhouse-data "$CLICKHOUSE_JDBC_VERSION"
  dep org.postgresql postgresql "$POSTGRES_JDBC_VERSION"
  # Spark 3.5 has no built-in XML source; spark-xml provides format("xml").
  dep com.databricks "spark-xml_$s" "$SPARK_XML_VERSION"
  dep org.glassfish.jaxb txw2 3.0.2
  dep org.apache.ws.xmlschema xmlschema-core 2.3.0
}

flink_deps() {
  # The plain connector plus its runtime dependencies (kafka-clients, compression codecs): the
  # shaded flink-sql-connector-kafka for 1.20 could not be fetched from the Maven Central we reach.
  dep org.apache.flink flink-connector-kafka "$FLINK_KAFKA_CONNECTOR_VERSION" "" transitive
  dep org.apache.iceberg "iceberg-flink-runtime-${FLINK_VERSION%.*}" "$ICEBERG_VERSION"
  dep org.apache.flink flink-sql-connector-postgres-cdc "$FLINK_CDC_VERSION"
  # format = 'parquet' of the filesystem connector (batch file specs on Flink, Parquet sinks), with
  # parquet-hadoop; Hadoop's own classes come from .cache/jars/hadoop. The bundled
  # flink-sql-parquet is not on the Maven Central we reach. flink-csv and flink-json are in
  # PyFlink's lib/ already.
  dep org.apache.flink flink-parquet "$FLINK_PARQUET_VERSION" "" transitive
}

hadoop_deps() {
  dep org.apache.hadoop hadoop-client-api "$HADOOP_VERSION"
  dep org.apache.hadoop hadoop-client-runtime "$HADOOP_VERSION"
  dep commons-logging commons-logging 1.1.3
}

kafka_deps() {
  dep org.apache.kafka "kafka_$KAFKA_BROKER_SCALA_BINARY_VERSION" "$KAFKA_BROKER_VERSION" "" transitive
  # The broker logs through slf4j; without a binding its startup errors would be invisible.
  dep org.slf4j slf4j-api 1.7.36
  dep org.slf4j slf4j-reload4j 1.7.36 "" transitive
}

s3a_deps() {
  # Matched to the Hadoop inside pyspark (SPARK_HADOOP_VERSION); the bundle is the exact version
  # hadoop-aws declares, and shaded, so nothing else is needed.
  dep org.apache.hadoop hadoop-aws "$SPARK_HADOOP_VERSION"
  dep com.amazonaws aws-java-sdk-bundle "$AWS_JAVA_SDK_BUNDLE_VERSION"
}

flink_s3_deps() {
  # Shaded (its own Hadoop and AWS SDK), so the jar alone is the plugin.
  dep org.apache.flink flink-s3-fs-hadoop "$FLINK_VERSION"
}

iceberg_rest_deps() {
  dep org.apache.iceberg iceberg-core "$ICEBERG_VERSION" "" transitive
  dep org.apache.iceberg iceberg-core "$ICEBERG_VERSION" tests
  dep org.apache.iceberg iceberg-aws "$ICEBERG_VERSION"
  dep org.apache.iceberg iceberg-aws-bundle "$ICEBERG_VERSION"
  dep org.eclipse.jetty jetty-servlet "$ICEBERG_REST_JETTY_VERSION" "" transitive
  dep org.xerial sqlite-jdbc "$SQLITE_JDBC_VERSION"
  # "transitive" leaves slf4j out; this server has no engine to bring it.
  dep org.slf4j slf4j-api "$SLF4J2_VERSION"
  dep org.slf4j slf4j-simple "$SLF4J2_VERSION"
}

spark_connect_deps() {
  dep org.apache.spark "spark-connect_$SCALA_BINARY_VERSION" "$SPARK_VERSION"
}

flink_sql_gateway_deps() {
  dep org.apache.flink flink-sql-gateway "$FLINK_VERSION"
}

# fetch_group GROUP [DIR]: GROUP's jars into DIR (default .cache/jars/GROUP)
fetch_group() {
  local group=$1 deps dir=${2:-.cache/jars/$1} pomdir=.cache/jars/.poms/$1
  deps=$("${group}_deps")
  local pom="<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<project xmlns=\"http://maven.apache.org/POM/4.0.0\">
  <modelVersion>4.0.0</modelVersion>
  <groupId>uis.studio.engines</groupId><artifactId>$group-jars</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
$deps
  </dependencies>
</project>"
  local want
  want=$(printf '%s' "$pom" | sha256sum | cut -d' ' -f1)
  if [[ -f $dir/.stamp && "$(cat "$dir/.stamp")" == "$want" ]]; then
    return 0
  fi
  echo "engines: fetching $group jars from Maven Central" >&2
  mkdir -p "$pomdir"
  printf '%s\n' "$pom" >"$pomdir/pom.xml"
  local tmp=$dir.tmp
  rm -rf "$tmp"
  local log=$pomdir/mvn.log rc
  local mvn=(mvn -B -C -f "$pomdir/pom.xml" -Dmaven.repo.local="$m2"
    ${UIS_MAVEN_SETTINGS:+-s "$UIS_MAVEN_SETTINGS"}
    "org.apache.maven.plugins:maven-dependency-plugin:$MAVEN_DEPENDENCY_PLUGIN_VERSION:copy-dependencies"
    -DincludeScope=runtime -DoutputDirectory="$root/$tmp")
  set +e
  if ((in_checkout)); then
    "${mvn[@]}" -q >"$log" 2>&1
    rc=$?
  else
    # Each jar as Maven finishes it (resolver downloads go to a temporary file first, so an
    # interrupted one is fetched again on the next run).
    "${mvn[@]}" 2>&1 | tee "$log" | sed -un 's/^\[INFO\] \(Downloaded from .*\.jar \)/engines:   \1/p' >&2
    rc=${PIPESTATUS[0]}
  fi
  set -e
  if ((rc != 0)); then
    echo "engines: Maven could not fetch the $group jars; see $log" >&2
    grep -E 'ERROR' "$log" | head -5 >&2 || true
    exit 1
  fi
  rm -rf "$dir"
  mv "$tmp" "$dir"
  echo "$want" >"$dir/.stamp"
}

for group in spark flink hadoop kafka s3a; do
  fetch_group "$group"
done
fetch_group iceberg_rest .cache/jars/iceberg-rest
fetch_group flink_s3 .cache/flink-plugins/s3-fs-hadoop
fetch_group spark_connect .cache/jars/spark-connect
fetch_group flink_sql_gateway .cache/jars/flink-sql-gateway
# bin/sql-gateway.sh finds the gateway only in FLINK_HOME/opt, which is PyFlink's own folder.
pyflink_opt=$(.venv/bin/python -c 'import os, pyflink; print(os.path.join(os.path.dirname(pyflink.__file__), "opt"))')
gateway_jar=.cache/jars/flink-sql-gateway/flink-sql-gateway-$FLINK_VERSION.jar
if ! cmp -s "$gateway_jar" "$pyflink_opt/${gateway_jar##*/}"; then
  cp "$gateway_jar" "$pyflink_opt/${gateway_jar##*/}.tmp"
  mv "$pyflink_opt/${gateway_jar##*/}.tmp" "$pyflink_opt/${gateway_jar##*/}"
fi

# ---------------------------------------------------------------- Built here
# The Flink runner's metric reporter (rows per operator for the run overlay), against PyFlink's
# jars, and the warm Spark Connect server's guard (it serves loopback callers only,
# sessions/servers.py). Outside the checkout a JRE is enough to run the engines: without javac
# these two are left out, with a note.
if ((in_checkout)) || command -v javac >/dev/null; then
  "$src/scripts/engines/flink-reporter.sh" "$root"
  "$src/scripts/engines/spark-connect-guard.sh" "$root"
else
  echo "engines: no javac: left out the Flink per-node row counts and the warm Spark preview" \
    "sessions; to add them, install a JDK 17 (sudo apt install openjdk-17-jdk-headless) and" \
    "run this again" >&2
fi
