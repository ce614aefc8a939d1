// SPDX-License-Identifier: Apache-2.0
#include "clustersmodel.h"

#include "jobsmodel.h"

#include <QColor>

namespace uis {

namespace {

QString memory(double mb)
{
    if (mb >= 1024)
        return ClustersModel::tr("%1 GiB").arg(mb / 1024.0, 0, 'f', 1);
    return ClustersModel::tr("%1 MiB").arg(qint64(mb));
}

QVariant figure(const TargetInfo &t, const char *key)
{
    const QJsonValue v = t.overview.value(QLatin1String(key));
    return v.isDouble() ? QVariant(v.toInt()) : QVariant();
}

} // namespace

TargetInfo TargetInfo::fromJson(const QJsonObject &o)
{
    TargetInfo t;
    t.name = o.value(QLatin1String("name")).toString();
    t.kind = o.value(QLatin1String("kind")).toString();
    for (const QJsonValue &e : o.value(QLatin1String("engines")).toArray())
        t.engines << e.toString();
    t.reachable = o.value(QLatin1String("reachable")).toBool();
    t.checkedAt = fromRfc3339(o.value(QLatin1String("checked_at")));
    t.error = o.value(QLatin1String("error")).toString();
    t.overview = o.value(QLatin1String("overview")).toObject();
    // The server may name the engine's UI; the kinds' own settings first.
    for (const char *key : {"ui_url", "master_ui", "rest_url"}) {
        const QString u = o.value(QLatin1String(key)).toString();
        if (!u.isEmpty()) {
            t.uiUrl = QUrl(u);
            break;
        }
    }
    return t;
}

ClustersModel::ClustersModel(QObject *parent) : QAbstractTableModel(parent) {}

int ClustersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int ClustersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> ClustersModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{NameRole, "name"},
                  {KindRole, "kind"},
                  {EnginesRole, "engines"},
                  {ReachableRole, "reachable"},
                  {CheckedAtRole, "checkedAt"},
                  {ErrorRole, "error"},
                  {OverviewRole, "overview"},
                  {UiUrlRole, "uiUrl"},
                  {RunningJobsRole, "runningJobs"},
                  {TaskManagersRole, "taskManagers"},
                  {SlotsTotalRole, "slotsTotal"},
                  {SlotsAvailableRole, "slotsAvailable"},
                  {EngineJobsRunningRole, "engineJobsRunning"},
                  {AliveWorkersRole, "aliveWorkers"},
                  {CoresRole, "cores"},
                  {CoresUsedRole, "coresUsed"},
                  {MemoryMbRole, "memoryMb"},
                  {MemoryUsedMbRole, "memoryUsedMb"}});
    return names;
}

QString ClustersModel::overviewText(const TargetInfo &t)
{
    const QJsonObject &o = t.overview;
    if (o.isEmpty())
        return t.reachable ? QString() : t.error;
    auto n = [&o](const char *key) { return o.value(QLatin1String(key)).toInt(); };
    if (t.kind == QLatin1String("flink-session")) {
        return tr("%n TaskManager(s)", nullptr, n("taskmanagers")) + QStringLiteral(" · ") +
               tr("%1/%2 slots free").arg(n("slots_available")).arg(n("slots_total")) +
               QStringLiteral(" · ") + tr("%n running job(s)", nullptr, n("jobs_running"));
    }
    if (t.kind == QLatin1String("spark-standalone")) {
        return tr("%n alive worker(s)", nullptr, n("alive_workers")) + QStringLiteral(" · ") +
               tr("%1 cores (%2 used)").arg(n("cores")).arg(n("cores_used")) +
               QStringLiteral(" · ") +
               tr("%1 memory (%2 used)")
                   .arg(memory(o.value(QLatin1String("memory_mb")).toDouble()),
                        memory(o.value(QLatin1String("memory_used_mb")).toDouble()));
    }
    if (o.contains(QLatin1String("running")))
        return tr("%n local job(s) running", nullptr, n("running"));
    return {};
}

QUrl ClustersModel::uiUrl(int row) const
{
    const TargetInfo *t = target(row);
    if (!t)
        return {};
    if (t->uiUrl.isValid())
        return t->uiUrl;
    if (const QUrl hint = m_hints.value(t->name); hint.isValid())
        return hint;
    if (t->kind == QLatin1String("local"))
        return {};
    // A job's UI on a cluster lives under the engine's own UI: keep its origin.
    for (const JobStatus &j : m_jobs) {
        if (j.target == t->name && !j.uiUrl.isEmpty()) {
            const QUrl u(j.uiUrl);
            return u.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
        }
    }
    return {};
}

QVariant ClustersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TargetInfo &t = m_targets.at(index.row());
    switch (role) {
    case NameRole:
        return t.name;
    case KindRole:
        return t.kind;
    case EnginesRole:
        return t.engines;
    case ReachableRole:
        return t.reachable;
    case CheckedAtRole:
        return t.checkedAt;
    case ErrorRole:
        return t.error;
    case OverviewRole:
        return t.overview.toVariantMap();
    case UiUrlRole:
        return uiUrl(index.row());
    case RunningJobsRole:
        return int(runningJobs(t.name).size());
    case TaskManagersRole:
        return figure(t, "taskmanagers");
    case SlotsTotalRole:
        return figure(t, "slots_total");
    case SlotsAvailableRole:
        return figure(t, "slots_available");
    case EngineJobsRunningRole:
        return figure(t, "jobs_running");
    case AliveWorkersRole:
        return figure(t, "alive_workers");
    case CoresRole:
        return figure(t, "cores");
    case CoresUsedRole:
        return figure(t, "cores_used");
    case MemoryMbRole:
        return figure(t, "memory_mb");
    case MemoryUsedMbRole:
        return figure(t, "memory_used_mb");
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return t.name;
        case KindColumn:
            return tr("%1 (%2)").arg(t.kind, t.engines.join(QStringLiteral(", ")));
        case HealthColumn:
            return t.reachable ? tr("✓ reachable") : tr("✗ unreachable");
        case OverviewColumn:
            return overviewText(t);
        case JobsColumn:
            return int(runningJobs(t.name).size());
        case CheckedColumn:
            return t.checkedAt.isValid() ? JobsModel::agoText(t.checkedAt) : tr("not checked yet");
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == HealthColumn)
            return t.reachable ? QColor(0x2e, 0x8b, 0x3e) : QColor(0xc6, 0x28, 0x28);
        break;
    case Qt::ToolTipRole: {
        QString tip =
            tr("%1: %2, runs %3").arg(t.name, t.kind, t.engines.join(QStringLiteral(", ")));
        if (!t.error.isEmpty())
            tip += QLatin1Char('\n') + t.error;
        if (t.checkedAt.isValid())
            tip += QLatin1Char('\n') +
                   tr("Checked at %1").arg(QLocale().toString(t.checkedAt.toLocalTime()));
        if (const QUrl u = uiUrl(index.row()); u.isValid())
            tip += QLatin1Char('\n') + tr("Web UI: %1").arg(u.toString());
        return tip;
    }
    default:
        break;
    }
    return {};
}

QVariant ClustersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Target");
    case KindColumn:
        return tr("Kind");
    case HealthColumn:
        return tr("Health");
    case OverviewColumn:
        return tr("Overview");
    case JobsColumn:
        return tr("Running jobs");
    case CheckedColumn:
        return tr("Checked");
    }
    return {};
}

void ClustersModel::setTargets(const QJsonArray &targets)
{
    QList<TargetInfo> list;
    for (const QJsonValue &v : targets) {
        TargetInfo t = TargetInfo::fromJson(v.toObject());
        if (!t.name.isEmpty())
            list.append(t);
    }
    bool sameNames = list.size() == m_targets.size();
    for (int i = 0; sameNames && i < list.size(); ++i)
        sameNames = list.at(i).name == m_targets.at(i).name;
    if (!sameNames) {
        beginResetModel();
        m_targets = list;
        endResetModel();
        return;
    }
    for (int i = 0; i < list.size(); ++i) {
        if (!(list.at(i) == m_targets.at(i))) {
            m_targets[i] = list.at(i);
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
}

void ClustersModel::setJobs(const QList<JobStatus> &jobs)
{
    m_jobs.clear();
    for (const JobStatus &j : jobs) {
        if (!isTerminal(j.state))
            m_jobs.append(j);
    }
    if (!m_targets.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_targets.size()) - 1, ColumnCount - 1));
}

void ClustersModel::setUiHints(const QHash<QString, QUrl> &hints)
{
    m_hints = hints;
    if (!m_targets.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_targets.size()) - 1, ColumnCount - 1),
                           {UiUrlRole, Qt::ToolTipRole});
}

void ClustersModel::clear()
{
    beginResetModel();
    m_targets.clear();
    m_jobs.clear();
    endResetModel();
}

const TargetInfo *ClustersModel::target(int row) const
{
    return row >= 0 && row < m_targets.size() ? &m_targets.at(row) : nullptr;
}

int ClustersModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).name == name)
            return i;
    }
    return -1;
}

QList<JobStatus> ClustersModel::runningJobs(const QString &target) const
{
    QList<JobStatus> out;
    for (const JobStatus &j : m_jobs) {
        if (j.target == target)
            out.append(j);
    }
    return out;
}

void ClustersModel::tick()
{
    if (!m_targets.isEmpty())
        Q_EMIT dataChanged(index(0, CheckedColumn), index(int(m_targets.size()) - 1, CheckedColumn),
                           {Qt::DisplayRole});
}

} // namespace uis
