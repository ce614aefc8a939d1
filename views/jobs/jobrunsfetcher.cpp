// SPDX-License-Identifier: Apache-2.0
#include "jobrunsfetcher.h"

#include "dcpclient.h"
#include "jobrun.h"
#include "jobsconnections.h"
#include "jobsmodel.h"

#include <QRegularExpression>

namespace uis {

JobRunsFetcher::JobRunsFetcher(JobsModel *model, JobsConnections *connections, QObject *parent)
    : QObject(parent), m_model(model), m_connections(connections)
{
}

bool JobRunsFetcher::looksScheduled(const JobStatus &status)
{
    static const QRegularExpression run(QStringLiteral(R"(\(run \d+\))"));
    return status.engineState.startsWith(QLatin1String("SCHEDULE")) ||
           run.match(status.engineState).hasMatch();
}

void JobRunsFetcher::jobChanged(const QString &environment, const JobStatus &status)
{
    const JobEntry *e = m_model->entry(m_model->rowOf(environment, status.jobId));
    if (looksScheduled(status) || (e && !e->runs.isEmpty()))
        fetch(environment, status.jobId);
}

void JobRunsFetcher::fetch(const QString &environment, const QString &jobId)
{
    const QString key = environment + QLatin1Char('\n') + jobId;
    if (m_inFlight.contains(key)) {
        m_again.insert(key);
        return;
    }
    m_inFlight.insert(key);
    const auto finish = [this, key, environment, jobId] {
        m_inFlight.remove(key);
        if (m_again.remove(key))
            fetch(environment, jobId);
    };
    m_connections->withClient(
        environment, [this, environment, jobId, finish](DcpClient *client, const QString &) {
            if (!client) { // the Jobs dock already says why the environment cannot be reached
                finish();
                return;
            }
            DcpReply *reply = client->runs(jobId);
            connect(reply, &DcpReply::done, this, [this, reply, environment, jobId, finish] {
                reply->deleteLater();
                // A server without the runs endpoint, or a job it forgot: no child rows to show.
                if (reply->isOk()) {
                    const QList<JobRun> runs = JobRun::listFromRunsJson(reply->json());
                    m_model->setRuns(environment, jobId, runs);
                    Q_EMIT fetched(environment, jobId, int(runs.size()));
                }
                finish();
            });
        });
}

} // namespace uis
