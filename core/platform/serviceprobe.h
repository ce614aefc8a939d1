// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QTcpSocket;

namespace uis {

/**
 * One readiness check of a service, asked again and again by PlatformService until it passes:
 * an HTTP GET whose JSON a predicate judges (Flink /overview, Spark /json/), a Kafka Metadata
 * request (the broker answers with itself in the broker list), an S3 ListBuckets signed with
 * the store's keys, or an HTTP/2 handshake with a gRPC server (Spark Connect answers the client
 * preface with its SETTINGS). Each check() ends with exactly one answered() signal.
 */
class ServiceProbe : public QObject
{
    Q_OBJECT
public:
    /// Returns "" when the JSON shows the service ready, else what it is still waiting for.
    using JsonCheck = std::function<QString(const QJsonDocument &)>;

    static ServiceProbe *httpJson(const QUrl &url, JsonCheck check, QObject *parent = nullptr);
    static ServiceProbe *kafkaMetadata(quint16 port, QObject *parent = nullptr);
    static ServiceProbe *grpcHandshake(quint16 port, QObject *parent = nullptr);
    static ServiceProbe *s3ListBuckets(const QUrl &endpoint, const QString &accessKey,
                                       const QString &secretKey, QObject *parent = nullptr);

    /// HTTP checks send `Authorization: Bearer` with the content of this file (read each time).
    void setBearerTokenFile(const QString &path) { m_tokenFile = path; }
    /// Starts one check; ignored while one is running.
    void check();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// `ready` false: `detail` says why (connection refused, no TaskManager yet, …).
    void answered(bool ready, const QString &detail);

private:
    enum class Kind { HttpJson, Kafka, S3, Grpc };
    explicit ServiceProbe(Kind kind, QObject *parent);
    void checkHttp();
    void checkKafka();
    void checkGrpc();
    /// Connects to m_port, sends `request` once connected and hands what arrives to `judge`,
    /// which returns nullopt while it needs more bytes, else (ready, detail).
    using Judge = std::function<std::optional<std::pair<bool, QString>>(const QByteArray &)>;
    void exchange(const QByteArray &request, Judge judge, const QString &silence);
    void finish(bool ready, const QString &detail);

    Kind m_kind;
    QUrl m_url;
    JsonCheck m_check;
    quint16 m_port = 0;
    QString m_accessKey;
    QString m_secretKey;
    QString m_tokenFile;
    bool m_busy = false;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QTcpSocket> m_socket;
};

} // namespace uis
