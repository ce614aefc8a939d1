// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diff/specdiff.h"
#include "textdiff.h"
#include "vcsstate.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

template <typename T> class QFutureWatcher;

namespace uis {

/// What to compare: the document's text against a base version of its file.
struct ChangesRequest
{
    static inline const QString SavedBase = QStringLiteral(":saved"); ///< the file on disk
    QString filePath; ///< "" for an untitled document (no base but the empty text)
    QString fileName; ///< for the format
    QByteArray text;  ///< the current text
    QString base = QStringLiteral("HEAD"); ///< a Git revision, or SavedBase
    bool artifacts = true;                 ///< also compile both versions and diff the artifacts
    quint64 revision = 0;                  ///< the document revision the text is from
};

/// The comparison, computed off the GUI thread.
struct ChangesResult
{
    ChangesRequest request;
    VcsState vcs;
    bool hasBase = false;
    QString baseLabel; ///< "HEAD", "last saved"
    QString baseError; ///< why there is no base (not in Git, not at that revision…)
    QByteArray baseText;
    QList<DiffHunk> specHunks;
    QList<NodeChange> nodes;
    QList<ArtifactDiff> artifacts; ///< changed ones only
    qint64 elapsedMs = 0;

    /// Runs the comparison (reads Git and the file): call from a worker thread.
    static ChangesResult compute(const ChangesRequest &request);
};

/**
 * Runs ChangesResult::compute on the thread pool. A newer request supersedes the one running:
 * its result is dropped, and only the latest request's result is announced.
 */
class ChangesComputer : public QObject
{
    Q_OBJECT
public:
    explicit ChangesComputer(QObject *parent = nullptr);
    ~ChangesComputer() override;

    void request(const ChangesRequest &request);
    bool isBusy() const { return m_running; }

Q_SIGNALS:
    void finished(const uis::ChangesResult &result);

private:
    void start();

    QFutureWatcher<ChangesResult> *m_watcher;
    std::optional<ChangesRequest> m_pending;
    bool m_running = false;
};

} // namespace uis
