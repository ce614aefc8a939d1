// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "sourcenode.h"
#include "spec.h"
#include "specreader.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace uis {

/// A spec read, validated and built: everything a command or view needs from one file.
struct LoadedSpec
{
    std::optional<SourceNode> tree; ///< absent when the text did not parse
    Spec spec;                      ///< built leniently, even when there are errors
    DiagnosticList diagnostics;     ///< reader and validator findings, sorted by position
    SpecFormat format = SpecFormat::Yaml;

    bool parsed() const { return tree.has_value(); }
    bool valid() const { return tree.has_value() && !hasErrors(diagnostics); }
};

/// Reads, validates and builds in one call.
class SpecLoader
{
public:
    static LoadedSpec load(const QByteArray &data, SpecFormat format = SpecFormat::Auto);
    /// Reads a file; an unreadable file is a diagnostic (`UIS-E-IO`), never an exception.
    static LoadedSpec loadFile(const QString &path);
};

} // namespace uis
