// SPDX-License-Identifier: Apache-2.0
#include "jobsmodel.h"

#include <QColor>
#include <QFile>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>

namespace uis {

namespace {

QString duration(qint64 secs)
{
    if (secs < 0)
        return QString();
    if (secs < 60)
        return JobsModel::tr("%1 s").arg(secs);
    if (secs < 3600)
        return JobsModel::tr("%1 min %2 s").arg(secs / 60).arg(secs % 60);
    return JobsModel::tr("%1 h %2 min").arg(secs / 3600).arg((secs % 3600) / 60);
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

JobsModel::JobsModel(const QString &storePath, QObject *parent)
    : QAbstractItemModel(parent), m_storePath(storePath)
{
    load();
}

// A job row's internal id is 0; a run row's is its job's uid (rows move, uids do not).
QModelIndex JobsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_entries.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_entries.size())
        return {};
    const JobEntry &e = m_entries.at(parent.row());
    return row < e.runs.size() ? createIndex(row, column, e.uid) : QModelIndex();
}

QModelIndex JobsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = rowOfUid(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_entries.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_entries.size())
        return 0;
    return int(m_entries.at(parent.row()).runs.size());
}

int JobsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

int JobsModel::rowOfUid(quintptr uid) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).uid == uid)
            return i;
    return -1;
}

int JobsModel::jobRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return index.internalId() == 0 ? index.row() : rowOfUid(index.internalId());
}

const JobEntry *JobsModel::entryAt(const QModelIndex &index) const
{
    return entry(jobRow(index));
}

QColor JobsModel::stateColor(JobState state)
{
    switch (state) {
    case JobState::Pending:
    case JobState::Submitted:
        return QColor(0x8a, 0x8a, 0x8a);
    case JobState::Running:
        return QColor(0x1e, 0x6f, 0xd9);
    case JobState::Succeeded:
        return QColor(0x2e, 0x8b, 0x3e);
    case JobState::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case JobState::Cancelled:
        return QColor(0xb0, 0x6d, 0x00);
    case JobState::Unknown:
        break;
    }
    return QColor(0x60, 0x60, 0x60);
}

QIcon JobsModel::stateIcon(JobState state)
{
    // Drawn, not themed: the same shape and colour on every platform and in offscreen tests.
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = stateColor(state);
    p.setPen(QPen(c, 1.5));
    p.setBrush(isTerminal(state) ? c : QColor(Qt::transparent));
    switch (state) {
    case JobState::Running:
        p.setBrush(c);
        p.drawPolygon(QPolygonF{QPointF(4, 3), QPointF(13, 8), QPointF(4, 13)});
        break;
    case JobState::Succeeded:
        p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p.setPen(QPen(Qt::white, 2));
        p.drawPolyline(QPolygonF{QPointF(4.5, 8), QPointF(7, 10.5), QPointF(11.5, 5.5)});
        break;
    case JobState::Failed:
        p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p.setPen(QPen(Qt::white, 2));
        p.drawLine(QPointF(5, 5), QPointF(11, 11));
        p.drawLine(QPointF(11, 5), QPointF(5, 11));
        break;
    case JobState::Cancelled:
        p.drawRect(QRectF(3, 3, 10, 10));
        break;
    default:
        p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    }
    return QIcon(pm);
}

QIcon JobsModel::warningIcon()
{
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x9a, 0x60, 0x00), 1));
    p.setBrush(QColor(0xf2, 0xb1, 0x1b));
    p.drawPolygon(QPolygonF{QPointF(8, 1.5), QPointF(15, 14.5), QPointF(1, 14.5)});
    p.setPen(QPen(Qt::black, 1.8));
    p.drawLine(QPointF(8, 5.5), QPointF(8, 10));
    p.drawPoint(QPointF(8, 12.5));
    return QIcon(pm);
}

bool JobsModel::isRestartLoop(const JobStatus &status)
{
    return !isTerminal(status.state) &&
           status.engineState.startsWith(QLatin1String("RESTARTING"), Qt::CaseInsensitive);
}

QString JobsModel::agoText(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QString();
    const qint64 secs = qMax<qint64>(0, time.secsTo(now));
    if (secs < 60)
        return tr("%1 s ago").arg(secs);
    if (secs < 3600)
        return tr("%1 min ago").arg(secs / 60);
    if (secs < 86400)
        return tr("%1 h ago").arg(secs / 3600);
    return localTime(time);
}

QString JobsModel::confirmedText(const JobStatus &status, const QDateTime &now)
{
    if (status.lastConfirmedAt.isValid())
        return tr("confirmed %1").arg(agoText(status.lastConfirmedAt, now));
    // A local child process is the server's own: no engine outside it to confirm the state.
    if (status.target.isEmpty() || status.target == QLatin1String("local") ||
        isTerminal(status.state))
        return QString();
    return tr("not confirmed yet");
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return jobData(m_entries.at(index.row()), index.column(), role);
    const JobEntry *job = entry(rowOfUid(index.internalId()));
    if (!job || index.row() >= job->runs.size())
        return {};
    return runData(*job, job->runs.at(index.row()), index.column(), role);
}

QVariant JobsModel::runData(const JobEntry &job, const JobRun &run, int column, int role) const
{
    switch (role) {
    case JobIdRole:
        return job.status.jobId;
    case EnvironmentRole:
        return job.environment;
    case StateRole:
        return int(run.state());
    case TargetRole:
        return job.status.target;
    case RunRole:
        return run.run;
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return tr("Run %1").arg(run.run);
        case StatusColumn:
            return run.outcome;
        case EngineStateColumn:
            return run.error.section(QLatin1Char('\n'), 0, 0);
        case SubmittedColumn:
            return localTime(run.startedAt);
        case DurationColumn:
            return duration(run.durationSecs());
        default:
            return {};
        }
    case Qt::DecorationRole:
        return column == StatusColumn ? QVariant(stateIcon(run.state())) : QVariant();
    case Qt::ForegroundRole:
        return column == StatusColumn ? QVariant(stateColor(run.state())) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = tr("Run %1 of %2: %3").arg(run.run).arg(job.status.jobId, run.outcome);
        if (run.startedAt.isValid())
            tip += QLatin1Char('\n') + tr("Started %1").arg(localTime(run.startedAt));
        if (run.finishedAt.isValid())
            tip += QLatin1Char('\n') + tr("Ended %1").arg(localTime(run.finishedAt));
        if (!run.error.isEmpty())
            tip += QLatin1Char('\n') + run.error;
        return tip;
    }
    default:
        return {};
    }
}

QVariant JobsModel::jobData(const JobEntry &e, int column, int role) const
{
    const JobStatus &s = e.status;
    switch (role) {
    case JobIdRole:
        return s.jobId;
    case EnvironmentRole:
        return e.environment;
    case StateRole:
        return int(s.state);
    case TargetRole:
        return s.target;
    case LastConfirmedRole:
        return s.lastConfirmedAt;
    case RestartLoopRole:
        return isRestartLoop(s);
    case RunRole:
        return 0;
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return s.name.isEmpty() ? s.jobId : s.name;
        case EngineColumn:
            return s.engine;
        case StatusColumn:
            return jobStateName(s.state);
        case EngineStateColumn:
            return s.engineState;
        case TargetColumn:
            return s.target;
        case ConfirmedColumn:
            return confirmedText(s);
        case SubmittedColumn:
            return localTime(s.createdAt);
        case DurationColumn:
            return duration(s.durationSecs());
        case LastPollColumn:
            return e.lastPoll.isValid()
                       ? e.lastPoll.toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                       : QString();
        }
        break;
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return stateIcon(s.state);
        if (column == EngineStateColumn && isRestartLoop(s))
            return warningIcon();
        break;
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return stateColor(s.state);
        break;
    case Qt::ToolTipRole: {
        QString tip = tr("%1 on %2").arg(s.jobId, e.environment);
        if (!s.target.isEmpty())
            tip +=
                QLatin1Char('\n') + tr("Target: %1").arg(s.target) +
                (s.engineJobId.isEmpty() ? QString() : tr(" (engine job %1)").arg(s.engineJobId));
        if (isRestartLoop(s))
            tip += QLatin1Char('\n') +
                   tr("The engine keeps restarting this job: %1").arg(s.engineState);
        if (s.lastConfirmedAt.isValid())
            tip += QLatin1Char('\n') +
                   tr("State %1 (%2)").arg(confirmedText(s), localTime(s.lastConfirmedAt));
        if (!s.error.isEmpty())
            tip += QLatin1Char('\n') + s.error;
        if (!s.uiUrl.isEmpty())
            tip += QLatin1Char('\n') + tr("Engine UI: %1").arg(s.uiUrl);
        return tip;
    }
    default:
        break;
    }
    return {};
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EngineColumn:
        return tr("Engine");
    case StatusColumn:
        return tr("Status");
    case EngineStateColumn:
        return tr("Engine state");
    case TargetColumn:
        return tr("Target");
    case ConfirmedColumn:
        return tr("Confirmed");
    case SubmittedColumn:
        return tr("Submitted");
    case DurationColumn:
        return tr("Duration");
    case LastPollColumn:
        return tr("Last poll");
    }
    return {};
}

const JobEntry *JobsModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int JobsModel::rowOf(const QString &environment, const QString &jobId) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).status.jobId == jobId && m_entries.at(i).environment == environment)
            return i;
    }
    return -1;
}

void JobsModel::upsert(const QString &environment, const JobStatus &status,
                       const QDateTime &lastPoll)
{
    const int row = rowOf(environment, status.jobId);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_entries.prepend(JobEntry{environment, status, lastPoll, {}, m_nextUid++});
        endInsertRows();
        save();
        return;
    }
    JobEntry &e = m_entries[row];
    const bool changed = !(e.status == status);
    // A partial status (a submit answer) must not wipe what a poll already knew.
    JobStatus merged = status;
    if (merged.name.isEmpty())
        merged.name = e.status.name;
    if (merged.engine.isEmpty())
        merged.engine = e.status.engine;
    if (merged.target.isEmpty())
        merged.target = e.status.target;
    e.status = merged;
    if (lastPoll.isValid())
        e.lastPoll = lastPoll;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (changed)
        save();
}

void JobsModel::remove(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    save();
}

void JobsModel::setRuns(const QString &environment, const QString &jobId, const QList<JobRun> &runs)
{
    const int row = rowOf(environment, jobId);
    if (row < 0)
        return;
    const QModelIndex parent = index(row, 0);
    QList<JobRun> &have = m_entries[row].runs;
    // Both lists are newest first: walk them together like a merge of sorted lists.
    int i = 0;
    for (const JobRun &r : runs) {
        while (i < have.size() && have.at(i).run > r.run) { // gone from the server's answer
            beginRemoveRows(parent, i, i);
            have.removeAt(i);
            endRemoveRows();
        }
        if (i < have.size() && have.at(i).run == r.run) {
            if (!(have.at(i) == r)) {
                have[i] = r;
                Q_EMIT dataChanged(index(i, 0, parent), index(i, ColumnCount - 1, parent));
            }
        } else {
            beginInsertRows(parent, i, i);
            have.insert(i, r);
            endInsertRows();
        }
        ++i;
    }
    if (i < have.size()) {
        beginRemoveRows(parent, i, int(have.size()) - 1);
        have.resize(i);
        endRemoveRows();
    }
}

void JobsModel::tick()
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (!isTerminal(m_entries.at(i).status.state))
            Q_EMIT dataChanged(index(i, DurationColumn), index(i, ConfirmedColumn),
                               {Qt::DisplayRole});
        const QList<JobRun> &runs = m_entries.at(i).runs;
        if (!runs.isEmpty() && !runs.first().finishedAt.isValid()) {
            const QModelIndex parent = index(i, 0);
            Q_EMIT dataChanged(index(0, DurationColumn, parent), index(0, DurationColumn, parent),
                               {Qt::DisplayRole});
        }
    }
}

bool JobsModel::load()
{
    if (m_storePath.isEmpty())
        return false;
    QFile f(m_storePath);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonArray jobs =
        QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("jobs")).toArray();
    beginResetModel();
    m_entries.clear();
    for (const QJsonValue &v : jobs) {
        const QJsonObject o = v.toObject();
        JobEntry e;
        e.environment = o.value(QLatin1String("environment")).toString();
        e.status = JobStatus::fromJson(o.value(QLatin1String("status")).toObject());
        e.lastPoll = fromRfc3339(o.value(QLatin1String("last_poll")));
        e.uid = m_nextUid++;
        if (!e.status.jobId.isEmpty())
            m_entries.append(e);
    }
    endResetModel();
    return true;
}

bool JobsModel::save() const
{
    if (m_storePath.isEmpty())
        return true;
    QJsonArray jobs;
    for (const JobEntry &e : m_entries)
        jobs.append(QJsonObject{{QStringLiteral("environment"), e.environment},
                                {QStringLiteral("status"), e.status.toJson()},
                                {QStringLiteral("last_poll"), toRfc3339(e.lastPoll)}});
    QSaveFile f(m_storePath);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(
        QJsonDocument(QJsonObject{{QStringLiteral("jobs"), jobs}}).toJson(QJsonDocument::Compact));
    return f.commit();
}

} // namespace uis
