// SPDX-License-Identifier: Apache-2.0
#include "targetspec.h"

namespace uis::dcplocal {

QString TargetSpec::kindName() const
{
    switch (kind) {
    case Kind::Local:
        return QStringLiteral("local");
    case Kind::FlinkSession:
        return QStringLiteral("flink-session");
    case Kind::SparkStandalone:
        return QStringLiteral("spark-standalone");
    }
    return QString();
}

QStringList TargetSpec::engines() const
{
    switch (kind) {
    case Kind::Local:
        return {QStringLiteral("spark"), QStringLiteral("flink")};
    case Kind::FlinkSession:
        return {QStringLiteral("flink")};
    case Kind::SparkStandalone:
        return {QStringLiteral("spark")};
    }
    return {};
}

bool TargetSpec::parseKind(const QString &text, Kind *kind)
{
    for (Kind k : {Kind::Local, Kind::FlinkSession, Kind::SparkStandalone}) {
        TargetSpec probe;
        probe.kind = k;
        if (probe.kindName() == text) {
            *kind = k;
            return true;
        }
    }
    return false;
}

TargetSpec TargetSpec::defaultLocal()
{
    TargetSpec s;
    s.name = QStringLiteral("local");
    s.kind = Kind::Local;
    return s;
}

} // namespace uis::dcplocal
