// SPDX-License-Identifier: Apache-2.0
#include "jobrecord.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace uis::dcplocal {

const QByteArray &JobRecord::json() const
{
    if (m_json.isEmpty()) {
        QJsonObject o = status.toJson();
        if (!fitWarning.isEmpty())
            o.insert(QStringLiteral("fit_warning"), fitWarning);
        m_json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    return m_json;
}

} // namespace uis::dcplocal
