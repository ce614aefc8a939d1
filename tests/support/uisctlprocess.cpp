// SPDX-License-Identifier: Apache-2.0
#include "uisctlprocess.h"

#include <QProcess>

namespace uis::test {

UisctlRun runUisctl(const QStringList &args, const QString &workingDir)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return UisctlRun{-1, p.readAllStandardOutput(), "uisctl did not finish in 120 s"};
    }
    return UisctlRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                     p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace uis::test
