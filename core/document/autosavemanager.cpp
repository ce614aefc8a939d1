// SPDX-License-Identifier: Apache-2.0
#include "autosavemanager.h"

#include "pipelinedocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

namespace uis {

namespace {
const QString TextFile = QStringLiteral("document.txt");
const QString MetaFile = QStringLiteral("meta.json");

bool writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit();
}
} // namespace

QString AutosaveManager::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

AutosaveManager::AutosaveManager(PipelineDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory)
    , m_timer(new QTimer(this))
{
    QDir().mkpath(m_directory);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_sessionDir = m_directory + QLatin1Char('/') + id;
    m_lock = std::make_unique<QLockFile>(m_sessionDir + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
    connect(m_timer, &QTimer::timeout, this, &AutosaveManager::saveNow);
    connect(document, &PipelineDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeFiles();
    });
}

AutosaveManager::~AutosaveManager()
{
    if (m_abandoned)
        return;
    removeFiles();
    QDir().rmdir(m_sessionDir);
    m_lock->unlock();
}

void AutosaveManager::setInterval(int seconds)
{
    m_interval = std::max(0, seconds);
    if (m_interval > 0)
        m_timer->start(m_interval * 1000);
    else
        m_timer->stop();
}

bool AutosaveManager::saveNow()
{
    if (m_abandoned)
        return false;
    if (!m_document->isModified()) {
        removeFiles();
        return true;
    }
    if (m_savedRevision == m_document->revision())
        return true;
    QDir().mkpath(m_sessionDir);
    const QJsonObject meta{
        {QStringLiteral("path"), m_document->filePath()},
        {QStringLiteral("name"), m_document->displayName()},
        {QStringLiteral("format"), m_document->format() == SpecFormat::Json ? QStringLiteral("json")
                                                                             : QStringLiteral("yaml")},
        {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    // Text first: a meta file without its text is never offered.
    if (!writeAtomically(m_sessionDir + QLatin1Char('/') + TextFile, m_document->text().toUtf8()) ||
        !writeAtomically(m_sessionDir + QLatin1Char('/') + MetaFile, QJsonDocument(meta).toJson()))
        return false;
    m_savedRevision = m_document->revision();
    return true;
}

void AutosaveManager::removeFiles()
{
    QFile::remove(m_sessionDir + QLatin1Char('/') + MetaFile);
    QFile::remove(m_sessionDir + QLatin1Char('/') + TextFile);
    m_savedRevision = 0;
}

void AutosaveManager::abandon()
{
    m_abandoned = true;
    m_timer->stop();
    m_lock->unlock();
    // A dead process leaves its lock file behind; recreate one naming a PID that cannot exist.
    QFile f(m_sessionDir + QStringLiteral(".lock"));
    if (f.open(QIODevice::WriteOnly))
        f.write("2147483646\nuis-studio\n\n");
}

QList<RecoveryEntry> AutosaveManager::orphanedSessions(const QString &directory)
{
    QList<RecoveryEntry> out;
    const QDir dir(directory);
    const QFileInfoList sessions = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    for (const QFileInfo &s : sessions) {
        QLockFile lock(s.absoluteFilePath() + QStringLiteral(".lock"));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // a running session owns it
        lock.unlock();
        QFile meta(s.absoluteFilePath() + QLatin1Char('/') + MetaFile);
        QFile text(s.absoluteFilePath() + QLatin1Char('/') + TextFile);
        if (!meta.open(QIODevice::ReadOnly) || !text.open(QIODevice::ReadOnly)) {
            QDir(s.absoluteFilePath()).removeRecursively();
            continue;
        }
        const QJsonObject m = QJsonDocument::fromJson(meta.readAll()).object();
        RecoveryEntry e;
        e.sessionDir = s.absoluteFilePath();
        e.originalPath = m.value(QStringLiteral("path")).toString();
        e.displayName = m.value(QStringLiteral("name")).toString();
        e.format = m.value(QStringLiteral("format")).toString() == QLatin1String("json") ? SpecFormat::Json
                                                                                        : SpecFormat::Yaml;
        e.savedAt = QDateTime::fromString(m.value(QStringLiteral("saved")).toString(), Qt::ISODate);
        e.text = QString::fromUtf8(text.readAll());
        out.append(e);
    }
    return out;
}

void AutosaveManager::discard(const RecoveryEntry &entry)
{
    QDir(entry.sessionDir).removeRecursively();
    QFile::remove(entry.sessionDir + QStringLiteral(".lock"));
}

} // namespace uis
