// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "platformrecipe.h"
#include "platformstate.h"

#include <QMap>
#include <QObject>
#include <QStringList>

namespace uis {

/**
 * One round of the services' own readiness probes (PlatformRecipe::createProbe), all at once:
 * whether each service answers now, beyond its process being alive. `uisctl platform status`
 * shows it. Never blocks; finished() comes once every probe has answered (each is bounded).
 */
class PlatformHealth : public QObject
{
    Q_OBJECT
public:
    PlatformHealth(const PlatformRecipe &recipe, PlatformState state, QObject *parent = nullptr);

    /// Probes `services` (names in the state); finished() follows from the event loop.
    void check(const QStringList &services);

Q_SIGNALS:
    /// Service → "" when it answers, else why not (connection refused, no TaskManager yet, …).
    void finished(const QMap<QString, QString> &problems);

private:
    const PlatformRecipe &m_recipe;
    PlatformState m_state;
    QMap<QString, QString> m_problems;
    int m_pending = 0;
};

} // namespace uis
