// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"
#include "submitdialog.h"
#include "submitrequestbuilder.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QWidget;

namespace uis {

class JobsConnections;
class PipelineDocument;

/**
 * Submit, step by step: 1. validate and compile the document; 2. find the values of the
 * placeholders the job needs (environment, then keychain; the rest are asked for); 3. show the
 * request with secrets masked and ask for confirmation; 4. submit (starting the embedded
 * dcp-local first when needed). Values stay in memory: never in a file or a log.
 */
class SubmitFlow : public QObject
{
    Q_OBJECT
public:
    SubmitFlow(PipelineDocument *document, JobsConnections *connections, QWidget *dialogParent);

    /// Starts a submit of the document as it is now; false (with `failed`) when it cannot.
    bool start();
    /// The same, compiled for and proposed to `environment` instead of the current one.
    bool startFor(const QString &environment);
    bool isBusy() const { return m_busy; }
    /// The confirmation dialog while it is open (for tests and automation).
    SubmitDialog *dialog() const { return m_dialog; }

Q_SIGNALS:
    void submitted(const QString &environment, const uis::JobStatus &status);
    void failed(const QString &message);
    void message(const QString &text);

private:
    void lookUpKeychain();
    void confirm();
    void send(const SubmitRequest &request, const QString &environment);
    /// Asks the environment's server for its targets and offers them in the open dialog.
    void fetchTargets(const QString &environment);
    void fail(const QString &message);

    PipelineDocument *m_document;
    JobsConnections *m_connections;
    QWidget *m_parent;
    SubmitRequest m_request;
    QHash<QString, QString> m_sources;
    QStringList m_pendingKeys;
    QPointer<SubmitDialog> m_dialog;
    QString m_environment; ///< startFor()'s environment, "" = the store's current one
    bool m_busy = false;
};

} // namespace uis
