// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace uis::test {

/// Writes `body` to `path` as an executable script (owner only); its path, or "" on failure.
QString writeScript(const QString &path, const QByteArray &body);
/// Lays out `dir` as dcp-local expects its runners (`<dir>/runners/spark/uis_spark_runner.py`,
/// `<dir>/runners/flink/uis_flink_runner.py`, both empty: a fake engine ignores them) and
/// returns `<dir>/runners`, or "" on failure.
QString makeRunnersDir(const QString &dir);

} // namespace uis::test
