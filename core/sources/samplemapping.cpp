// SPDX-License-Identifier: Apache-2.0
#include "samplemapping.h"

#include <QRegularExpression>
#include <QStringList>

namespace uis {

QString SampleMapping::appendPath(const QString &base, const QList<JsonStep> &steps)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QString out = base.trimmed().isEmpty() ? QStringLiteral("$") : base.trimmed();
    for (const JsonStep &s : steps) {
        if (s.isIndex())
            out += QStringLiteral("[%1]").arg(s.index);
        else if (plain.match(s.key).hasMatch())
            out += QLatin1Char('.') + s.key;
        else
            out += QStringLiteral("['%1']").arg(s.key);
    }
    return out;
}

QString SampleMapping::suggestedName(const QString &sourceField)
{
    QString out;
    for (qsizetype i = 0; i < sourceField.size(); ++i) {
        const QChar c = sourceField.at(i);
        if (c.isUpper() && i > 0 && sourceField.at(i - 1).isLower())
            out += QLatin1Char('_');
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c.toLower();
        else if (!out.endsWith(QLatin1Char('_')))
            out += QLatin1Char('_');
    }
    while (out.endsWith(QLatin1Char('_')))
        out.chop(1);
    while (out.startsWith(QLatin1Char('_')))
        out.remove(0, 1);
    if (out.isEmpty() || !out.at(0).isLetter())
        out.prepend(QStringLiteral("f_"));
    return out;
}

MapAction SampleMapping::forNode(const QList<JsonStep> &path, const QJsonValue &value,
                                 const QString &responsePath,
                                 const QMap<QString, QString> &fieldMapping)
{
    MapAction a;
    // The first array on the path is where the records are: the runner reads one level.
    qsizetype arrayEnd = -1;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path.at(i).isIndex()) {
            arrayEnd = i;
            break;
        }
    }
    if (arrayEnd < 0 && value.isArray() && !path.isEmpty())
        arrayEnd = path.size();
    if (arrayEnd > 0) {
        a.kind = MapAction::SetResponsePath;
        a.responsePath = appendPath(responsePath, path.mid(0, arrayEnd));
        a.description =
            QStringLiteral("Read the records from `%1` (response_path)").arg(a.responsePath);
        return a;
    }
    if (path.isEmpty() || value.isObject() || value.isArray()) {
        a.description =
            value.isObject() && !path.isEmpty()
                ? QStringLiteral("`%1` is an object: choose one of its fields").arg(path.last().key)
                : QString();
        return a;
    }
    QStringList keys;
    for (const JsonStep &s : path)
        keys << s.key;
    a.kind = MapAction::AddFieldMapping;
    a.sourceField = keys.join(QLatin1Char('.'));
    a.targetField = fieldMapping.value(a.sourceField, suggestedName(a.sourceField));
    a.description =
        QStringLiteral("Map `%1` as `%2` (field_mapping)").arg(a.sourceField, a.targetField);
    return a;
}

} // namespace uis
