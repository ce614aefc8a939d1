// SPDX-License-Identifier: Apache-2.0
#include "jsonrecords.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace uis {

QJsonValue JsonRecords::at(const QJsonValue &doc, const QString &path)
{
    QString p = path.trimmed();
    if (p.isEmpty() || p == QLatin1String("$"))
        return doc;
    if (p.startsWith(QLatin1Char('$')))
        p.remove(0, 1);
    static const QRegularExpression token(QStringLiteral(
        R"re(\.([^.\[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(\d+|\*)\s*\])re"));
    QJsonValue cur = doc;
    auto it = token.globalMatch(p);
    while (it.hasNext()) {
        const auto m = it.next();
        QString key = m.captured(1);
        if (key.isEmpty())
            key = m.captured(2);
        if (key.isEmpty())
            key = m.captured(3);
        if (!key.isEmpty()) {
            if (!cur.isObject() || !cur.toObject().contains(key))
                return QJsonValue(QJsonValue::Undefined);
            cur = cur.toObject().value(key);
        } else if (m.captured(4) == QLatin1String("*")) {
            continue;
        } else {
            const int idx = m.captured(4).toInt();
            if (!cur.isArray() || idx >= cur.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            cur = cur.toArray().at(idx);
        }
    }
    return cur;
}

QJsonArray JsonRecords::records(const QJsonValue &doc, const QString &responsePath)
{
    const QJsonValue found = at(doc, responsePath);
    if (found.isArray())
        return found.toArray();
    if (found.isUndefined() || found.isNull())
        return {};
    return QJsonArray{found};
}

QJsonValue JsonRecords::dotted(const QJsonValue &doc, const QString &path)
{
    QJsonValue cur = doc;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!cur.isObject() || !cur.toObject().contains(part))
            return QJsonValue(QJsonValue::Undefined);
        cur = cur.toObject().value(part);
    }
    return cur;
}

QString JsonRecords::cellText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // A lone number or boolean as JSON writes it: wrapped in an array, brackets cut.
        const QByteArray j = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(j.mid(1, j.size() - 2));
    }
    }
}

} // namespace uis
