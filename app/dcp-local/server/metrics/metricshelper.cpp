// SPDX-License-Identifier: Apache-2.0
#include "metricshelper.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

namespace uis::dcplocal {

namespace {

constexpr qint64 TimeoutMs = 15'000;

} // namespace

MetricsHelper::MetricsHelper(QString python, QString runnersDir, QObject *parent)
    : QObject(parent), m_python(std::move(python)), m_runnersDir(std::move(runnersDir))
{
    auto *timer = new QTimer(this);
    timer->setInterval(1000);
    connect(timer, &QTimer::timeout, this, &MetricsHelper::checkTimeouts);
    timer->start();
}

MetricsHelper::~MetricsHelper()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->closeWriteChannel(); // the helper ends at the end of its input
        if (!m_process->waitForFinished(2000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
    m_pending.clear(); // their owners are being destroyed too: no callbacks now
}

bool MetricsHelper::ensureStarted(QString *error)
{
    if (m_python.isEmpty()) {
        *error = QStringLiteral("no Python for the metrics helper (the project's .venv)");
        return false;
    }
    if (m_process && m_process->state() != QProcess::NotRunning)
        return true;
    delete m_process;
    m_process = new QProcess(this);
    m_partial.clear();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONPATH"), m_runnersDir);
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, &MetricsHelper::onReadyRead);
    connect(m_process, &QProcess::finished, this,
            [this] { failAll(QStringLiteral("the metrics helper ended")); });
    m_process->start(m_python,
                     {QStringLiteral("-m"), QStringLiteral("uis_runners.metrics.helper")});
    return true;
}

void MetricsHelper::request(const QString &op, QJsonObject args, Callback done)
{
    QString error;
    if (!ensureStarted(&error)) {
        done({}, error);
        return;
    }
    const qint64 id = m_nextId++;
    args.insert(QStringLiteral("id"), id);
    args.insert(QStringLiteral("op"), op);
    m_pending.insert(id, {std::move(done), QDateTime::currentMSecsSinceEpoch()});
    m_process->write(QJsonDocument(args).toJson(QJsonDocument::Compact) + '\n');
}

void MetricsHelper::onReadyRead()
{
    m_partial += m_process->readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QByteArray line = m_partial.left(nl);
        m_partial.remove(0, nl + 1);
        const QJsonObject answer = QJsonDocument::fromJson(line).object();
        const auto it = m_pending.find(answer.value(QStringLiteral("id")).toInteger(-1));
        if (it == m_pending.end())
            continue;
        const Callback done = std::move(it->done);
        m_pending.erase(it);
        done(answer.value(QStringLiteral("result")).toObject(),
             answer.value(QStringLiteral("error")).toString());
    }
}

void MetricsHelper::failAll(const QString &error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        p.done({}, error);
}

void MetricsHelper::checkTimeouts()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Pending &p : std::as_const(m_pending)) {
        if (now - p.sentMs > TimeoutMs) {
            // One answer is overdue: the helper hangs (a broker that never answers); start over.
            if (m_process) {
                m_process->disconnect(this);
                m_process->kill();
                m_process->waitForFinished(1000);
            }
            failAll(QStringLiteral("the metrics helper did not answer within %1 s")
                        .arg(TimeoutMs / 1000));
            return;
        }
    }
}

} // namespace uis::dcplocal
