// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the compiler tests (header only; not a test of its own).
#pragma once

#include "compiler.h"
#include "jsonconvert.h"
#include "specloader.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QTest>

namespace uis::test {

inline QString sourcePath(const QString &relative)
{
    return QStringLiteral(UIS_SOURCE_DIR "/") + relative;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline LoadedSpec loadYaml(const QByteArray &yaml)
{
    return SpecLoader::load(yaml, SpecFormat::Yaml);
}

/// The artifact's content parsed as JSON (QFAIL-friendly: null on a missing artifact).
inline OrderedJson artifactJson(const CompileResult &r, const QString &target)
{
    const Artifact *a = r.artifact(target);
    if (!a)
        return nullptr;
    return OrderedJson::parse(a->content.toStdString(), nullptr, false);
}

inline QString artifactText(const CompileResult &r, const QString &target)
{
    const Artifact *a = r.artifact(target);
    return a ? QString::fromUtf8(a->content) : QString();
}

/// The text of the Flink SQL statement in `sql` that starts with `head` (up to its `;` at the
/// end of a line); empty when there is none.
inline QString sqlStatement(const QString &sql, const QString &head)
{
    const qsizetype at = sql.indexOf(head);
    if (at < 0)
        return QString();
    const qsizetype end = sql.indexOf(QStringLiteral(";\n"), at);
    return sql.mid(at, end - at + 1);
}

inline QString diagnosticsText(const DiagnosticList &diags)
{
    QStringList lines;
    for (const Diagnostic &d : diags)
        lines.append(formatDiagnostic(QStringLiteral("spec"), d));
    return lines.join(QLatin1Char('\n'));
}

inline bool hasCode(const DiagnosticList &diags, const QString &code)
{
    for (const Diagnostic &d : diags) {
        if (d.code == code)
            return true;
    }
    return false;
}

inline QString js(const OrderedJson &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>())
                         : QString::fromStdString(j.dump());
}

/// The specs that have golden files: every template and every seed example.
inline QStringList goldenSpecs()
{
    QStringList out;
    for (const char *dir : {"resources/templates", "tests/data/seeds"}) {
        const QDir d(sourcePath(QString::fromLatin1(dir)));
        for (const QString &f :
             d.entryList({QStringLiteral("*.uis.yaml")}, QDir::Files, QDir::Name))
            out.append(d.filePath(f));
    }
    return out;
}

inline QString specBaseName(const QString &path)
{
    QString n = QFileInfo(path).fileName();
    n.chop(int(qstrlen(".uis.yaml")));
    return n;
}

} // namespace uis::test

/// QCOMPARE for JSON values (QCOMPARE cannot print nlohmann::json).
#define JCOMPARE(actual, expected)                                                                 \
    QVERIFY2(uis::OrderedJson(actual) == uis::OrderedJson(expected),                               \
             qPrintable(QString::fromStdString(uis::OrderedJson(actual).dump() +                   \
                                               " != " + uis::OrderedJson(expected).dump())))
