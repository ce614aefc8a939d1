// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

class QProcess;

namespace uis::dcplocal {

/**
 * The Python side of the collector (runners/uis_runners/metrics/helper.py), one long-lived child
 * process spoken to in JSON lines: what only the runners know (a Flink operator's spec node,
 * a job's Kafka sources, a broker's end offsets) without a process per sample. Asynchronous:
 * request() returns at once and calls back with the result or an error; a request that gets
 * no answer within the timeout fails (the helper is then restarted), so a hung broker never
 * holds the collector.
 */
class MetricsHelper : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const QJsonObject &result, const QString &error)>;

    /// `python`: the interpreter (the project's .venv); `runnersDir`: the runners/ folder.
    MetricsHelper(QString python, QString runnersDir, QObject *parent = nullptr);
    ~MetricsHelper() override;

    /// Sends `{"op": op, …args}`; `done` is called exactly once (on this object's thread).
    void request(const QString &op, QJsonObject args, Callback done);
    bool available() const { return !m_python.isEmpty(); }
    int pending() const { return int(m_pending.size()); }

private:
    struct Pending
    {
        Callback done;
        qint64 sentMs = 0;
    };

    bool ensureStarted(QString *error);
    void onReadyRead();
    void failAll(const QString &error);
    void checkTimeouts();

    QString m_python;
    QString m_runnersDir;
    QProcess *m_process = nullptr;
    QByteArray m_partial;
    qint64 m_nextId = 1;
    QHash<qint64, Pending> m_pending;
};

} // namespace uis::dcplocal
