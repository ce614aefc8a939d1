// SPDX-License-Identifier: Apache-2.0
#include "processinfo.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace uis {

namespace {

QByteArray readProc(qint64 pid, const char *what)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

namespace {

/// Field 3 (state) and field 5 (process group) of /proc/<pid>/stat.
bool readStat(qint64 pid, char *state, qint64 *pgrp)
{
    const QByteArray stat = readProc(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return false;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 3)
        return false;
    *state = fields.at(0).isEmpty() ? '?' : fields.at(0).at(0);
    *pgrp = fields.at(2).toLongLong();
    return true;
}

} // namespace

bool ProcessInfo::exists(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno != EPERM)
        return false;
    // A zombie has ended; whoever reaps it (init, a subreaper) may not have done so yet.
    char state = '?';
    qint64 pgrp = 0;
    return !readStat(pid, &state, &pgrp) || (state != 'Z' && state != 'X');
}

quint64 ProcessInfo::startTime(qint64 pid)
{
    if (pid <= 0)
        return 0;
    const QByteArray stat = readProc(pid, "stat");
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); the start time is field 22.
    if (fields.size() < 20)
        return 0;
    return fields.at(19).toULongLong();
}

QStringList ProcessInfo::commandLine(qint64 pid)
{
    if (pid <= 0)
        return {};
    QByteArray raw = readProc(pid, "cmdline");
    if (raw.endsWith('\0'))
        raw.chop(1);
    QStringList args;
    if (raw.isEmpty())
        return args;
    for (const QByteArray &a : raw.split('\0'))
        args << QString::fromLocal8Bit(a);
    return args;
}

qint64 ProcessInfo::processGroup(qint64 pid)
{
    if (pid <= 0)
        return 0;
    const pid_t g = ::getpgid(pid_t(pid));
    return g < 0 ? 0 : qint64(g);
}

QList<qint64> ProcessInfo::groupMembers(qint64 pgid)
{
    QList<qint64> members;
    if (pgid <= 1 || (::kill(-pid_t(pgid), 0) != 0 && errno != EPERM))
        return members;
    const QStringList entries =
        QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        char state = '?';
        qint64 pgrp = 0;
        if (ok && readStat(pid, &state, &pgrp) && pgrp == pgid && state != 'Z' && state != 'X')
            members.append(pid);
    }
    return members;
}

bool ProcessInfo::isOurs(qint64 pid, quint64 startTime, const QString &marker)
{
    if (!exists(pid) || startTime == 0 || ProcessInfo::startTime(pid) != startTime)
        return false;
    if (marker.isEmpty())
        return true;
    const QStringList args = commandLine(pid);
    for (const QString &a : args) {
        if (a.contains(marker))
            return true;
    }
    return false;
}

bool ProcessInfo::signalGroup(qint64 pgid, int signal)
{
    // Never group 0 or 1 (our own group, init): a bad record must not become a broad kill.
    if (pgid <= 1)
        return false;
    return ::kill(-pid_t(pgid), signal) == 0;
}

} // namespace uis
