// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace uis::dcplocal {

/**
 * The Flink REST calls of savepoints and checkpoints, the one place both targets use: a session
 * cluster's JobManager and the local runner's mini-cluster answer the same API.
 *   POST /jobs/{id}/savepoints            trigger (target-directory)
 *   POST /jobs/{id}/stop                  stop-with-savepoint (targetDirectory, drain)
 *   GET  /jobs/{id}/savepoints/{trigger}  the asynchronous operation's status and location
 *   GET  /jobs/{id}/checkpoints           the latest completed checkpoint
 */
class FlinkSavepointClient : public QObject
{
    Q_OBJECT
public:
    explicit FlinkSavepointClient(QObject *parent = nullptr);

    struct Triggered
    {
        QString triggerId; ///< "" when the request failed
        QString error;
    };
    struct Operation
    {
        QString status; ///< IN_PROGRESS | COMPLETED | FAILED ("" when Flink could not be asked)
        QString location;
        QString error;
    };
    struct Checkpoint
    {
        bool found = false;
        qint64 checkpointId = 0;
        QString path;
        QDateTime at;
        std::optional<qint64> sizeBytes;
        QString error;
    };

    void trigger(const QUrl &base, const QString &flinkJobId, const QString &targetDir,
                 const std::function<void(const Triggered &)> &done);
    void stop(const QUrl &base, const QString &flinkJobId, const QString &targetDir, bool drain,
              const std::function<void(const Triggered &)> &done);
    void operation(const QUrl &base, const QString &flinkJobId, const QString &triggerId,
                   const std::function<void(const Operation &)> &done);
    void latestCheckpoint(const QUrl &base, const QString &flinkJobId,
                          const std::function<void(const Checkpoint &)> &done);

    /// The message of a Flink `failure-cause` / error body: its innermost `Caused by:`.
    static QString failureText(const QJsonValue &cause);

private:
    using Handler = std::function<void(int status, const QJsonDocument &doc, const QString &error)>;
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body,
              const Handler &handler);
    static QUrl join(const QUrl &base, const QString &path);

    QNetworkAccessManager *m_nam;
};

} // namespace uis::dcplocal
