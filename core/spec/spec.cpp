// SPDX-License-Identifier: Apache-2.0
#include "spec.h"

namespace uis {

QString mapValue(const StringMap &map, const QString &key, const QString &fallback)
{
    for (const auto &kv : map) {
        if (kv.first == key)
            return kv.second;
    }
    return fallback;
}

bool mapContains(const StringMap &map, const QString &key)
{
    for (const auto &kv : map) {
        if (kv.first == key)
            return true;
    }
    return false;
}

QString Spec::configValue(const QString &key, const QString &fallback) const
{
    if (const SourceNode *n = provider.config.find(key); n && n->isScalar())
        return n->text();
    return fallback;
}

QString Spec::sinkName(int index) const
{
    const Sink &s = provider.sinks.at(index);
    if (!s.name.isEmpty())
        return s.name;
    int n = 0;
    for (int i = 0; i <= index; ++i) {
        if (provider.sinks.at(i).type == s.type)
            ++n;
    }
    return QStringLiteral("%1_%2").arg(s.type).arg(n);
}

QStringList Spec::effectiveTransformInputs(int index) const
{
    const Transform &t = provider.transforms.at(index);
    if (!t.inputs.isEmpty())
        return t.inputs;
    if (index > 0)
        return {provider.transforms.at(index - 1).name};
    QStringList all;
    for (const Endpoint &e : provider.endpoints)
        all.append(e.name);
    return all;
}

QStringList Spec::effectiveSinkInputs(int index) const
{
    const Sink &s = provider.sinks.at(index);
    if (!s.inputs.isEmpty())
        return s.inputs;
    if (!provider.transforms.isEmpty())
        return {provider.transforms.last().name};
    QStringList all;
    for (const Endpoint &e : provider.endpoints)
        all.append(e.name);
    return all;
}

Engine engineForMode(const QString &mode)
{
    if (mode == QLatin1String("batch") || mode == QLatin1String("micro_batch"))
        return Engine::Spark;
    if (mode == QLatin1String("streaming") || mode == QLatin1String("websocket") ||
        mode == QLatin1String("webhook"))
        return Engine::Flink;
    return Engine::None;
}

Engine engineFromName(const QString &name)
{
    if (name == QLatin1String("spark"))
        return Engine::Spark;
    if (name == QLatin1String("flink"))
        return Engine::Flink;
    return Engine::None;
}

Engine engineFor(const Spec &spec)
{
    const Engine named = engineFromName(spec.provider.engine);
    return named != Engine::None ? named : engineForMode(spec.provider.mode);
}

Engine sourceConnectorEngine(const QString &providerType)
{
    if (providerType == QLatin1String("rest_api"))
        return Engine::Spark;
    if (providerType == QLatin1String("websocket") || providerType == QLatin1String("webhook") ||
        providerType == QLatin1String("database"))
        return Engine::Flink;
    return Engine::None;
}

QString engineName(Engine e)
{
    switch (e) {
    case Engine::Spark:
        return QStringLiteral("spark");
    case Engine::Flink:
        return QStringLiteral("flink");
    case Engine::None:
        break;
    }
    return QString();
}

} // namespace uis
