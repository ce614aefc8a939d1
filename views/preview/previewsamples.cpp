// SPDX-License-Identifier: Apache-2.0
#include "previewsamples.h"

#include "goldencompare.h"
#include "pipelinetests.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace uis {

QStringList PreviewSamples::endpointsNeedingSamples(const Spec &spec)
{
    const QString type = spec.provider.providerType;
    if (type != QLatin1String("websocket") && type != QLatin1String("webhook") &&
        type != QLatin1String("database"))
        return {};
    QStringList out;
    for (const Endpoint &e : spec.provider.endpoints)
        out << e.name;
    return out;
}

QHash<QString, QJsonArray> PreviewSamples::fromTestsFile(const QString &specPath)
{
    QHash<QString, QJsonArray> out;
    if (specPath.isEmpty())
        return out;
    const QString path = PipelineTests::pathForSpec(specPath);
    if (!QFileInfo::exists(path))
        return out;
    const PipelineTests tests = PipelineTests::readFile(path);
    if (tests.cases.isEmpty())
        return out;
    for (const PipelineTestRows &rows : tests.cases.first().inputs) {
        QJsonArray list = out.value(rows.name);
        for (const SourceNode &row : rows.rows)
            list.append(GoldenCompare::rowFromNode(row));
        out.insert(rows.name, list);
    }
    return out;
}

QJsonArray PreviewSamples::parse(const QByteArray &text, QString *error)
{
    const QByteArray trimmed = text.trimmed();
    QJsonParseError err;
    if (trimmed.startsWith('[')) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &err);
        if (err.error != QJsonParseError::NoError) {
            if (error)
                *error = QCoreApplication::translate("PreviewSamples", "not a JSON array: %1")
                             .arg(err.errorString());
            return {};
        }
        return doc.array();
    }
    QJsonArray rows;
    int line = 0;
    for (const QByteArray &l : trimmed.split('\n')) {
        ++line;
        if (l.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(l, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            if (error)
                *error =
                    QCoreApplication::translate("PreviewSamples", "line %1 is not a JSON object")
                        .arg(line);
            return {};
        }
        rows.append(doc.object());
    }
    return rows;
}

} // namespace uis
