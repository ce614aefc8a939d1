// SPDX-License-Identifier: Apache-2.0
// EndpointSampler (what the designer's Sample view runs) on the sources added after REST and
// files: asynchronous (start() returns at once, the result comes by signal), secrets never in
// what it reports, Stop, and failures that say what to do. WebSocket against a real
// QWebSocketServer on 127.0.0.1; PostgreSQL and Kafka against a port nothing listens on (the
// real servers are in tests/cli/test_sample_{postgres,kafka}.py).
#include "endpointsampler.h"
#include "specloader.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace uis;

namespace {

const QString kToken = QStringLiteral("tok-Secret-99");

quint16 deadPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort(); // closed when s goes: nothing listens there afterwards
}

PlaceholderResolver::Lookup lookupOf(const QHash<QString, QString> &values)
{
    return [values](const Placeholder &p) -> std::optional<QString> {
        const auto it = values.constFind(PlaceholderResolver::variableFor(p));
        return it == values.cend() ? std::nullopt : std::optional<QString>(*it);
    };
}

Spec specOf(const QByteArray &yaml)
{
    const LoadedSpec loaded = SpecLoader::load(yaml);
    return loaded.spec;
}

} // namespace

class TestEndpointSampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void webSocketRecordsOffTheCallersStack()
    {
        QWebSocketServer server(QStringLiteral("t"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray seenAuth;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *ws = server.nextPendingConnection();
            seenAuth = ws->request().rawHeader("Authorization");
            for (int i = 1; i <= 3; ++i)
                ws->sendTextMessage(QStringLiteral("{\"id\": %1, \"name\": \"n%1\"}").arg(i));
        });
        const Spec spec = specOf(
            QStringLiteral(
                "version: \"1.1\"\nname: ws\nprovider:\n  name: feed\n  provider_type: websocket\n"
                "  base_url: ws://127.0.0.1:%1\n  mode: websocket\n"
                "  config: { kafka_bootstrap_servers: \"127.0.0.1:9\" }\n"
                "  endpoints:\n    - name: ticks\n      path: /t\n"
                "      headers: { Authorization: \"Bearer {{env.TOKEN}}\" }\n"
                "  sinks:\n    - type: console\n")
                .arg(server.serverPort())
                .toUtf8());
        QCOMPARE(EndpointSampler::placeholdersOf(spec, 0).size(), 1);
        EndpointSampler sampler;
        QSignalSpy finished(&sampler, &EndpointSampler::finished);
        QSignalSpy failed(&sampler, &EndpointSampler::failed);
        RestSampleOptions options;
        options.maxRecords = 2;
        options.timeoutMs = 10000;
        sampler.start(spec, 0, lookupOf({{QStringLiteral("TOKEN"), kToken}}), options);
        QVERIFY(sampler.isRunning()); // nothing was read on the caller's stack
        QVERIFY(finished.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(seenAuth, QByteArray("Bearer ") + kToken.toUtf8());
        const EndpointSample &r = sampler.result();
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records.at(1).toObject().value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(r.schema.size(), 2);
        QCOMPARE(r.schema.at(0).type, QStringLiteral("int"));
        QCOMPARE(r.secrets, QStringList{kToken});
    }

    void webSocketStop()
    {
        QWebSocketServer server(QStringLiteral("t"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost)); // accepts, never sends
        const Spec spec = specOf(
            QStringLiteral(
                "version: \"1.1\"\nname: ws\nprovider:\n  name: feed\n  provider_type: websocket\n"
                "  base_url: ws://127.0.0.1:%1\n  mode: websocket\n"
                "  config: { kafka_bootstrap_servers: \"127.0.0.1:9\" }\n"
                "  endpoints:\n    - name: ticks\n      path: /t\n"
                "  sinks:\n    - type: console\n")
                .arg(server.serverPort())
                .toUtf8());
        EndpointSampler sampler;
        QSignalSpy failed(&sampler, &EndpointSampler::failed);
        sampler.start(spec, 0, lookupOf({}));
        QTest::qWait(200);
        sampler.stop();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("stopped"));
        QVERIFY(!sampler.isRunning());
    }

    void postgresDeadPortFailsAsynchronouslyWithoutThePassword()
    {
        const Spec spec = specOf(
            QStringLiteral(
                "version: \"1.1\"\nname: cdc\nprovider:\n  name: db\n  provider_type: database\n"
                "  mode: streaming\n  endpoints:\n    - name: orders\n      connector: "
                "postgres-cdc\n"
                "      hostname: 127.0.0.1\n      port: %1\n      database_name: shop\n"
                "      tables: [orders]\n      username: u\n      password: \"{{env.PW}}\"\n"
                "      slot_name: s\n  sinks:\n    - type: console\n")
                .arg(deadPort())
                .toUtf8());
        QString why;
        QVERIFY(EndpointSampler::canSample(QStringLiteral("database"), &why));
        QCOMPARE(EndpointSampler::placeholdersOf(spec, 0).size(), 1);
        EndpointSampler sampler;
        QSignalSpy failed(&sampler, &EndpointSampler::failed);
        RestSampleOptions options;
        options.timeoutMs = 5000;
        sampler.start(spec, 0, lookupOf({{QStringLiteral("PW"), QStringLiteral("pw-Secret-1")}}),
                      options);
        QVERIFY(sampler.isRunning());
        QVERIFY(failed.wait(15000));
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("cannot connect")), qPrintable(message));
        QVERIFY(!message.contains(QLatin1String("pw-Secret-1")));
    }

    void kafkaDeadBrokerFailsWithinTheBound()
    {
        const Spec spec = specOf(
            QStringLiteral(
                "version: \"1.1\"\nname: k\nprovider:\n  name: events\n  provider_type: kafka\n"
                "  mode: streaming\n  config: { kafka_bootstrap_servers: \"127.0.0.1:%1\" }\n"
                "  endpoints:\n    - name: orders\n      topic: orders\n      format: json\n"
                "  sinks:\n    - type: console\n")
                .arg(deadPort())
                .toUtf8());
        EndpointSampler sampler;
        QSignalSpy failed(&sampler, &EndpointSampler::failed);
        RestSampleOptions options;
        options.timeoutMs = 3000;
        QElapsedTimer t;
        t.start();
        sampler.start(spec, 0, lookupOf({}), options);
        QVERIFY(sampler.isRunning());
        QVERIFY(failed.wait(15000));
        QVERIFY(t.elapsed() < 10000);
        QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("cannot reach the Kafka")),
                 qPrintable(failed.at(0).at(0).toString()));
    }
};

QTEST_GUILESS_MAIN(TestEndpointSampler)
#include "tst_endpointsampler.moc"
