// SPDX-License-Identifier: Apache-2.0
#include "changescomputer.h"

#include "gitrepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace uis {

ChangesResult ChangesResult::compute(const ChangesRequest &request)
{
    QElapsedTimer clock;
    clock.start();
    ChangesResult out;
    out.request = request;
    out.vcs = VcsState::of(request.filePath, request.text);

    if (request.base == ChangesRequest::SavedBase) {
        out.baseLabel = QStringLiteral("last saved");
        QFile f(request.filePath);
        if (request.filePath.isEmpty())
            out.baseError = QStringLiteral("the document has not been saved yet");
        else if (!f.open(QIODevice::ReadOnly))
            out.baseError =
                QStringLiteral("cannot read %1: %2").arg(request.filePath, f.errorString());
        else {
            out.baseText = f.readAll();
            out.hasBase = true;
        }
    } else {
        out.baseLabel = request.base;
        QString error;
        if (request.filePath.isEmpty()) {
            out.baseError = QStringLiteral("the document has not been saved yet");
        } else if (const auto repo = GitRepository::discover(request.filePath, &error)) {
            if (const auto data = repo->fileAt(request.base, request.filePath, &error)) {
                out.baseText = *data;
                out.hasBase = true;
            } else {
                out.baseError = error;
            }
        } else {
            out.baseError = error;
        }
    }
    if (!out.hasBase) {
        out.elapsedMs = clock.elapsed();
        return out;
    }

    const QString name = QFileInfo(request.fileName).fileName();
    out.specHunks = TextDiff::hunks(out.baseText, request.text);
    const SpecVersion before = SpecVersion::fromText(out.baseLabel, out.baseText, request.fileName);
    const SpecVersion after = SpecVersion::fromText(name, request.text, request.fileName);
    if (request.artifacts) {
        const SpecDiffResult diff = SpecDiff::compare(before, after, SpecDiff::Options{});
        out.nodes = diff.nodes;
        for (const ArtifactDiff &a : diff.artifacts) {
            if (a.changed())
                out.artifacts.append(a);
        }
    } else {
        out.nodes = SpecDiff::nodeChanges(before.loaded.spec, after.loaded.spec);
    }
    out.elapsedMs = clock.elapsed();
    return out;
}

ChangesComputer::ChangesComputer(QObject *parent)
    : QObject(parent), m_watcher(new QFutureWatcher<ChangesResult>(this))
{
    connect(m_watcher, &QFutureWatcher<ChangesResult>::finished, this, [this] {
        m_running = false;
        const ChangesResult result = m_watcher->result();
        if (m_pending) {
            start(); // superseded: compute the newer request instead of showing a stale one
            return;
        }
        Q_EMIT finished(result);
    });
}

ChangesComputer::~ChangesComputer()
{
    m_pending.reset();
    m_watcher->waitForFinished();
}

void ChangesComputer::request(const ChangesRequest &request)
{
    m_pending = request;
    if (!m_running)
        start();
}

void ChangesComputer::start()
{
    const ChangesRequest r = *m_pending;
    m_pending.reset();
    m_running = true;
    m_watcher->setFuture(QtConcurrent::run(&ChangesResult::compute, r));
}

} // namespace uis
