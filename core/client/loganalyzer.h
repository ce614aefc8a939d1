// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace uis {

/// The first exception of a log and its cause chain (line numbers are 0-based).
struct RootCause
{
    int firstLine = -1;   ///< the exception's first line (`java.lang.X: …` or `Traceback …`)
    int lastLine = -1;    ///< its last line (end of the stack trace and cause chain)
    QString exception;    ///< the exception line as printed
    QStringList causedBy; ///< each `Caused by:` (Java) or chained exception (Python), outermost first
    /// The innermost cause: what to fix.
    QString summary() const { return causedBy.isEmpty() ? exception : causedBy.last(); }
};

/// Reads engine logs (Spark/Flink JVM output, Python runners) for what a person looks for.
class LogAnalyzer
{
public:
    enum class LineKind { Normal, Warning, Error, Exception };

    /// ERROR/FATAL log lines and `uis-runner: FAILED` are errors; exception headers, stack
    /// frames and `Caused by:` lines are exceptions; WARN lines are warnings.
    static LineKind classify(QStringView line);
    /// The first Java or Python exception in `text` with its "Caused by" chain.
    static std::optional<RootCause> findRootCause(const QString &text);
};

} // namespace uis
