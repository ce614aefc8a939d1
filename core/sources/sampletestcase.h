// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace uis {

/**
 * Keep as test case: a sample becomes the inputs of a new case appended to the spec's
 * `*.tests.yaml` (UIS-SPEC "Pipeline tests"). Rows hold plain values there, so nested objects
 * are flattened to `a.b` columns (as the schema inference names them) and arrays are written as
 * their JSON text. Every resolved secret that a value contains is written as `****`: the file is
 * meant to be committed. `expect` lists each sink with no rows, for the user to fill from the
 * Data Preview's rows (the Tests panel).
 */
class SampleTestCase
{
public:
    struct Input
    {
        QString specFileName; ///< for the header of a new file
        QString endpoint;
        QJsonArray records;
        QStringList sinks;
        QStringList secrets; ///< values never written
        QString baseName = QStringLiteral("sample of %1");
    };
    /// `existing` (the tests file's text, "" when there is none) with the case appended; on
    /// failure "" and `error` says why (the file is then left as it is).
    static QString appendTo(const QString &existing, const Input &input, QString *caseName,
                            QString *error);
    /// One record as a flow map of plain values, e.g. `{"id": 1, "meta.rank": 2}`.
    static QString row(const QJsonValue &record, const QStringList &secrets);
};

} // namespace uis
