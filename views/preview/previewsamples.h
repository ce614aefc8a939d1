// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spec.h"

#include <QHash>
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace uis {

/**
 * Sample records for the endpoints a preview cannot read itself (WebSocket, webhook and CDC
 * sources: their data only arrives while a job runs). They come from the spec's `*.tests.yaml`
 * (the first case's inputs of that endpoint) or from rows the user pasted or loaded.
 */
class PreviewSamples
{
public:
    /// The endpoints of `spec` that need sample records to be previewed.
    static QStringList endpointsNeedingSamples(const Spec &spec);
    /// Endpoint → rows of the first case of the tests file next to `specPath` ("" = none).
    static QHash<QString, QJsonArray> fromTestsFile(const QString &specPath);
    /// JSON lines or one JSON array of objects → rows; `error` says why it is not.
    static QJsonArray parse(const QByteArray &text, QString *error = nullptr);
};

} // namespace uis
