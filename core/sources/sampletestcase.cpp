// SPDX-License-Identifier: Apache-2.0
#include "sampletestcase.h"

#include "pipelinetests.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace uis {

namespace {

QString masked(QString text, const QStringList &secrets)
{
    for (const QString &s : secrets) {
        if (!s.isEmpty())
            text.replace(s, QStringLiteral("****"));
    }
    return text;
}

// A JSON string is a valid YAML double-quoted scalar.
QString quoted(const QString &text)
{
    QByteArray j = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(j.mid(1, j.size() - 2));
}

QString scalar(const QJsonValue &v, const QStringList &secrets)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const QByteArray j = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(j.mid(1, j.size() - 2));
    }
    case QJsonValue::String:
        return quoted(masked(v.toString(), secrets));
    case QJsonValue::Array:
        return quoted(masked(
            QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)), secrets));
    case QJsonValue::Object:
        break;
    }
    return QStringLiteral("null");
}

void flatten(const QString &prefix, const QJsonObject &o, QStringList *cells,
             const QStringList &secrets)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString name = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject() && !it.value().toObject().isEmpty())
            flatten(name, it.value().toObject(), cells, secrets);
        else if (it.value().isObject())
            cells->append(quoted(name) + QStringLiteral(": \"{}\""));
        else
            cells->append(quoted(name) + QStringLiteral(": ") + scalar(it.value(), secrets));
    }
}

} // namespace

QString SampleTestCase::row(const QJsonValue &record, const QStringList &secrets)
{
    QStringList cells;
    if (record.isObject())
        flatten(QString(), record.toObject(), &cells, secrets);
    else
        cells << QStringLiteral("\"value\": ") + scalar(record, secrets);
    return QStringLiteral("{") + cells.join(QStringLiteral(", ")) + QStringLiteral("}");
}

QString SampleTestCase::appendTo(const QString &existing, const Input &input, QString *caseName,
                                 QString *error)
{
    if (input.records.isEmpty()) {
        *error = QStringLiteral("the sample has no records to keep");
        return {};
    }
    PipelineTests before;
    if (!existing.trimmed().isEmpty()) {
        before = PipelineTests::read(existing.toUtf8());
        for (const Diagnostic &d : before.diagnostics) {
            if (d.severity == Severity::Error) {
                *error = QStringLiteral("the tests file has errors (line %1: %2); fix them first")
                             .arg(d.line)
                             .arg(d.message);
                return {};
            }
        }
    }
    QString name = input.baseName.arg(input.endpoint);
    const auto taken = [&before](const QString &n) {
        return std::any_of(before.cases.cbegin(), before.cases.cend(),
                           [&n](const PipelineTestCase &c) { return c.name == n; });
    };
    for (int k = 2; taken(name); ++k)
        name = input.baseName.arg(input.endpoint) + QStringLiteral(" %1").arg(k);

    QString text = existing;
    if (text.trimmed().isEmpty())
        text = QStringLiteral("# Golden-data cases of %1, run by `uisctl test`.\ntests:\n")
                   .arg(input.specFileName);
    else if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    text += QStringLiteral("  # Inputs sampled from the endpoint's source; fill expect from the "
                           "Data Preview's rows (Tests panel).\n"
                           "  - name: %1\n    inputs:\n      %2:\n")
                .arg(quoted(name), input.endpoint);
    for (const QJsonValue &r : input.records)
        text += QStringLiteral("        - ") + row(r, input.secrets) + QLatin1Char('\n');
    text += QStringLiteral("    expect:\n");
    for (const QString &sink : input.sinks)
        text += QStringLiteral("      %1: []\n").arg(sink);
    if (input.sinks.isEmpty())
        text += QStringLiteral("      {}\n");

    // Appending assumes `tests:` is the file's last block: check that it read back as meant.
    const PipelineTests after = PipelineTests::read(text.toUtf8());
    const bool added = after.cases.size() == before.cases.size() + 1 &&
                       after.cases.last().name == name && !after.cases.last().inputs.isEmpty() &&
                       after.cases.last().inputs.first().rows.size() == input.records.size();
    if (!added || hasErrors(after.diagnostics)) {
        *error = QStringLiteral("the case could not be appended to the tests file (is `tests:` "
                                "its last block, as a block list?); nothing was written");
        return {};
    }
    *caseName = name;
    return text;
}

} // namespace uis
