// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "specreader.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QLockFile;
class QTimer;

namespace uis {

class PipelineDocument;

/// Unsaved text left behind by a session that did not end cleanly.
struct RecoveryEntry
{
    QString sessionDir;
    QString originalPath; ///< empty for an untitled document
    QString displayName;
    QString text;
    SpecFormat format = SpecFormat::Yaml;
    QDateTime savedAt;
};

/**
 * Writes the unsaved text of a document to a per-session folder every few seconds. Each
 * session holds a QLockFile; a folder whose lock is stale (its process was killed) is offered
 * for recovery at the next start. A clean exit or a save removes the autosave.
 */
class AutosaveManager : public QObject
{
    Q_OBJECT
public:
    explicit AutosaveManager(PipelineDocument *document, const QString &directory = defaultDirectory(),
                             QObject *parent = nullptr);
    ~AutosaveManager() override;

    /// Seconds between autosaves; 0 turns autosave off.
    void setInterval(int seconds);
    int interval() const { return m_interval; }
    /// Writes now when there are unsaved edits not yet autosaved; removes the file when clean.
    bool saveNow();
    QString sessionDir() const { return m_sessionDir; }

    /// Leaves the files and releases the lock as a killed process would (for tests).
    void abandon();

    static QString defaultDirectory();
    static QList<RecoveryEntry> orphanedSessions(const QString &directory = defaultDirectory());
    static void discard(const RecoveryEntry &entry);

private:
    void removeFiles();

    PipelineDocument *m_document;
    QString m_directory;
    QString m_sessionDir;
    std::unique_ptr<QLockFile> m_lock;
    QTimer *m_timer;
    int m_interval = 0;
    quint64 m_savedRevision = 0;
    bool m_abandoned = false;
};

} // namespace uis
