// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

namespace uis {

/**
 * Runs `uisctl engines install` (the uisctl next to the designer) in its own process group, so
 * that stop() reaches pip and Maven too; what they print comes back line by line. A stopped or
 * failed install resumes on the next start().
 */
class EnginesInstaller : public QObject
{
    Q_OBJECT
public:
    explicit EnginesInstaller(QObject *parent = nullptr);
    ~EnginesInstaller() override;

    /// The uisctl next to this program, else in UIS_BIN_DIR, else in PATH; "" when there is none.
    static QString uisctl();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void line(const QString &text);
    /// `ok`: the engines are complete; else `error` is the last line the install printed.
    void finished(bool ok, const QString &error);

private:
    void readLines();

    QProcess m_process;
    QByteArray m_pending;
    QString m_lastLine;
    bool m_stopped = false;
};

} // namespace uis
