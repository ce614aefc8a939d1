// SPDX-License-Identifier: Apache-2.0
#include "flinkdeploymentwriter.h"

#include "compilesupport.h"
#include "dcp/manifestwriter.h"
#include "flink/flinkcompiler.h"
#include "jobresources.h"
#include "placeholder.h"

#include <QRegularExpression>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace uis {

namespace {

using CS = CompileSupport;

/// The operator whose CRD the tests check against (scripts/engines/versions.env) and the Flink
/// versions it runs.
const char *const kOperatorVersion = "1.10.0";
const int kOldestMinor = 13, kNewestMinor = 20;
const qsizetype kConfigMapLimit = 1024 * 1024;

QString configMapName(const Spec &spec)
{
    return FlinkCompiler::clusterId(spec) + QStringLiteral("-sql");
}

OrderedJson labels(const Spec &spec)
{
    return OrderedJson{{"app.kubernetes.io/name", toStd(spec.name)},
                       {"app.kubernetes.io/managed-by", "uis-studio"}};
}

OrderedJson metadata(const Spec &spec, const QString &name)
{
    OrderedJson m = OrderedJson::object();
    m["name"] = toStd(name);
    m["namespace"] = toStd(CS::kubernetesNamespace(spec));
    m["labels"] = labels(spec);
    if (!spec.description.isEmpty())
        m["annotations"] = OrderedJson{{"description", toStd(spec.description)}};
    return m;
}

QString text(const OrderedJson &j)
{
    return j.is_string() ? QString::fromStdString(j.get_ref<const std::string &>()) : QString();
}

/// PlaceholderScanner::scan() of a JSON string, read in its UTF-8: scan() pairs each `{{` with
/// the next `}}`, so only those spans are converted to UTF-16 and scanned, not a script of
/// megabytes.
QList<Placeholder> placeholdersIn(const OrderedJson &j)
{
    QList<Placeholder> out;
    if (!j.is_string())
        return out;
    const std::string_view s = j.get_ref<const std::string &>();
    for (size_t from = 0;;) {
        const size_t open = s.find("{{", from);
        const size_t close = open == s.npos ? s.npos : s.find("}}", open + 2);
        if (close == s.npos)
            return out;
        out += PlaceholderScanner::scan(
            QString::fromUtf8(s.data() + open, qsizetype(close + 2 - open)));
        from = close + 2;
    }
}

/// The ConfigMap that holds the SQL script, without its `data`.
OrderedJson configMapHead(const Spec &spec)
{
    OrderedJson m = OrderedJson::object();
    m["apiVersion"] = "v1";
    m["kind"] = "ConfigMap";
    m["metadata"] = metadata(spec, configMapName(spec));
    return m;
}

/**
 * `key: |` and `text` as a YAML literal block indented by `indent` spaces, so the script in the
 * ConfigMap reads as the script; nullopt when a literal block cannot hold it as it is (control
 * characters, a first line that starts with a space, no text).
 */
std::optional<QByteArray> literalBlock(const QString &key, const QString &text, int indent);

/// Calls `line(from, size)` for each line of `utf8`, the text after its last break included.
template <typename Line> void forEachLine(QByteArrayView utf8, Line line)
{
    for (qsizetype from = 0; from <= utf8.size();) {
        qsizetype end = utf8.indexOf('\n', from);
        if (end < 0)
            end = utf8.size();
        line(from, end - from);
        from = end + 1;
    }
}

/// `key: |…` and the lines of `utf8` (chomped, the chomping indicator `chomp`).
QByteArray literalLines(const QString &key, QByteArrayView utf8, const char *chomp, int indent)
{
    const QByteArray head = QByteArray(indent - 2, ' ') + key.toUtf8() + ": |" + chomp + '\n';
    // Line by line in UTF-8 (a line break is one byte there) into a buffer of the final size:
    // the script of a large spec has tens of thousands of lines, too many for a string or an
    // append each.
    qsizetype size = head.size() + utf8.size() + 1;
    forEachLine(utf8, [&](qsizetype, qsizetype n) { size += n > 0 ? indent : 0; });
    QByteArray out(size, Qt::Uninitialized);
    char *o = std::copy(head.cbegin(), head.cend(), out.data());
    forEachLine(utf8, [&](qsizetype from, qsizetype n) {
        if (n > 0) {
            o = std::fill_n(o, indent, ' ');
            o = std::copy_n(utf8.data() + from, n, o);
        }
        *o++ = '\n';
    });
    Q_ASSERT(o == out.data() + out.size());
    return out;
}

/// Whether the 8 bytes in `w` are all printable ASCII (0x20 to 0x7E), so none needs a look.
bool printableAscii(std::uint64_t w)
{
    constexpr std::uint64_t ones = ~std::uint64_t(0) / 255, high = ones * 0x80;
    const bool below = (w - ones * 0x20) & ~w & high;       // some byte < 0x20
    const bool delOrAbove = ((w + ones * 0x01) | w) & high; // some byte >= 0x7F
    return !below && !delOrAbove;
}

/// literalBlock() of a JSON string as it is (UTF-8): an ASCII script, every script UIS writes
/// but for non-ASCII names, is checked and written without two conversions through UTF-16.
std::optional<QByteArray> literalBlock(const QString &key, const OrderedJson &j, int indent)
{
    if (!j.is_string())
        return literalBlock(key, QString(), indent);
    const std::string &s = j.get_ref<const std::string &>();
    const QByteArrayView text(s.data(), qsizetype(s.size()));
    bool ascii = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // Eight bytes at a time while all are printable: a look at each byte only near a line
        // break (the check of a megabytes-long script was a tenth of the manifest's cost).
        if (std::uint64_t w;
            text.size() - i >= 8 && (std::memcpy(&w, text.data() + i, 8), printableAscii(w))) {
            i += 7;
            continue;
        }
        const auto u = static_cast<unsigned char>(text[i]);
        if (u >= 0x80) {
            ascii = false;
            break;
        }
        if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7F)
            return std::nullopt; // as literalBlock() of the same text
    }
    if (!ascii)
        return literalBlock(key, QString::fromStdString(s), indent);
    if (text.isEmpty() || text.front() == ' ' || text.front() == '\n')
        return std::nullopt;
    QByteArrayView body = text;
    const char *chomp = "-";
    if (body.endsWith("\n\n")) {
        chomp = "+";
        body.chop(1);
    } else if (body.endsWith('\n')) {
        chomp = "";
        body.chop(1);
    }
    return literalLines(key, body, chomp, indent);
}

std::optional<QByteArray> literalBlock(const QString &key, const QString &text, int indent)
{
    if (text.isEmpty() || text.startsWith(QLatin1Char(' ')) || text.startsWith(QLatin1Char('\n')))
        return std::nullopt;
    // YAML has no escapes in a literal block: no control characters, and none of the
    // characters libyaml also takes for line breaks (NEL, LS, PS).
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7F && u <= 0x9F) || u == 0x2028 ||
            u == 0x2029 || u == 0xFEFF)
            return std::nullopt;
    }
    // Chomping: `|-` no final line break, `|` one, `|+` keep them all.
    QString body = text;
    const char *chomp = "-";
    if (body.endsWith(QLatin1String("\n\n"))) {
        chomp = "+";
        body.chop(1);
    } else if (body.endsWith(QLatin1Char('\n'))) {
        chomp = "";
        body.chop(1);
    }
    return literalLines(key, body.toUtf8(), chomp, indent);
}

} // namespace

QString FlinkDeploymentWriter::sqlRunnerJar()
{
    return QStringLiteral("local:///opt/flink/usrlib/sql-runner.jar");
}

QString FlinkDeploymentWriter::sqlMountPath()
{
    return QStringLiteral("/opt/flink/usrlib/uis-sql");
}

QString FlinkDeploymentWriter::sqlFileName(const Spec &spec)
{
    return spec.name + QStringLiteral(".sql");
}

QString FlinkDeploymentWriter::operatorFlinkVersion(const QString &flinkVersion)
{
    const QStringList parts = flinkVersion.split(QLatin1Char('.'));
    if (parts.size() < 2)
        return QStringLiteral("v") + flinkVersion;
    return QStringLiteral("v%1_%2").arg(parts.at(0), parts.at(1));
}

OrderedJson FlinkDeploymentWriter::sqlConfigMap(const Spec &spec, const OrderedJson &job)
{
    OrderedJson m = configMapHead(spec);
    m["data"] = OrderedJson{{toStd(sqlFileName(spec)), job["sql"]}};
    return m;
}

OrderedJson FlinkDeploymentWriter::deployment(const Spec &spec, const OrderedJson &job)
{
    const JobResources res = JobResources::of(spec);
    OrderedJson d = OrderedJson::object();
    d["apiVersion"] = "flink.apache.org/v1beta1";
    d["kind"] = "FlinkDeployment";
    d["metadata"] = metadata(spec, FlinkCompiler::clusterId(spec));
    OrderedJson s = OrderedJson::object();
    s["image"] =
        toStd(spec.configValue(QStringLiteral("container_image"),
                               QStringLiteral("flink:%1").arg(text(job["flink_version"]))));
    s["flinkVersion"] = toStd(operatorFlinkVersion(text(job["flink_version"])));
    // The operator's own default service account (its Helm chart creates `flink`).
    s["serviceAccount"] =
        toStd(spec.configValue(QStringLiteral("service_account"), QStringLiteral("flink")));
    s["flinkConfiguration"] = job["flink_config"];
    // The script reaches the JobManager (which runs the SQL runner) through the ConfigMap.
    const OrderedJson mount{{"name", "uis-sql"}, {"mountPath", toStd(sqlMountPath())}};
    s["podTemplate"] = OrderedJson{
        {"spec",
         OrderedJson{{"containers", OrderedJson::array({OrderedJson{
                                        {"name", "flink-main-container"},
                                        {"volumeMounts", OrderedJson::array({mount})}}})},
                     {"volumes",
                      OrderedJson::array({OrderedJson{
                          {"name", "uis-sql"},
                          {"configMap", OrderedJson{{"name", toStd(configMapName(spec))}}}}})}}}};
    s["jobManager"] = OrderedJson{
        {"resource", OrderedJson{{"memory", toStd(res.driverMemory)}, {"cpu", res.driverCores}}}};
    s["taskManager"] = OrderedJson{{"resource", OrderedJson{{"memory", toStd(res.executorMemory)},
                                                            {"cpu", res.executorCores}}}};
    OrderedJson j = OrderedJson::object();
    j["jarURI"] = toStd(sqlRunnerJar());
    j["args"] = OrderedJson::array({toStd(sqlMountPath() + QLatin1Char('/') + sqlFileName(spec))});
    j["parallelism"] = spec.effectiveParallelism();
    // Upgrades stop the job with a savepoint and start the new one from it.
    j["upgradeMode"] = "savepoint";
    j["state"] = "running";
    s["job"] = std::move(j);
    d["spec"] = std::move(s);
    return d;
}

QByteArray FlinkDeploymentWriter::write(const Spec &spec, const OrderedJson &job,
                                        DiagnosticList *diagnostics)
{
    const QString version = text(job["flink_version"]);
    static const QRegularExpression oneX(QStringLiteral("^1\\.(\\d+)"));
    const QRegularExpressionMatch m = oneX.match(version);
    if (!m.hasMatch() || m.captured(1).toInt() < kOldestMinor ||
        m.captured(1).toInt() > kNewestMinor)
        CS::add(diagnostics,
                CS::make(Severity::Warning, QStringLiteral("UIS-W-K8S-FLINK-VERSION"),
                         QStringLiteral("flink-deployment: the Flink Kubernetes Operator %1 runs "
                                        "Flink 1.%2 to 1.%3 (flinkVersion v1_%2 … v1_%3); Flink "
                                        "%4 needs a newer operator")
                             .arg(QString::fromLatin1(kOperatorVersion))
                             .arg(kOldestMinor)
                             .arg(kNewestMinor)
                             .arg(version),
                         QStringLiteral("/provider/config/flink_version")));
    if (spec.configValue(QStringLiteral("savepoint_dir")).isEmpty())
        CS::add(
            diagnostics,
            CS::make(Severity::Info, QStringLiteral("UIS-I-K8S-SAVEPOINT-DIR"),
                     QStringLiteral("flink-deployment: upgradeMode savepoint needs a savepoint "
                                    "directory the pods share; set `config.savepoint_dir` "
                                    "(and `config.checkpoint_dir`), e.g. s3://bucket/savepoints"),
                     QStringLiteral("/provider/config")));
    // Kubernetes keeps a ConfigMap's data under 1 MiB (etcd's object limit); a larger one is
    // refused on apply.
    const OrderedJson &sql = job["sql"];
    if (const qsizetype size =
            sql.is_string() ? qsizetype(sql.get_ref<const std::string &>().size()) : 0;
        size > kConfigMapLimit)
        CS::add(diagnostics,
                CS::make(Severity::Warning, QStringLiteral("UIS-W-K8S-CONFIGMAP-SIZE"),
                         QStringLiteral("flink-deployment: the SQL script is %1 bytes; a "
                                        "ConfigMap holds at most %2, so Kubernetes will refuse "
                                        "it: put the script into the image instead")
                             .arg(size)
                             .arg(kConfigMapLimit),
                         QStringLiteral("/provider")));
    // Neither the SQL runner nor the operator resolves placeholders, as the UIS runners do.
    QList<Placeholder> found = placeholdersIn(sql);
    for (const auto &v : job["flink_config"])
        found += placeholdersIn(v);
    if (!found.isEmpty()) {
        QStringList ids;
        for (const Placeholder &p : PlaceholderScanner::unique(found))
            ids.append(p.text);
        CS::add(diagnostics,
                CS::make(Severity::Info, QStringLiteral("UIS-I-K8S-PLACEHOLDER"),
                         QStringLiteral("flink-deployment: the operator's SQL runner does not "
                                        "resolve placeholders; replace %1 in the manifest before "
                                        "applying it")
                             .arg(ids.join(QStringLiteral(", "))),
                         QStringLiteral("/provider")));
    }
    if (spec.configValue(QStringLiteral("container_image")).isEmpty()) {
        QStringList jars;
        for (const auto &j : job["connector_jars"])
            jars.append(text(j));
        CS::add(diagnostics,
                CS::make(Severity::Info, QStringLiteral("UIS-I-K8S-FLINK-IMAGE"),
                         QStringLiteral("flink-deployment: no `config.container_image`, so the "
                                        "manifest names %1; the image must hold the operator's "
                                        "SQL runner at %2%3")
                             .arg(QStringLiteral("flink:") + version,
                                  sqlRunnerJar().mid(int(qstrlen("local://"))),
                                  jars.isEmpty() ? QString()
                                                 : QStringLiteral(" and, in /opt/flink/lib, ") +
                                                       jars.join(QStringLiteral(", "))),
                         QStringLiteral("/provider/config")));
    }
    QByteArray out = "# Flink Kubernetes Operator manifest, generated by UIS Studio from the UIS "
                     "spec " +
                     spec.name.toUtf8() +
                     ".\n# The ConfigMap holds the job's SQL script; the FlinkDeployment runs it "
                     "with the operator's SQL runner\n# (flink-kubernetes-operator "
                     "examples/flink-sql-runner-example). Apply with kubectl apply -f.\n";
    // The script is appended as it is written, without a copy in a ConfigMap document: it is
    // most of the manifest.
    if (const std::optional<QByteArray> script = literalBlock(sqlFileName(spec), sql, 4)) {
        const QByteArray head = ManifestWriter::write(configMapHead(spec));
        const QByteArray rest = "---\n" + ManifestWriter::write(deployment(spec, job));
        out.reserve(out.size() + head.size() + 6 + script->size() + rest.size());
        out += head;
        out += "data:\n";
        out += *script;
        out += rest;
        return out;
    }
    out += ManifestWriter::write(sqlConfigMap(spec, job));
    out += "---\n";
    out += ManifestWriter::write(deployment(spec, job));
    return out;
}

} // namespace uis
