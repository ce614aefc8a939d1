// SPDX-License-Identifier: Apache-2.0
#include "microbatchschedule.h"

#include "cronexpression.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include <limits>

namespace uis::dcplocal {

namespace {

QString utc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

std::optional<qint64> MicroBatchSchedule::parseInterval(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:interval\\s+)?([0-9]+(?:\\.[0-9]+)?)\\s*"
                       "(ms|msecs?|millis(?:econds?)?|milliseconds?|s|secs?|seconds?|m|mins?|"
                       "minutes?|h|hrs?|hours?|d|days?)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    double factor = 1000.0;
    if (unit.startsWith(QLatin1String("ms")) || unit.startsWith(QLatin1String("milli")))
        factor = 1.0;
    else if (unit.startsWith(QLatin1Char('s')))
        factor = 1000.0;
    else if (unit.startsWith(QLatin1Char('m')))
        factor = 60000.0;
    else if (unit.startsWith(QLatin1Char('h')))
        factor = 3600000.0;
    else if (unit.startsWith(QLatin1Char('d')))
        factor = 86400000.0;
    const qint64 ms = qint64(n * factor + 0.5);
    if (ms <= 0)
        return std::nullopt;
    return ms;
}

std::optional<MicroBatchSchedule> MicroBatchSchedule::interval(qint64 ms)
{
    if (ms <= 0)
        return std::nullopt;
    MicroBatchSchedule s;
    s.m_kind = Kind::Interval;
    s.m_intervalMs = ms;
    return s;
}

std::optional<MicroBatchSchedule> MicroBatchSchedule::cron(const QString &expression,
                                                           QString *error)
{
    std::optional<CronExpression> c = CronExpression::parse(expression, error);
    if (!c)
        return std::nullopt;
    MicroBatchSchedule s;
    s.m_kind = Kind::Cron;
    s.m_cron = std::move(*c);
    return s;
}

std::optional<MicroBatchSchedule> MicroBatchSchedule::fromJobConfig(const QJsonObject &job,
                                                                    QString *error)
{
    if (job.value(QLatin1String("job_type")).toString().toLower() != QLatin1String("micro_batch"))
        return std::nullopt;
    for (const QJsonValue &v : job.value(QLatin1String("sources")).toArray()) {
        const QJsonObject src = v.toObject();
        const QString type = src.value(QLatin1String("type")).toString().toLower();
        if (type == QLatin1String("kafka") || type == QLatin1String("websocket") ||
            type == QLatin1String("webhook") || src.value(QLatin1String("streaming")).toBool())
            return std::nullopt; // a streaming query with its own trigger
    }
    const QJsonObject sched = job.value(QLatin1String("schedule")).toObject();
    const QString cron = sched.value(QLatin1String("cron")).toString();
    const QString every = sched.value(QLatin1String("trigger_interval")).toString();
    std::optional<MicroBatchSchedule> s;
    if (!cron.trimmed().isEmpty()) {
        s = MicroBatchSchedule::cron(cron, error);
    } else if (!every.trimmed().isEmpty()) {
        if (const auto ms = parseInterval(every))
            s = interval(*ms);
        else if (error)
            *error = QStringLiteral("trigger_interval `%1` is not `<n> seconds|minutes|hours`")
                         .arg(every);
    }
    if (s)
        s->setStopOnFailure(sched.value(QLatin1String("stop_on_failure")).toBool(false));
    return s;
}

bool MicroBatchSchedule::matchesDay(const QDate &d) const
{
    const bool dom = m_cron.days[std::size_t(d.day())];
    const bool dow = m_cron.weekdays[std::size_t(d.dayOfWeek() % 7)];
    if (m_cron.anyDay && m_cron.anyWeekday)
        return true;
    if (m_cron.anyDay)
        return dow;
    if (m_cron.anyWeekday)
        return dom;
    return dom || dow; // both restricted: either matches (Vixie cron)
}

QDateTime MicroBatchSchedule::nextRun(const QDateTime &lastStart, const QDateTime &now) const
{
    const QDateTime nowUtc = now.toUTC();
    if (m_kind == Kind::Interval) {
        const QDateTime due = lastStart.toUTC().addMSecs(m_intervalMs);
        return due > nowUtc ? due : nowUtc;
    }
    // The next whole minute after now, then skip what does not match, coarsest field first.
    QDateTime t(nowUtc.date(), QTime(nowUtc.time().hour(), nowUtc.time().minute()), Qt::UTC);
    t = t.addSecs(60);
    const QDate limit = t.date().addYears(5); // `0 0 30 2 *` never comes
    while (t.date() <= limit) {
        const QDate d = t.date();
        if (!m_cron.months[std::size_t(d.month())]) {
            t = QDateTime(QDate(d.year(), d.month(), 1).addMonths(1), QTime(0, 0), Qt::UTC);
            continue;
        }
        if (!matchesDay(d)) {
            t = QDateTime(d.addDays(1), QTime(0, 0), Qt::UTC);
            continue;
        }
        if (!m_cron.hours[std::size_t(t.time().hour())]) {
            t = QDateTime(d, QTime(t.time().hour(), 0), Qt::UTC).addSecs(3600);
            continue;
        }
        if (!m_cron.minutes[std::size_t(t.time().minute())]) {
            t = t.addSecs(60);
            continue;
        }
        return t;
    }
    return QDateTime();
}

QString MicroBatchSchedule::describe() const
{
    if (m_kind == Kind::Cron)
        return QStringLiteral("cron `%1` (UTC)").arg(m_cron.text);
    return QStringLiteral("every %1 s").arg(double(m_intervalMs) / 1000.0);
}

// ---------------------------------------------------------------------------------------------

MicroBatchScheduler::MicroBatchScheduler(QObject *parent) : QObject(parent) {}

void MicroBatchScheduler::setHistory(RunHistoryStore *store)
{
    m_store = store;
    if (!store)
        return;
    RunHistoryStore::History h = store->load();
    for (auto it = h.runs.begin(); it != h.runs.end(); ++it) {
        if (!m_history.contains(it.key())) // this server's own runs are newer
            m_history.insert(it.key(), it.value());
    }
    for (auto it = h.schedules.begin(); it != h.schedules.end(); ++it) {
        if (!m_described.contains(it.key()))
            m_described.insert(it.key(), it.value());
    }
}

void MicroBatchScheduler::keep(const QString &id)
{
    QList<ScheduledRun> &h = m_history[id];
    while (h.size() > RunHistoryStore::MaxRunsPerJob)
        h.removeFirst();
    if (!m_store || h.isEmpty())
        return;
    if (const QString e = m_store->save(id, m_described.value(id), h.last()); !e.isEmpty())
        qWarning("dcp-local: %s", qUtf8Printable(e));
}

MicroBatchScheduler::~MicroBatchScheduler()
{
    for (Job *j : std::as_const(m_jobs)) {
        delete j->timer;
        delete j;
    }
}

int MicroBatchScheduler::runStarting(const QString &id, const QString &jobConfigPath,
                                     QByteArray *logLine)
{
    Job *j = m_jobs.value(id);
    if (!j) {
        if (m_unscheduled.contains(id))
            return 0;
        QFile f(jobConfigPath);
        QString error;
        std::optional<MicroBatchSchedule> s;
        if (f.open(QIODevice::ReadOnly))
            s = MicroBatchSchedule::fromJobConfig(QJsonDocument::fromJson(f.readAll()).object(),
                                                  &error);
        if (!s) {
            m_unscheduled.insert(id, true);
            if (!error.isEmpty() && logLine)
                *logLine = QStringLiteral(
                               "dcp-local: the schedule is not usable (%1): the job runs once\n")
                               .arg(error)
                               .toUtf8();
            return 0;
        }
        j = new Job{*s, 0, {}, {}, nullptr};
        m_jobs.insert(id, j);
    }
    if (j->timer)
        j->timer->stop();
    ++j->run;
    j->runStartedAt = QDateTime::currentDateTimeUtc();
    j->next = QDateTime(); // started: no longer due (schedule_late)
    m_described.insert(id, j->schedule.describe());
    m_history[id].append(ScheduledRun{j->run, j->runStartedAt, {}, QStringLiteral("RUNNING"), {}});
    keep(id);
    if (logLine) {
        QString head =
            QStringLiteral("--- run %1 started at %2").arg(j->run).arg(utc(j->runStartedAt));
        if (j->run == 1)
            head +=
                QStringLiteral(" (micro-batch schedule: %1%2)")
                    .arg(j->schedule.describe(), j->schedule.stopOnFailure()
                                                     ? QStringLiteral("; a failed run ends it")
                                                     : QStringLiteral("; runs until cancelled"));
        *logLine = (head + QLatin1Char('\n')).toUtf8();
    }
    return j->run;
}

int MicroBatchScheduler::runNumber(const QString &id) const
{
    const Job *j = m_jobs.value(id);
    return j ? j->run : 0;
}

bool MicroBatchScheduler::isWaiting(const QString &id) const
{
    const Job *j = m_jobs.value(id);
    return j && j->timer && j->timer->isActive();
}

MicroBatchScheduler::Outcome MicroBatchScheduler::runFinished(const QString &id, bool ok,
                                                              const QString &how,
                                                              const QString &failure)
{
    Outcome o;
    Job *j = m_jobs.value(id);
    if (!j)
        return o;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString line = QStringLiteral("--- run %1 %2 in %3 s")
                       .arg(j->run)
                       .arg(ok ? QStringLiteral("SUCCEEDED") : QStringLiteral("FAILED"))
                       .arg(seconds(j->runStartedAt.msecsTo(now)));
    if (!ok)
        line += QStringLiteral(" (%1)%2").arg(
            how, failure.isEmpty() ? QString() : QStringLiteral(": ") + failure);
    if (QList<ScheduledRun> &h = m_history[id]; !h.isEmpty() && h.last().run == j->run) {
        h.last().finishedAt = now;
        h.last().outcome = ok ? QStringLiteral("SUCCEEDED") : QStringLiteral("FAILED");
        h.last().error = ok ? QString() : (failure.isEmpty() ? how : failure);
        keep(id);
    }
    if (!ok && j->schedule.stopOnFailure()) {
        o.logText = (line + QStringLiteral("; stop_on_failure: the schedule ends\n")).toUtf8();
        return o;
    }
    o.next = j->schedule.nextRun(j->runStartedAt, now);
    if (!o.next.isValid()) {
        o.logText =
            (line + QStringLiteral("; the cron never matches again: the schedule ends\n")).toUtf8();
        return o;
    }
    o.again = true;
    o.engineState = QStringLiteral("SCHEDULED next %1 (run %2)").arg(utc(o.next)).arg(j->run + 1);
    o.logText =
        (line + QStringLiteral("; run %1 at %2\n").arg(j->run + 1).arg(utc(o.next))).toUtf8();
    if (!j->timer) {
        j->timer = new QTimer;
        j->timer->setSingleShot(true);
        j->timer->setTimerType(Qt::PreciseTimer);
        connect(j->timer, &QTimer::timeout, this, [this, id] {
            Job *job = m_jobs.value(id);
            if (!job)
                return;
            // A timer waits at most ~24 days: a later run re-arms it until its time has come.
            if (const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(job->next);
                left > 1000) {
                armTimer(job, left);
                return;
            }
            Q_EMIT due(id);
        });
    }
    j->next = o.next;
    armTimer(j, now.msecsTo(o.next));
    return o;
}

void MicroBatchScheduler::armTimer(Job *j, qint64 ms)
{
    j->timer->start(int(qBound<qint64>(0, ms, qint64(std::numeric_limits<int>::max()))));
}

void MicroBatchScheduler::remove(const QString &id)
{
    m_unscheduled.remove(id);
    // A run still going when the schedule is removed was cancelled (or the server stops).
    if (QList<ScheduledRun> &h = m_history[id];
        !h.isEmpty() && h.last().outcome == QLatin1String("RUNNING")) {
        h.last().outcome = QStringLiteral("CANCELLED");
        h.last().finishedAt = QDateTime::currentDateTimeUtc();
        keep(id);
    }
    if (m_history.value(id).isEmpty())
        m_history.remove(id);
    if (Job *j = m_jobs.take(id)) {
        delete j->timer;
        delete j;
    }
}

QList<MicroBatchScheduler::NextRun> MicroBatchScheduler::nextRuns() const
{
    QList<NextRun> out;
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it)
        out.append({it.key(), it.value()->run + 1, it.value()->next});
    return out;
}

QStringList MicroBatchScheduler::waitingJobs() const
{
    QStringList ids;
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        if (it.value()->timer && it.value()->timer->isActive())
            ids << it.key();
    }
    return ids;
}

} // namespace uis::dcplocal

namespace uis::dcplocal {

QJsonObject MicroBatchScheduler::runsJson(const QString &id) const
{
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(utc(t)) : QJsonValue(QJsonValue::Null);
    };
    QJsonArray runs;
    for (const ScheduledRun &r : m_history.value(id)) {
        QJsonObject o{{QStringLiteral("run"), r.run},
                      {QStringLiteral("started_at"), time(r.startedAt)},
                      {QStringLiteral("finished_at"), time(r.finishedAt)},
                      {QStringLiteral("outcome"), r.outcome},
                      {QStringLiteral("error"),
                       r.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.error)}};
        if (r.finishedAt.isValid())
            o.insert(QStringLiteral("duration_seconds"),
                     double(r.startedAt.msecsTo(r.finishedAt)) / 1000.0);
        runs.append(o);
    }
    const Job *j = m_jobs.value(id);
    return {{QStringLiteral("job_id"), id},
            {QStringLiteral("scheduled"), m_history.contains(id)},
            {QStringLiteral("schedule"), m_described.contains(id)
                                             ? QJsonValue(m_described.value(id))
                                             : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("next_run_at"),
             j && j->timer && j->timer->isActive() ? time(j->next) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("runs"), runs}};
}

} // namespace uis::dcplocal
