// SPDX-License-Identifier: Apache-2.0
#include "faketools.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace uis::test {

QString writeScript(const QString &path, const QByteArray &body)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(body) != body.size())
        return {};
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

QString makeRunnersDir(const QString &dir)
{
    const QDir root(dir);
    for (const char *runner :
         {"runners/spark/uis_spark_runner.py", "runners/flink/uis_flink_runner.py"}) {
        const QString path = root.filePath(QLatin1String(runner));
        QFile f(path);
        if (!root.mkpath(QFileInfo(path).path()) || !f.open(QIODevice::WriteOnly))
            return {};
    }
    return root.filePath(QStringLiteral("runners"));
}

} // namespace uis::test
