// SPDX-License-Identifier: Apache-2.0
#include "enginesession.h"

namespace uis {

QString EngineSession::problem(const QString &choice)
{
    if (choice == QLatin1String("auto") || choice == QLatin1String("none"))
        return {};
    const QStringList urls = choice.split(QLatin1Char(','));
    for (const QString &url : urls) {
        const QString u = url.trimmed();
        if (!u.startsWith(QLatin1String("sc://")) && !u.startsWith(QLatin1String("http://")) &&
            !u.startsWith(QLatin1String("https://")))
            return QStringLiteral("--session must be auto, none or server URLs (sc://HOST:PORT "
                                  "for Spark Connect, http://HOST:PORT for a Flink SQL "
                                  "Gateway), not `%1`")
                .arg(choice);
    }
    return {};
}

QStringList EngineSession::arguments(const QString &choice)
{
    return {QStringLiteral("--session"), choice};
}

} // namespace uis
