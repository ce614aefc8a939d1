// SPDX-License-Identifier: Apache-2.0
#include "isolatedhome.h"

#include <QtGlobal>

namespace uis::test {

void isolateHome(const QString &dir)
{
    qputenv("HOME", dir.toUtf8());
    qputenv("XDG_CONFIG_HOME", (dir + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (dir + QStringLiteral("/data")).toUtf8());
    // The warm engine sessions' state folder: a test never shares the developer's pair.
    qputenv("XDG_STATE_HOME", (dir + QStringLiteral("/state")).toUtf8());
    qputenv("UIS_NO_KEYCHAIN", "1");
    qunsetenv("DCP_URL");
    qunsetenv("DCP_TOKEN");
}

} // namespace uis::test
