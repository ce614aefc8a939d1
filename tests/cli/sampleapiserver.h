// SPDX-License-Identifier: Apache-2.0
#pragma once

// The test HTTP API (sample_api.py) as a child process on 127.0.0.1, for the sampling tests of
// tests/core and tests/cli.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

namespace uis::test {

class SampleApiServer
{
public:
    ~SampleApiServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// Starts the server; false (with the reason in error()) when it does not come up.
    bool start()
    {
        const QString venv = QStringLiteral(UIS_SOURCE_DIR "/.venv/bin/python");
        const QString python = QFile::exists(venv) ? venv : QStringLiteral("python3");
        m_process.start(python, {QStringLiteral(UIS_SOURCE_DIR "/tests/cli/sample_api.py")});
        if (!m_process.waitForStarted(10000)) {
            m_error = m_process.errorString();
            return false;
        }
        QByteArray line;
        while (!line.contains('\n')) {
            if (!m_process.waitForReadyRead(10000)) {
                m_error = QString::fromUtf8(m_process.readAllStandardError());
                return false;
            }
            line += m_process.readAllStandardOutput();
        }
        if (!line.startsWith("PORT ")) {
            m_error = QString::fromUtf8(line);
            return false;
        }
        m_port = line.mid(5).trimmed().toInt();
        return m_port > 0;
    }

    int port() const { return m_port; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString error() const { return m_error; }

    /// Writes `<dir>/<file>.uis.yaml`: a spec named `specName` whose one REST endpoint `items`
    /// (its YAML below `- name: items` is `endpoint`) reads from `base`, this server by default.
    QString writeSpec(const QDir &dir, const QString &file, const QString &specName,
                      const QString &endpoint, const QString &base = {},
                      const QString &header = {}) const
    {
        const QString text =
            header + QStringLiteral("version: \"1.1\"\n"
                                    "name: %1\n"
                                    "provider:\n"
                                    "  name: test_api\n"
                                    "  provider_type: rest_api\n"
                                    "  base_url: %2\n"
                                    "  mode: batch\n"
                                    "  endpoints:\n"
                                    "    - name: items\n"
                                    "%3"
                                    "  sinks:\n"
                                    "    - name: out\n"
                                    "      type: console\n")
                         .arg(specName, base.isEmpty() ? this->base() : base, endpoint);
        const QString path = dir.filePath(file + QStringLiteral(".uis.yaml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write the spec");
        f.write(text.toUtf8());
        return path;
    }
    /// The request log so far: one `REQ <monotonic s> <path>?<query>` line per request.
    QByteArray requests()
    {
        m_log += m_process.readAllStandardError();
        return m_log;
    }

private:
    QProcess m_process;
    QByteArray m_log;
    QString m_error;
    int m_port = 0;
};

} // namespace uis::test
