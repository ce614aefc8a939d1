// SPDX-License-Identifier: Apache-2.0
#include "jobrecord.h"

#include <QJsonDocument>

namespace uis::dcplocal {

const QByteArray &JobRecord::json() const
{
    if (m_json.isEmpty())
        m_json = QJsonDocument(status.toJson()).toJson(QJsonDocument::Compact);
    return m_json;
}

} // namespace uis::dcplocal
