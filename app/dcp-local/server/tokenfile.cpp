// SPDX-License-Identifier: Apache-2.0
#include "tokenfile.h"

#include <QFile>
#include <QRandomGenerator>

namespace uis::dcplocal {

QByteArray TokenFile::readOrCreate(const QString &path, QString *error, bool *created)
{
    if (created)
        *created = false;
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the token %1: %2").arg(path, f.errorString());
            return {};
        }
        const QByteArray token = f.readAll().trimmed();
        if (token.size() < 16) {
            *error =
                QStringLiteral("the token in %1 is too short; delete the file to get a new one")
                    .arg(path);
            return {};
        }
        // A token file someone made readable by others is tightened, not trusted as it is.
        if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                               QFileDevice::WriteGroup | QFileDevice::WriteOther))
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return token;
    }
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray token = raw.toHex();
    // Created with 0600 from the start: there is no moment when another user could read it.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        f.write(token + '\n') != token.size() + 1 || !f.flush()) {
        *error = QStringLiteral("cannot create the token %1: %2").arg(path, f.errorString());
        return {};
    }
    if (created)
        *created = true;
    return token;
}

} // namespace uis::dcplocal
