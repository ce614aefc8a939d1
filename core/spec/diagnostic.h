// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace uis {

/// How bad a diagnostic is. Errors block compiling and submitting; warnings and infos do not.
enum class Severity { Error, Warning, Info };

/// One problem found in a spec, with where it is. Value type shared by every layer.
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString code;    ///< stable code, e.g. `UIS-E-REQUIRED`
    QString message; ///< a sentence a person can act on
    QString pointer; ///< JSON Pointer of the offending value, "" for the document
    int line = 0;    ///< 1-based; 0 when unknown
    int column = 0;  ///< 1-based; 0 when unknown

    bool operator==(const Diagnostic &o) const
    {
        return severity == o.severity && code == o.code && message == o.message &&
               pointer == o.pointer && line == o.line && column == o.column;
    }
};

using DiagnosticList = QList<Diagnostic>;

/// "error", "warning" or "info".
QString severityName(Severity s);
/// True when any diagnostic in the list is an error.
bool hasErrors(const DiagnosticList &diagnostics);
/// Counts of each severity.
int countSeverity(const DiagnosticList &diagnostics, Severity s);
/// Sorts by line, then column, then code, so output is stable whatever order rules ran in.
void sortDiagnostics(DiagnosticList &diagnostics);
/// `file:line:col: severity: message [code]`, the form compilers print and editors parse.
QString formatDiagnostic(const QString &file, const Diagnostic &d);

} // namespace uis
