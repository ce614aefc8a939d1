// SPDX-License-Identifier: Apache-2.0
#include "previewtarget.h"

#include "cliloop.h"
#include "jobcommandsupport.h"

#include "dcpclient.h"
#include "environment.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace uis::cli {

int sessionOfTarget(const ArgParser &p, const QString &target, const QStringList &engines,
                    CliContext &ctx, QString *session)
{
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl preview: --target " << target << ": " << e << '\n';
        return ExitUsage;
    }
    std::unique_ptr<DcpReply> reply(client.targets());
    if (!CliLoop::await(reply.get()))
        return reportJobError(ctx, "preview", reply->error());
    QStringList names;
    for (const QJsonValue &v : reply->json().value(QLatin1String("targets")).toArray()) {
        const QJsonObject t = v.toObject();
        names << t.value(QLatin1String("name")).toString();
        if (names.last() != target)
            continue;
        QStringList urls;
        for (const QString &engine : engines) {
            const bool spark = engine == QLatin1String("spark");
            const char *key = spark ? "spark_connect" : "sql_gateway";
            const QString url = t.value(QLatin1String(key)).toString();
            if (url.isEmpty()) {
                ctx.err << "uisctl preview: target `" << target << "` names no " << key << " for "
                        << engine << " previews (its targets file may add `" << key << ": "
                        << (spark ? "sc://HOST:15002" : "http://HOST:8083") << "`)\n";
                return ExitUsage;
            }
            urls << url;
        }
        *session = urls.join(QLatin1Char(','));
        return -1;
    }
    ctx.err << "uisctl preview: unknown target `" << target << "` (the server at "
            << env.url.toString() << " has " << names.join(QStringLiteral(", ")) << ")\n";
    return ExitUsage;
}

} // namespace uis::cli
