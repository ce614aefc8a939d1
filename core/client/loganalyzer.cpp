// SPDX-License-Identifier: Apache-2.0
#include "loganalyzer.h"

#include <QRegularExpression>

namespace uis {

namespace {

// `java.lang.IllegalStateException: msg`, `org.apache.spark.SparkException`, optionally after
// `Exception in thread "main" ` or a `ERROR Something: ` log prefix.
const QRegularExpression &javaException()
{
    static const QRegularExpression re(QStringLiteral(
        R"((?:^|Exception in thread "[^"]*" |: |\s)((?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable|Failure)\b(?::.*)?)$)"));
    return re;
}

const QRegularExpression &pythonExceptionLine()
{
    static const QRegularExpression re(QStringLiteral(R"(^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\b(?::.*)?)$)"));
    return re;
}

bool isFrame(QStringView line)
{
    const QStringView t = line.trimmed();
    return (line.startsWith(QLatin1Char('\t')) || line.startsWith(QLatin1Char(' '))) &&
           (t.startsWith(QLatin1String("at ")) || t.startsWith(QLatin1String("... ")));
}

} // namespace

LogAnalyzer::LineKind LogAnalyzer::classify(QStringView line)
{
    if (line.startsWith(QLatin1String("Caused by:")) || line.startsWith(QLatin1String("Traceback (most recent call last)")) ||
        isFrame(line) || line.contains(QLatin1String("Exception in thread")))
        return LineKind::Exception;
    if (javaException().match(line).hasMatch() && !line.contains(QLatin1String(" WARN ")))
        return LineKind::Exception;
    static const QRegularExpression error(QStringLiteral(R"(\b(ERROR|FATAL|SEVERE)\b|uis-runner: FAILED|^\w*Error: )"));
    if (error.match(line).hasMatch())
        return LineKind::Error;
    static const QRegularExpression warn(QStringLiteral(R"(\b(WARN|WARNING)\b)"));
    if (warn.match(line).hasMatch())
        return LineKind::Warning;
    return LineKind::Normal;
}

std::optional<RootCause> LogAnalyzer::findRootCause(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(QLatin1String("Traceback (most recent call last)"))) {
            // Python: frames are indented; the exception is the first unindented line after them.
            // Chained exceptions print the cause first, so the chain is read backwards.
            RootCause rc;
            rc.firstLine = i;
            QStringList chain;
            int j = i + 1;
            for (;;) {
                while (j < lines.size() && (lines.at(j).startsWith(QLatin1Char(' ')) || lines.at(j).isEmpty()))
                    ++j;
                if (j >= lines.size())
                    break;
                chain << lines.at(j).trimmed();
                rc.lastLine = j;
                // "During handling…" / "The above exception was the direct cause…" continue the chain.
                int k = j + 1;
                while (k < lines.size() && lines.at(k).trimmed().isEmpty())
                    ++k;
                if (k < lines.size() && (lines.at(k).startsWith(QLatin1String("During handling")) ||
                                         lines.at(k).startsWith(QLatin1String("The above exception")))) {
                    int t = k + 1;
                    while (t < lines.size() && !lines.at(t).startsWith(QLatin1String("Traceback")))
                        ++t;
                    if (t >= lines.size())
                        break;
                    j = t + 1;
                    continue;
                }
                break;
            }
            if (chain.isEmpty())
                continue;
            // Printed innermost cause first: the last one is what was raised at the top.
            rc.exception = chain.last();
            for (int c = chain.size() - 2; c >= 0; --c)
                rc.causedBy << chain.at(c);
            if (rc.lastLine < 0)
                rc.lastLine = i;
            return rc;
        }
        const QRegularExpressionMatch m = javaException().match(line);
        if (!m.hasMatch() || line.startsWith(QLatin1String("Caused by:")) || isFrame(line))
            continue;
        // A Java exception counts when a stack frame follows (so "…Exception" in prose does not).
        int j = i + 1;
        if (j >= lines.size() || !(isFrame(lines.at(j)) || lines.at(j).startsWith(QLatin1String("Caused by:"))))
            continue;
        RootCause rc;
        rc.firstLine = i;
        rc.exception = m.captured(1).trimmed();
        while (j < lines.size()) {
            const QString &l = lines.at(j);
            if (isFrame(l)) {
                ++j;
            } else if (l.startsWith(QLatin1String("Caused by:"))) {
                rc.causedBy << l.mid(int(qstrlen("Caused by:"))).trimmed();
                ++j;
            } else if (l.trimmed().startsWith(QLatin1String("Suppressed:")) || l.trimmed().startsWith(QLatin1String("..."))) {
                ++j;
            } else {
                break;
            }
        }
        rc.lastLine = j - 1;
        return rc;
    }
    // A Python exception line without its traceback (e.g. py4j summaries).
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = pythonExceptionLine().match(lines.at(i));
        if (m.hasMatch() && lines.at(i).contains(QLatin1Char(':'))) {
            RootCause rc;
            rc.firstLine = rc.lastLine = i;
            rc.exception = lines.at(i).trimmed();
            return rc;
        }
    }
    return std::nullopt;
}

} // namespace uis
