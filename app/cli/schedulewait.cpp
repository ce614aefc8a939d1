// SPDX-License-Identifier: Apache-2.0
#include "schedulewait.h"

#include "cliloop.h"

#include "dcpclient.h"
#include "jobstatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <memory>

namespace uis::cli {

namespace {

constexpr int PollMs = 1000;

void sleepMs(int ms)
{
    CliLoop loop;
    QTimer::singleShot(ms, [&loop] { loop.quit(); });
    loop.exec();
}

QString describeRun(const QJsonObject &r)
{
    QString s = QStringLiteral("run %1 %2")
                    .arg(r.value(QLatin1String("run")).toInt())
                    .arg(r.value(QLatin1String("outcome")).toString());
    if (r.contains(QLatin1String("duration_seconds")))
        s += QStringLiteral(" in %1 s")
                 .arg(r.value(QLatin1String("duration_seconds")).toDouble(), 0, 'f', 1);
    if (const QString e = r.value(QLatin1String("error")).toString(); !e.isEmpty())
        s += QStringLiteral(": ") + e;
    return s;
}

} // namespace

int waitForScheduledRuns(DcpClient &client, const QString &id, bool followAll, CliContext &ctx)
{
    int reported = 0; // runs already printed
    for (;;) {
        std::unique_ptr<DcpReply> status(client.get(id));
        if (!CliLoop::await(status.get())) {
            ctx.err << "uisctl: lost track of " << id << ": " << status->error().fullText() << "\n";
            return ExitUsage;
        }
        const JobStatus s = status->status();
        std::unique_ptr<DcpReply> runs(client.runs(id));
        const bool haveRuns = CliLoop::await(runs.get());
        const QJsonObject body = haveRuns ? runs->json() : QJsonObject();
        const bool scheduled = body.value(QLatin1String("scheduled")).toBool();
        // A scheduled job's first run is counted before the job shows RUNNING.
        if (!scheduled && (isTerminal(s.state) || s.state == JobState::Running))
            return -1;
        const QJsonArray list = body.value(QLatin1String("runs")).toArray();
        for (; reported < list.size(); ++reported) {
            const QJsonObject r = list.at(reported).toObject();
            const QString outcome = r.value(QLatin1String("outcome")).toString();
            if (outcome == QLatin1String("RUNNING"))
                break;
            ctx.err << "uisctl: " << id << " " << describeRun(r) << "\n";
            QString next = body.value(QLatin1String("next_run_at")).toString();
            next = next.isEmpty() ? QString() : QStringLiteral("next run at ") + next;
            // A run that took longer than the interval is followed at once by the next.
            if (const QJsonObject later = list.at(reported + 1).toObject();
                next.isEmpty() && !later.isEmpty())
                next = QStringLiteral("run %1 started at %2")
                           .arg(later.value(QLatin1String("run")).toInt())
                           .arg(later.value(QLatin1String("started_at")).toString());
            if (!followAll) {
                if (!isTerminal(s.state))
                    ctx.err << "uisctl: the schedule ("
                            << body.value(QLatin1String("schedule")).toString() << ") goes on: "
                            << (next.isEmpty() ? QStringLiteral("the next run is being prepared")
                                               : next)
                            << "; `uisctl cancel " << id << "` ends it\n";
                ctx.err.flush();
                return outcome == QLatin1String("SUCCEEDED") ? ExitOk : ExitErrors;
            }
            if (!next.isEmpty())
                ctx.err << "uisctl: " << next << "\n";
            ctx.err.flush();
        }
        if (isTerminal(s.state)) {
            ctx.err << "uisctl: job " << id << " " << jobStateName(s.state)
                    << (s.error.isEmpty() ? QString() : QStringLiteral(": ") + s.error) << "\n";
            return s.state == JobState::Succeeded || s.state == JobState::Cancelled ? ExitOk
                                                                                    : ExitErrors;
        }
        sleepMs(PollMs);
    }
}

} // namespace uis::cli
