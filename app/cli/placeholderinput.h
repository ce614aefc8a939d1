// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clicontext.h"
#include "placeholder.h"

#include <QHash>
#include <QList>
#include <QString>

namespace uis::cli {

/// Values for `placeholders` the way Submit finds them: the environment, then the OS keychain,
/// then a prompt without echo when stdin is a terminal. Returns variable → value
/// (PlaceholderResolver::variableFor) for those found; the rest are left out.
QHash<QString, QString> placeholderValues(const QList<Placeholder> &placeholders, CliContext &ctx);

} // namespace uis::cli
