// SPDX-License-Identifier: Apache-2.0
#include "serverconfig.h"

namespace uis::dcplocal {

bool ServerConfig::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    // The last colon separates the port, so that a bracketed IPv6 host keeps its own colons.
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    *port = quint16(p);
    if (host.isEmpty() || host == QLatin1String("localhost"))
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (!address->setAddress(host))
        return false;
    return true;
}

} // namespace uis::dcplocal
