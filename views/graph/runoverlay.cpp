// SPDX-License-Identifier: Apache-2.0
#include "runoverlay.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace uis {

QString NodeRunBadge::text() const
{
    const QLocale l;
    QStringList parts;
    if (rowsIn >= 0)
        parts << QCoreApplication::translate("uis::RunOverlay", "%1 in").arg(l.toString(rowsIn));
    if (rowsOut >= 0)
        parts << QCoreApplication::translate("uis::RunOverlay", "%1 out").arg(l.toString(rowsOut));
    if (invalid > 0)
        parts << QCoreApplication::translate("uis::RunOverlay", "%1 invalid")
                     .arg(l.toString(invalid));
    if (rowsPerSecond >= 0)
        parts << QCoreApplication::translate("uis::RunOverlay", "%1/s")
                     .arg(l.toString(rowsPerSecond, 'f', rowsPerSecond < 10 ? 1 : 0));
    if (failed && parts.isEmpty())
        parts << QCoreApplication::translate("uis::RunOverlay", "failed");
    return parts.join(QStringLiteral(" · "));
}

QHash<QString, NodeRunBadge> RunOverlay::badgesFor(const JobStatus &status,
                                                   const QStringList &nodeNames)
{
    QHash<QString, NodeRunBadge> out;
    bool nodeFailed = false;
    for (const NodeRunStats &n : status.nodes) {
        if (!nodeNames.contains(n.node))
            continue;
        NodeRunBadge b;
        b.rowsIn = n.rowsIn;
        b.rowsOut = n.rowsOut;
        b.invalid = n.invalid;
        // A rate only means something while the job runs.
        if (status.state == JobState::Running)
            b.rowsPerSecond = n.rowsPerSecond;
        b.failed = !n.error.isEmpty();
        b.error = n.error;
        nodeFailed = nodeFailed || b.failed;
        out.insert(n.node, b);
    }
    if (status.state == JobState::Failed && !nodeFailed && !status.error.isEmpty()) {
        for (const QString &name : nodeNames) {
            const QRegularExpression word(QStringLiteral("(^|[^A-Za-z0-9_])%1($|[^A-Za-z0-9_])")
                                              .arg(QRegularExpression::escape(name)));
            if (!word.match(status.error).hasMatch())
                continue;
            NodeRunBadge &b = out[name];
            b.failed = true;
            b.error = status.error;
        }
    }
    return out;
}

} // namespace uis
