// SPDX-License-Identifier: Apache-2.0
#include "jobstatus.h"

#include <QJsonArray>
#include <QJsonValue>

namespace uis {

namespace {

struct StateName
{
    JobState state;
    const char *name;
};

constexpr StateName kStates[] = {
    {JobState::Pending, "PENDING"}, {JobState::Submitted, "SUBMITTED"},
    {JobState::Running, "RUNNING"}, {JobState::Succeeded, "SUCCEEDED"},
    {JobState::Failed, "FAILED"},   {JobState::Cancelled, "CANCELLED"},
};

QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QString jobStateName(JobState state)
{
    for (const StateName &s : kStates) {
        if (s.state == state)
            return QString::fromLatin1(s.name);
    }
    return QStringLiteral("UNKNOWN");
}

JobState parseJobState(QStringView name)
{
    for (const StateName &s : kStates) {
        if (name.compare(QLatin1String(s.name), Qt::CaseInsensitive) == 0)
            return s.state;
    }
    return JobState::Unknown;
}

bool isTerminal(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Failed ||
           state == JobState::Cancelled;
}

QString toRfc3339(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromRfc3339(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

qint64 JobStatus::durationSecs(const QDateTime &now) const
{
    const QDateTime start = startedAt.isValid() ? startedAt : QDateTime();
    if (!start.isValid())
        return -1;
    const QDateTime end = finishedAt.isValid() ? finishedAt : now;
    return qMax<qint64>(0, start.secsTo(end));
}

JobStatus JobStatus::fromJson(const QJsonObject &o)
{
    JobStatus s;
    s.jobId = str(o, "job_id");
    s.name = str(o, "name");
    s.team = str(o, "team");
    s.user = str(o, "user");
    s.engine = str(o, "engine");
    s.jobType = str(o, "job_type");
    s.state = parseJobState(str(o, "status"));
    s.engineState = str(o, "engine_state");
    s.createdAt = fromRfc3339(o.value(QLatin1String("created_at")));
    s.startedAt = fromRfc3339(o.value(QLatin1String("started_at")));
    s.finishedAt = fromRfc3339(o.value(QLatin1String("finished_at")));
    const QJsonValue exit = o.value(QLatin1String("exit_code"));
    if (exit.isDouble())
        s.exitCode = exit.toInt();
    s.error = str(o, "error");
    s.uiUrl = str(o, "ui_url");
    s.target = str(o, "target");
    s.engineJobId = str(o, "engine_job_id");
    s.lastConfirmedAt = fromRfc3339(o.value(QLatin1String("last_confirmed_at")));
    s.nodes = NodeRunStats::listFromJson(o.value(QLatin1String("nodes")));
    return s;
}

QJsonObject JobStatus::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("job_id"), jobId);
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("team"), team);
    o.insert(QLatin1String("user"), user);
    o.insert(QLatin1String("engine"), engine);
    o.insert(QLatin1String("job_type"), jobType);
    o.insert(QLatin1String("status"), jobStateName(state));
    o.insert(QLatin1String("engine_state"), orNull(engineState));
    o.insert(QLatin1String("created_at"), orNull(toRfc3339(createdAt)));
    o.insert(QLatin1String("started_at"), orNull(toRfc3339(startedAt)));
    o.insert(QLatin1String("finished_at"), orNull(toRfc3339(finishedAt)));
    o.insert(QLatin1String("exit_code"),
             exitCode ? QJsonValue(*exitCode) : QJsonValue(QJsonValue::Null));
    o.insert(QLatin1String("error"), orNull(error));
    o.insert(QLatin1String("ui_url"), orNull(uiUrl));
    o.insert(QLatin1String("target"), orNull(target));
    o.insert(QLatin1String("engine_job_id"), orNull(engineJobId));
    o.insert(QLatin1String("last_confirmed_at"), orNull(toRfc3339(lastConfirmedAt)));
    if (!nodes.isEmpty())
        o.insert(QLatin1String("nodes"), NodeRunStats::listToJson(nodes));
    return o;
}

NodeRunStats NodeRunStats::fromJson(const QJsonObject &o)
{
    NodeRunStats n;
    n.node = o.value(QLatin1String("node")).toString();
    const auto count = [&o](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() && v.toDouble() >= 0 ? qint64(v.toDouble()) : qint64(-1);
    };
    n.rowsIn = count("rows_in");
    n.rowsOut = count("rows_out");
    n.invalid = count("invalid");
    const QJsonValue rate = o.value(QLatin1String("rows_per_second"));
    n.rowsPerSecond = rate.isDouble() ? rate.toDouble() : -1;
    n.error = o.value(QLatin1String("error")).toString();
    return n;
}

QJsonObject NodeRunStats::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("node"), node);
    if (rowsIn >= 0)
        o.insert(QLatin1String("rows_in"), rowsIn);
    if (rowsOut >= 0)
        o.insert(QLatin1String("rows_out"), rowsOut);
    if (invalid >= 0)
        o.insert(QLatin1String("invalid"), invalid);
    if (rowsPerSecond >= 0)
        o.insert(QLatin1String("rows_per_second"), rowsPerSecond);
    if (!error.isEmpty())
        o.insert(QLatin1String("error"), error);
    return o;
}

QList<NodeRunStats> NodeRunStats::listFromJson(const QJsonValue &v)
{
    QList<NodeRunStats> out;
    for (const QJsonValue &item : v.toArray()) {
        NodeRunStats n = fromJson(item.toObject());
        if (!n.node.isEmpty())
            out.append(n);
    }
    return out;
}

QJsonArray NodeRunStats::listToJson(const QList<NodeRunStats> &list)
{
    QJsonArray a;
    for (const NodeRunStats &n : list)
        a.append(n.toJson());
    return a;
}

JobList JobList::fromJson(const QJsonObject &o)
{
    JobList l;
    const QJsonArray jobs = o.value(QLatin1String("jobs")).toArray();
    l.jobs.reserve(jobs.size());
    for (const QJsonValue &v : jobs)
        l.jobs.append(JobStatus::fromJson(v.toObject()));
    l.nextCursor = str(o, "next_cursor");
    return l;
}

LogChunk LogChunk::fromJson(const QJsonObject &o)
{
    LogChunk c;
    c.jobId = str(o, "job_id");
    c.offset = qint64(o.value(QLatin1String("offset")).toDouble());
    c.nextOffset = qint64(o.value(QLatin1String("next_offset")).toDouble());
    c.complete = o.value(QLatin1String("complete")).toBool();
    c.data = str(o, "data").toUtf8();
    return c;
}

SubmitResult SubmitResult::fromJson(const QJsonObject &o)
{
    SubmitResult r;
    r.jobId = str(o, "job_id");
    r.state = parseJobState(str(o, "status"));
    r.createdAt = fromRfc3339(o.value(QLatin1String("created_at")));
    return r;
}

} // namespace uis
