// SPDX-License-Identifier: Apache-2.0
#include "upgradeflow.h"

#include "dcpclient.h"
#include "graphscene.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "pipelinecompiler.h"
#include "pipelinedocument.h"
#include "specloader.h"
#include "submitrequestbuilder.h"

#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>

namespace uis {

UpgradeFlow::UpgradeFlow(PipelineDocument *document, JobsConnections *connections,
                         GraphScene *scene, QWidget *parent)
    : QObject(parent), m_document(document), m_connections(connections), m_scene(scene),
      m_parent(parent)
{
}

UpgradeFlow *UpgradeFlow::install(QWidget *parent, JobsDock *dock, PipelineDocument *document,
                                  JobsConnections *connections, GraphScene *scene)
{
    auto *flow = new UpgradeFlow(document, connections, scene, parent);
    flow->setObjectName(QStringLiteral("upgradeFlow"));
    connect(dock, &JobsDock::upgradeRequested, flow, &UpgradeFlow::start);
    return flow;
}

void UpgradeFlow::fail(const QString &message)
{
    m_busy = false;
    Q_EMIT failed(message);
    QMessageBox::warning(m_parent, tr("Upgrade check"), message);
}

void UpgradeFlow::start(const QString &environment, const QString &jobId)
{
    if (m_busy)
        return;
    m_busy = true;
    const LoadedSpec loaded = SpecLoader::load(m_document->text().toUtf8(), m_document->format());
    if (!loaded.valid())
        return fail(tr("The spec has errors; fix them before checking an upgrade."));
    const CompileResult compiled = PipelineCompiler::compile(loaded, Engine::None, {});
    if (!compiled.succeeded())
        return fail(tr("The spec does not compile; fix it before checking an upgrade."));
    QHash<QString, QByteArray> artifacts;
    for (const Artifact &a : compiled.artifacts)
        artifacts.insert(a.target, a.content);
    SubmitRequest request;
    if (const QString e = SubmitRequestBuilder::build(loaded, artifacts, &request); !e.isEmpty())
        return fail(e);
    SubmitRequestBuilder::resolveFromEnvironment(&request);
    const QJsonObject body = request.bodyToSend();
    m_connections->withClient(
        environment, [this, environment, jobId, body](DcpClient *client, const QString &error) {
            if (!client)
                return fail(tr("Cannot reach %1: %2").arg(environment, error));
            const int timeout = client->timeout();
            client->setTimeout(20 * 60 * 1000); // the engine's check takes minutes
            DcpReply *reply = client->upgradeCheck(jobId, body);
            client->setTimeout(timeout);
            connect(reply, &DcpReply::finished, this, [this, reply, environment, jobId] {
                reply->deleteLater();
                m_busy = false;
                present(environment, jobId, reply->json());
            });
            connect(reply, &DcpReply::failed, this, [this, reply](const DcpError &e) {
                reply->deleteLater();
                fail(tr("The upgrade check failed: %1").arg(e.fullText()));
            });
        });
}

void UpgradeFlow::present(const QString &environment, const QString &jobId,
                          const QJsonObject &report)
{
    m_verdicts.clear();
    QStringList lines;
    for (const QJsonValue &v : report.value(QLatin1String("operators")).toArray()) {
        const QJsonObject o = v.toObject();
        m_verdicts.insert(o.value(QLatin1String("node")).toString(),
                          o.value(QLatin1String("verdict")).toString());
        lines << QStringLiteral("%1: %2").arg(o.value(QLatin1String("verdict")).toString(),
                                              o.value(QLatin1String("reason")).toString());
    }
    if (m_scene)
        m_scene->setVerdicts(m_verdicts);
    Q_EMIT checked(report);

    const bool ok = report.value(QLatin1String("restorable")).toBool();
    m_box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning,
                            tr("Upgrade %1").arg(jobId),
                            ok ? tr("The open spec can start from the job's state.")
                               : tr("The open spec cannot start from all of the job's state."),
                            QMessageBox::Cancel, m_parent);
    m_box->setObjectName(QStringLiteral("upgradeCheckVerdicts"));
    m_box->setDetailedText(lines.join(QLatin1Char('\n')));
    m_box->setInformativeText(tr("The canvas shows each node's verdict: green restored, amber "
                                 "dropped, red incompatible."));
    QPushButton *go = m_box->addButton(tr("Upgrade"), QMessageBox::AcceptRole);
    go->setEnabled(ok);
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_box, &QMessageBox::finished, this, [this, go, environment, jobId] {
        const bool confirmed = m_box && m_box->clickedButton() == go;
        if (m_scene)
            m_scene->setVerdicts({});
        if (confirmed)
            Q_EMIT upgradeConfirmed(environment, jobId);
    });
    m_box->open();
}

} // namespace uis
