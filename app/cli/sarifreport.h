// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "jsonconvert.h"

#include <QString>

namespace uis::cli {

/**
 * Diagnostics of one `uisctl validate` run as a SARIF 2.1.0 log, the format GitHub code scanning
 * and other CI viewers show inline. Rule ids are the diagnostic codes; each file is an artifact.
 */
class SarifReport
{
public:
    explicit SarifReport(QString toolVersion);

    /// Adds the diagnostics of one file (its path as given on the command line).
    void addFile(const QString &path, const DiagnosticList &diagnostics);
    /// The whole log, one run.
    OrderedJson toJson() const;

private:
    int ruleIndex(const Diagnostic &d);

    QString m_toolVersion;
    OrderedJson m_rules = OrderedJson::array();
    OrderedJson m_results = OrderedJson::array();
    OrderedJson m_artifacts = OrderedJson::array();
};

} // namespace uis::cli
