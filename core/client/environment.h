// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

namespace uis {

/// A named DCP endpoint (`local`, `staging`, `prod`, …) resolved for use: URL plus token.
struct Environment
{
    QString name;
    QUrl url;
    QString token;        ///< never written to a plain file or a log
    QString urlSource;    ///< where the URL came from: "DCP_URL", "settings", "dcp-local", "--url"
    QString tokenSource;  ///< "DCP_TOKEN", "keychain", "dcp-local token file", "" when none
    QString tokenProblem; ///< why no token was found (keychain unavailable, …), "" otherwise

    bool isLocal() const { return name == QLatin1String("local"); }
};

} // namespace uis
