// SPDX-License-Identifier: Apache-2.0
#include "savepointsupport.h"

#include "cliloop.h"

#include "dcpclient.h"

#include <QDateTime>
#include <QTimer>

#include <memory>

namespace uis::cli {

void SavepointSupport::sleep(int ms)
{
    CliLoop loop;
    QTimer::singleShot(ms, [&loop] { loop.quit(); });
    loop.exec();
}

std::optional<QJsonObject> SavepointSupport::waitFor(DcpClient &client, const QString &jobId,
                                                     const QString &savepointId, CliContext &ctx,
                                                     const char *command, int timeoutSecs)
{
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(timeoutSecs) * 1000;
    while (QDateTime::currentMSecsSinceEpoch() < deadline) {
        std::unique_ptr<DcpReply> reply(client.savepoints(jobId));
        if (!CliLoop::await(reply.get())) {
            ctx.err << "uisctl " << command << ": " << reply->error().fullText() << "\n";
            return std::nullopt;
        }
        for (const QJsonValue &v : reply->json().value(QLatin1String("savepoints")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("savepoint_id")).toString() == savepointId &&
                o.value(QLatin1String("status")).toString() != QLatin1String("IN_PROGRESS"))
                return o;
        }
        sleep(500);
    }
    ctx.err << "uisctl " << command << ": savepoint " << savepointId << " of job " << jobId
            << " is still in progress after " << timeoutSecs << " s\n";
    return std::nullopt;
}

std::optional<JobStatus>
SavepointSupport::waitForJob(DcpClient &client, const QString &jobId,
                             const std::function<bool(const JobStatus &)> &done, int timeoutSecs)
{
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(timeoutSecs) * 1000;
    std::optional<JobStatus> last;
    while (QDateTime::currentMSecsSinceEpoch() < deadline) {
        std::unique_ptr<DcpReply> reply(client.get(jobId));
        if (CliLoop::await(reply.get())) {
            last = reply->status();
            if (done(*last))
                return last;
        }
        sleep(500);
    }
    return last;
}

void SavepointSupport::print(CliContext &ctx, const QJsonArray &savepoints)
{
    ctx.out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(QStringLiteral("ID"), -28)
                   .arg(QStringLiteral("KIND"), -10)
                   .arg(QStringLiteral("STATUS"), -11)
                   .arg(QStringLiteral("CREATED"), -20)
                   .arg(QStringLiteral("SIZE"), 10)
                   .arg(QStringLiteral("PATH"));
    for (const QJsonValue &v : savepoints) {
        const QJsonObject o = v.toObject();
        const QJsonValue size = o.value(QLatin1String("size_bytes"));
        QString note;
        if (o.value(QLatin1String("status")).toString() == QLatin1String("DELETED"))
            note = QStringLiteral("  (deleted by %1 at %2)")
                       .arg(o.value(QLatin1String("deleted_by")).toString(),
                            o.value(QLatin1String("deleted_at")).toString());
        else if (!o.value(QLatin1String("error")).toString().isEmpty())
            note = QStringLiteral("  (%1)").arg(o.value(QLatin1String("error")).toString());
        ctx.out << QStringLiteral("%1  %2  %3  %4  %5  %6%7\n")
                       .arg(o.value(QLatin1String("savepoint_id")).toString(), -28)
                       .arg(o.value(QLatin1String("kind")).toString(), -10)
                       .arg(o.value(QLatin1String("status")).toString(), -11)
                       .arg(o.value(QLatin1String("created_at")).toString(QStringLiteral("-")), -20)
                       .arg(size.isDouble() ? QString::number(qint64(size.toDouble()))
                                            : QStringLiteral("-"),
                            10)
                       .arg(o.value(QLatin1String("path")).toString(QStringLiteral("-")), note);
    }
}

} // namespace uis::cli
