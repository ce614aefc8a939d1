// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "graphmodel.h"

#include <QColor>
#include <QIcon>

namespace uis {

/// The designer's icons and accent colours in one place: SVGs from the resources, severity
/// badges painted so they stay crisp at any size.
class StudioIcons
{
public:
    /// Registers the icons and templates of the static library (idempotent).
    static void ensureResources();
    static QIcon icon(const QString &name);
    static QIcon severity(Severity s);
    static QColor severityColor(Severity s);
    static QColor kindColor(NodeKind kind);
    static QIcon kind(NodeKind kind);
};

} // namespace uis
