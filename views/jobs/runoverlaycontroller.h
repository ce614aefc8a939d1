// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

namespace uis {

class GraphScene;
class JobsDock;

/**
 * Drives the canvas's run overlay from the Jobs dock: selecting a job shows its per-node rows
 * in and out (and failures) on the canvas, and later polls of that job refresh them. An edit of
 * the spec clears the overlay (GraphScene does) until a job is selected again.
 */
class RunOverlayController : public QObject
{
    Q_OBJECT
public:
    RunOverlayController(JobsDock *jobs, GraphScene *scene, QObject *parent = nullptr);

    /// The job shown ("" when none): environment and id.
    QString environment() const { return m_environment; }
    QString jobId() const { return m_jobId; }
    /// Shows the job of the dock's `row` (-1 clears).
    void showRow(int row);

Q_SIGNALS:
    void message(const QString &text);

private:
    void refresh(bool announce);

    JobsDock *m_jobs;
    GraphScene *m_scene;
    QString m_environment;
    QString m_jobId;
    bool m_applying = false;
};

} // namespace uis
