// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertdispatcher.h"
#include "alertevaluator.h"
#include "history/sqlitefile.h"

#include <QList>
#include <QString>

namespace uis::dcplocal {

/// A delivery as stored: the message it carries (to try it again after a restart) and its
/// outcome so far.
struct StoredDelivery
{
    int id = -1;
    int alertIndex = -1; ///< the alert it belongs to, or -1
    int testIndex = -1;  ///< the test message it belongs to, or -1
    AlertNotification notification;
    AlertDelivery delivery;
};

/**
 * The alerts of a dcp-local in `alerts.db` beside `jobs.db`: every alert (firing or resolved),
 * every test message and every delivery with its outcome, so that GET /api/v1/alerts, an alert
 * still firing and deliveries still being retried all survive a restart. Rows are keyed by the
 * in-memory indexes (alert, test, delivery id), which only ever grow.
 */
class AlertStore
{
public:
    /// Opens (and creates) `dataDir/alerts.db`. Returns an error or "".
    QString open(const QString &dataDir);
    void close() { m_db.close(); }

    QString saveAlert(int index, const AlertState &alert);
    QString saveTest(int index, const AlertNotification &test);
    QString saveDelivery(const StoredDelivery &d);

    struct Contents
    {
        QList<AlertState> alerts;         ///< by index
        QList<AlertNotification> tests;   ///< by index
        QList<StoredDelivery> deliveries; ///< by id
    };
    /// Everything stored; rows missing in a sequence (a write that failed) are left empty.
    Contents load() const;

private:
    SqliteFile m_db;
};

} // namespace uis::dcplocal
