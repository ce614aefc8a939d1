// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QString>
#include <QStringView>

namespace uis {

class ValidationContext;

/**
 * The second validation pass: rules that relate values to each other or to the provider
 * type (mode against provider type, `base_url` where the type needs one, one schedule,
 * provider `config` values, endpoint and sink settings, mapping conflicts, windows), and
 * literal credentials and malformed placeholders anywhere in the document.
 */
class SemanticPass
{
public:
    explicit SemanticPass(ValidationContext &context);

    void run();

private:
    void checkProvider();
    void checkConfig(const SourceNode &provider);
    void checkEndpoints(const SourceNode &provider);
    void checkMappingTargets(const SourceNode &obj, QStringView key, const QString &ptr);
    void checkSchemaNames(const SourceNode &obj, const QString &ptr);
    void checkTransforms(const SourceNode &provider);
    void needConfig(const SourceNode &sink, const QString &ptr, const QString &key,
                    const QString &why);
    void checkSinks(const SourceNode &provider);
    void checkRestSink(const SourceNode &sink, const QString &ptr);
    void checkRetry(const SourceNode &retry, const QString &ptr);
    void checkSecretsAndPlaceholders();
    void scanSecrets(const SourceNode &n, const QString &ptr);

    ValidationContext &m_ctx;
};

} // namespace uis
