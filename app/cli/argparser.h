// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace uis::cli {

/**
 * A small `--name value` / `--flag` parser. QCommandLineParser would need a QCoreApplication for
 * its help handling and exits the process on errors; commands must return exit codes instead.
 */
class ArgParser
{
public:
    /// `options` takes a value; `flags` do not.
    ArgParser(QStringList options, QStringList flags) : m_options(std::move(options)), m_flags(std::move(flags)) {}

    /// Returns an error message, or "" on success.
    QString parse(const QStringList &args);

    bool isSet(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const { return m_values.value(name, fallback); }
    const QStringList &positional() const { return m_positional; }

private:
    QStringList m_options;
    QStringList m_flags;
    QHash<QString, QString> m_values;
    QStringList m_positional;
};

} // namespace uis::cli
