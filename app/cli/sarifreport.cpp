// SPDX-License-Identifier: Apache-2.0
#include "sarifreport.h"

#include <QDir>
#include <QUrl>

namespace uis::cli {

namespace {

const char *level(Severity s)
{
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        break;
    }
    return "note";
}

// SARIF wants URI references: relative paths stay relative (viewers resolve them against the
// checkout), absolute ones become file URIs.
std::string artifactUri(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir::fromNativeSeparators(path));
    if (QDir::isAbsolutePath(clean))
        return QUrl::fromLocalFile(clean).toString(QUrl::FullyEncoded).toStdString();
    return QUrl::toPercentEncoding(clean, "/-._~").toStdString();
}

} // namespace

SarifReport::SarifReport(QString toolVersion) : m_toolVersion(std::move(toolVersion)) {}

int SarifReport::ruleIndex(const Diagnostic &d)
{
    const std::string id = toStd(d.code);
    for (size_t i = 0; i < m_rules.size(); ++i) {
        if (m_rules[i]["id"] == id)
            return int(i);
    }
    // The first message of a code stands as its short description; the code is the stable id.
    m_rules.push_back(OrderedJson{{"id", id},
                                  {"shortDescription", {{"text", toStd(d.message)}}},
                                  {"defaultConfiguration", {{"level", level(d.severity)}}}});
    return int(m_rules.size()) - 1;
}

void SarifReport::addFile(const QString &path, const DiagnosticList &diagnostics)
{
    const int artifactIndex = int(m_artifacts.size());
    const std::string uri = artifactUri(path);
    m_artifacts.push_back(OrderedJson{{"location", {{"uri", uri}}}});
    for (const Diagnostic &d : diagnostics) {
        OrderedJson physical{{"artifactLocation", {{"uri", uri}, {"index", artifactIndex}}}};
        if (d.line > 0) {
            OrderedJson region{{"startLine", d.line}};
            if (d.column > 0)
                region["startColumn"] = d.column;
            physical["region"] = region;
        }
        OrderedJson location{{"physicalLocation", physical}};
        if (!d.pointer.isEmpty())
            location["logicalLocations"] = OrderedJson::array(
                {OrderedJson{{"fullyQualifiedName", toStd(d.pointer)}, {"kind", "member"}}});
        const int rule = ruleIndex(d);
        m_results.push_back(OrderedJson{{"ruleId", toStd(d.code)},
                                        {"ruleIndex", rule},
                                        {"level", level(d.severity)},
                                        {"message", {{"text", toStd(d.message)}}},
                                        {"locations", OrderedJson::array({location})}});
    }
}

OrderedJson SarifReport::toJson() const
{
    OrderedJson driver{{"name", "uisctl"},
                       {"fullName", "UIS Studio uisctl validate"},
                       {"version", toStd(m_toolVersion)},
                       {"rules", m_rules}};
    OrderedJson run{{"tool", {{"driver", driver}}},
                    {"columnKind", "unicodeCodePoints"},
                    {"artifacts", m_artifacts},
                    {"results", m_results}};
    return OrderedJson{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                       {"version", "2.1.0"},
                       {"runs", OrderedJson::array({run})}};
}

} // namespace uis::cli
