// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace uis::dcplocal {

/// The bearer token of dcp-local, kept in a file only its owner can read (mode 0600).
class TokenFile
{
public:
    /**
     * Reads the token at `path`, or creates a new random one (64 hex digits) when the file does
     * not exist; `*created` says which. Returns "" with `*error` set when the file cannot be
     * read or written, or holds a token too short to be safe.
     */
    static QByteArray readOrCreate(const QString &path, QString *error, bool *created = nullptr);
};

} // namespace uis::dcplocal
