// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QByteArray>
#include <QString>

namespace uis::dcplocal {

/// One job as dcp-local stores it: the public status object plus what only the server needs.
struct JobRecord
{
    JobStatus status;
    qint64 seq = 0;          ///< insertion order; newest first in lists, and the list cursor
    QString idempotencyKey;  ///< "" when the submit had none
    QByteArray request;      ///< the submitted body (without runtime_env), compact JSON
    /// What `fit_resources` changed so that the job fits its target ("" when nothing); the API
    /// shows it as `fit_warning`.
    QString fitWarning;

    /// The status object as the API sends it, serialized once per change.
    const QByteArray &json() const;
    /// Call after changing `status`.
    void invalidate() { m_json.clear(); }

private:
    mutable QByteArray m_json;
};

} // namespace uis::dcplocal
