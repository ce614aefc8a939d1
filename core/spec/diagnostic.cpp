// SPDX-License-Identifier: Apache-2.0
#include "diagnostic.h"

#include <algorithm>

namespace uis {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

bool hasErrors(const DiagnosticList &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

int countSeverity(const DiagnosticList &diagnostics, Severity s)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [s](const Diagnostic &d) { return d.severity == s; }));
}

void sortDiagnostics(DiagnosticList &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         if (a.line != b.line)
                             return a.line < b.line;
                         if (a.column != b.column)
                             return a.column < b.column;
                         return a.code < b.code;
                     });
}

QString formatDiagnostic(const QString &file, const Diagnostic &d)
{
    return QStringLiteral("%1:%2:%3: %4: %5 [%6]")
        .arg(file)
        .arg(d.line)
        .arg(d.column)
        .arg(severityName(d.severity), d.message, d.code);
}

} // namespace uis
