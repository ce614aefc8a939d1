// SPDX-License-Identifier: Apache-2.0
#include "submitflow.h"

#include "dcpclient.h"
#include "environmentstore.h"
#include "jobsconnections.h"
#include "pipelinedocument.h"
#include "specloader.h"
#include "submitdialog.h"
#include "tokenstore.h"

#include "pipelinecompiler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWidget>

namespace uis {

SubmitFlow::SubmitFlow(PipelineDocument *document, JobsConnections *connections,
                       QWidget *dialogParent)
    : QObject(dialogParent), m_document(document), m_connections(connections),
      m_parent(dialogParent)
{
    connect(m_connections->tokens(), &TokenStore::entryRead, this,
            [this](const QString &key, const QString &value, const QString &) {
                if (!m_pendingKeys.removeOne(key))
                    return;
                if (!value.isEmpty()) {
                    for (const Placeholder &p : std::as_const(m_request.placeholders)) {
                        if (TokenStore::placeholderKey(p.id()) == key) {
                            m_request.values.insert(SubmitRequestBuilder::variableFor(p), value);
                            m_sources.insert(SubmitRequestBuilder::variableFor(p), tr("keychain"));
                        }
                    }
                }
                if (m_pendingKeys.isEmpty())
                    confirm();
            });
}

void SubmitFlow::fail(const QString &message)
{
    m_busy = false;
    Q_EMIT failed(message);
}

bool SubmitFlow::start()
{
    return startFor(QString());
}

bool SubmitFlow::startFor(const QString &environment)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_environment = environment;
    // 1. Validate and compile what is in the editor now.
    const LoadedSpec loaded = SpecLoader::load(m_document->text().toUtf8(), m_document->format());
    if (!loaded.valid()) {
        QStringList lines;
        for (const Diagnostic &d : loaded.diagnostics) {
            if (d.severity == Severity::Error && lines.size() < 8)
                lines << formatDiagnostic(m_document->displayName(), d);
        }
        fail(tr("The spec has errors; fix them before submitting:\n%1")
                 .arg(lines.join(QLatin1Char('\n'))));
        return false;
    }
    QHash<QString, QByteArray> artifacts;
    CompileOptions options;
    const QString target =
        m_environment.isEmpty() ? m_connections->store()->current() : m_environment;
    if (target == EnvironmentStore::localName())
        options.master = QStringLiteral("local[*]");
    const CompileResult compiled = PipelineCompiler::compile(loaded, Engine::None, options);
    if (!compiled.succeeded()) {
        QStringList lines;
        for (const Diagnostic &d : compiled.diagnostics) {
            if (d.severity == Severity::Error && lines.size() < 8)
                lines << d.message;
        }
        fail(tr("The spec does not compile:\n%1").arg(lines.join(QLatin1Char('\n'))));
        return false;
    }
    for (const Artifact &a : compiled.artifacts)
        artifacts.insert(a.target, a.content);
    m_request = SubmitRequest();
    m_sources.clear();
    if (const QString e = SubmitRequestBuilder::build(loaded, artifacts, &m_request);
        !e.isEmpty()) {
        fail(e);
        return false;
    }
    // 2. Placeholders: the environment first, then the keychain, then the dialog asks.
    SubmitRequestBuilder::resolveFromEnvironment(&m_request);
    for (auto it = m_request.values.begin(); it != m_request.values.end(); ++it)
        m_sources.insert(it.key(), tr("environment"));
    lookUpKeychain();
    return true;
}

void SubmitFlow::lookUpKeychain()
{
    m_pendingKeys.clear();
    for (const Placeholder &p : m_request.missing())
        m_pendingKeys << TokenStore::placeholderKey(p.id());
    if (m_pendingKeys.isEmpty()) {
        confirm();
        return;
    }
    for (const QString &key : QStringList(m_pendingKeys))
        m_connections->tokens()->read(key);
}

void SubmitFlow::confirm()
{
    // 3. Show the request, secrets masked, and ask.
    EnvironmentStore *store = m_connections->store();
    auto *dialog =
        new SubmitDialog(m_request, m_sources, store->names(),
                         m_environment.isEmpty() ? store->current() : m_environment, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result != QDialog::Accepted) {
            m_busy = false;
            Q_EMIT message(tr("Submit cancelled"));
            return;
        }
        const QHash<QString, QString> remember = dialog->valuesToRemember();
        for (auto it = remember.begin(); it != remember.end(); ++it)
            m_connections->tokens()->write(TokenStore::placeholderKey(it.key()), it.value());
        send(dialog->request(), dialog->environment());
    });
    connect(dialog, &SubmitDialog::targetsWanted, this, &SubmitFlow::fetchTargets);
    dialog->open();
    fetchTargets(dialog->environment());
}

void SubmitFlow::fetchTargets(const QString &environment)
{
    m_connections->withClient(
        environment, [this, environment](DcpClient *client, const QString &error) {
            if (!m_dialog)
                return;
            if (!client) {
                m_dialog->setTargets(environment, {}, error);
                return;
            }
            DcpReply *reply = client->targets();
            connect(reply, &DcpReply::done, this, [this, reply, environment] {
                reply->deleteLater();
                if (!m_dialog)
                    return;
                m_dialog->setTargets(environment,
                                     reply->json().value(QLatin1String("targets")).toArray(),
                                     reply->isOk() ? QString() : reply->error().message);
            });
        });
}

void SubmitFlow::send(const SubmitRequest &request, const QString &environment)
{
    // 4. Submit, once the environment (possibly the embedded dcp-local) is there.
    Q_EMIT message(tr("Submitting to %1…").arg(environment));
    const QJsonObject body = request.bodyToSend();
    m_connections->withClient(
        environment, [this, body, environment](DcpClient *client, const QString &error) {
            if (!client) {
                fail(tr("Cannot submit to %1: %2").arg(environment, error));
                return;
            }
            DcpReply *reply = client->submit(body);
            connect(reply, &DcpReply::progress, this, &SubmitFlow::message);
            connect(reply, &DcpReply::done, this, [this, reply, environment] {
                reply->deleteLater();
                m_busy = false;
                if (!reply->isOk()) {
                    Q_EMIT failed(
                        tr("Submit to %1 failed: %2").arg(environment, reply->error().fullText()));
                    return;
                }
                const SubmitResult r = reply->submitResult();
                JobStatus s;
                s.jobId = r.jobId;
                s.state = r.state;
                s.createdAt = r.createdAt;
                s.name = reply->property("jobName").toString();
                Q_EMIT message(tr("Job %1 submitted to %2").arg(r.jobId, environment));
                Q_EMIT submitted(environment, s);
            });
            reply->setProperty("jobName", body.value(QLatin1String("name")).toString());
        });
}

} // namespace uis
