// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "sourcenode.h"

#include <QByteArray>

#include <optional>

namespace uis {

/// The two source formats of a spec.
enum class SpecFormat { Auto, Yaml, Json };

/// What reading a file gave: the tree (when it parsed) and the problems found on the way.
struct ReadResult
{
    std::optional<SourceNode> root;
    DiagnosticList diagnostics;
    SpecFormat format = SpecFormat::Yaml;
};

/**
 * Reads YAML (yaml-cpp events) or JSON (nlohmann SAX) into a SourceNode tree that keeps the
 * position of every value and key.
 *
 * Hostile input ends in a diagnostic, never a crash or hang: the reader refuses files over
 * `maxBytes`, nesting deeper than `maxDepth`, more than `maxNodes` nodes (alias bombs), NUL
 * bytes and invalid UTF-8.
 */
class SpecReader
{
public:
    struct Limits
    {
        qsizetype maxBytes = 32 * 1024 * 1024;
        int maxDepth = 128;
        qsizetype maxNodes = 2'000'000;
    };

    static ReadResult read(const QByteArray &data, SpecFormat format = SpecFormat::Auto);
    static ReadResult read(const QByteArray &data, SpecFormat format, const Limits &limits);

    /// A small settings file (targets, alerts): YAML unless its name ends in `.json`, with
    /// limits sized for hand-written files (1 MiB, depth 16, 100,000 nodes).
    static ReadResult readSettingsFile(const QByteArray &data, const QString &fileName);

    /// The diagnostic for input of `size` bytes over `limits.maxBytes`.
    static Diagnostic tooLarge(qint64 size);
    static Diagnostic tooLarge(qint64 size, const Limits &limits);
    /// Picks the format from a file name (`.json` → JSON, else YAML); Auto when unknown.
    static SpecFormat formatForFileName(const QString &fileName);
    /// Guesses from content: a document starting with `{` or `[` is JSON.
    static SpecFormat sniffFormat(const QByteArray &data);
};

} // namespace uis
