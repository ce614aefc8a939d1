// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QMessageBox>
#include <QObject>
#include <QPointer>

class QWidget;

namespace uis {

class GraphScene;
class JobsConnections;
class JobsDock;
class PipelineDocument;

/**
 * Upgrade… on a running job: compiles the open spec, asks the job's DCP server for the engine's
 * restore check (`POST /jobs/{id}/upgrade-check`, answered asynchronously, never on the GUI
 * thread's time), colours the canvas by verdict (restored green, dropped amber, incompatible red)
 * and shows the verdicts node by node before the user confirms. Confirming emits
 * upgradeConfirmed() for the stop-with-savepoint and restoring submit.
 */
class UpgradeFlow : public QObject
{
    Q_OBJECT
public:
    UpgradeFlow(PipelineDocument *document, JobsConnections *connections, GraphScene *scene,
                QWidget *parent);

    /// Connects `dock`'s Upgrade… to start(); the flow is owned by `parent`.
    static UpgradeFlow *install(QWidget *parent, JobsDock *dock, PipelineDocument *document,
                                JobsConnections *connections, GraphScene *scene);

    void start(const QString &environment, const QString &jobId);
    /// Shows a check's report: colours the canvas and opens the verdicts for confirmation.
    void present(const QString &environment, const QString &jobId, const QJsonObject &report);
    /// The verdicts of the last answer, by spec node name.
    QHash<QString, QString> verdicts() const { return m_verdicts; }
    QMessageBox *dialog() const { return m_box; }

Q_SIGNALS:
    void checked(const QJsonObject &report);
    void upgradeConfirmed(const QString &environment, const QString &jobId);
    void failed(const QString &message);

private:
    void fail(const QString &message);

    PipelineDocument *m_document;
    JobsConnections *m_connections;
    GraphScene *m_scene;
    QWidget *m_parent;
    QHash<QString, QString> m_verdicts;
    QPointer<QMessageBox> m_box;
    bool m_busy = false;
};

} // namespace uis
