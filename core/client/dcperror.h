// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace uis {

/**
 * A failed DCP call, turned into something a person can act on. `message` is one sentence
 * ("server unreachable at http://127.0.0.1:8080: connection refused", "token rejected", "job
 * not found: …"); `diagnostics` holds the UIS diagnostics of a 422, `details` any other
 * `error.details` entries as text.
 */
struct DcpError
{
    enum class Kind {
        None,
        Unreachable,  ///< connection refused, host not found, network down
        Timeout,      ///< no answer within the request timeout
        Tls,          ///< certificate or handshake failure (verification is never turned off)
        Unauthorized, ///< 401: missing or wrong token
        NotFound,     ///< 404
        Conflict,     ///< 409: e.g. cancelling a finished job
        TooLarge,     ///< 413
        Invalid,      ///< 400: malformed JSON or an invalid job
        Validation,   ///< 422: the spec fails validation; see diagnostics
        Server,       ///< 5xx
        Protocol,     ///< an answer that is not the API's JSON
        Config,       ///< no URL configured, bad URL, …
    };

    Kind kind = Kind::None;
    int httpStatus = 0;     ///< 0 when no HTTP answer arrived
    QString code;           ///< the server's `error.code`, when it sent one
    QString message;        ///< the sentence to show
    QStringList details;    ///< `error.details` entries that are not diagnostics, as text
    DiagnosticList diagnostics; ///< 422 details
    int attempts = 1;       ///< how many tries were made

    bool isError() const { return kind != Kind::None; }
    /// True when trying again later may help (unreachable, timeout, 5xx, 429).
    bool isTransient() const;
    /// The message followed by one line per detail and diagnostic.
    QString fullText() const;

    /// Builds an error from an HTTP status and the response body (`{"error": {...}}`).
    static DcpError fromHttp(int status, const QByteArray &body, const QUrl &url);
    /// A transport failure (no HTTP answer).
    static DcpError transport(Kind kind, const QUrl &url, const QString &reason);
    static DcpError config(const QString &message);
};

/// Short name of a kind, e.g. "unauthorized", for logs and tests.
QString dcpErrorKindName(DcpError::Kind kind);

} // namespace uis

Q_DECLARE_METATYPE(uis::DcpError)
