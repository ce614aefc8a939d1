// SPDX-License-Identifier: Apache-2.0
#include "platformhealth.h"

#include "serviceprobe.h"

#include <QTimer>

namespace uis {

PlatformHealth::PlatformHealth(const PlatformRecipe &recipe, PlatformState state, QObject *parent)
    : QObject(parent), m_recipe(recipe), m_state(std::move(state))
{
}

void PlatformHealth::check(const QStringList &services)
{
    m_problems.clear();
    m_pending = int(services.size());
    if (m_pending == 0) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_problems); });
        return;
    }
    for (const QString &name : services) {
        ServiceProbe *probe = m_recipe.createProbe(name, m_state);
        probe->setParent(this);
        connect(probe, &ServiceProbe::answered, this,
                [this, probe, name](bool ready, const QString &detail) {
                    m_problems.insert(
                        name, ready ? QString()
                                    : (detail.isEmpty() ? QStringLiteral("no answer") : detail));
                    probe->deleteLater();
                    if (--m_pending == 0)
                        Q_EMIT finished(m_problems);
                });
        probe->check();
    }
}

} // namespace uis
