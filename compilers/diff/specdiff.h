// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "specloader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace uis {

/// One version of a spec for a comparison: its text, what it loaded to, and a label.
struct SpecVersion
{
    QString label; ///< e.g. `git:HEAD:pipeline.uis.yaml` or a file path
    QByteArray text;
    LoadedSpec loaded;

    /// Loads `text` (format from `fileName`, else sniffed).
    static SpecVersion fromText(const QString &label, const QByteArray &text,
                                const QString &fileName = {});
};

/// A node (endpoint, transform or sink) that differs between two versions.
struct NodeChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString role; ///< `endpoint`, `transform` or `sink`
    QString name;
};

/// One artifact compared; `unified` is empty when it did not change.
struct ArtifactDiff
{
    QString target;
    Engine engine = Engine::None;
    QByteArray oldContent;
    QByteArray newContent;
    bool inOld = false;
    bool inNew = false;
    QByteArray unified;

    bool changed() const { return inOld != inNew || oldContent != newContent; }
};

/// What a change to a spec does: its own diff, diagnostics that appear or disappear, node
/// changes, and a diff per compiled artifact.
struct SpecDiffResult
{
    QByteArray specDiff;
    DiagnosticList appeared;    ///< in the new version only (positions of the new file)
    DiagnosticList disappeared; ///< in the old version only (positions of the old file)
    QList<NodeChange> nodes;
    QList<ArtifactDiff> artifacts;

    bool artifactsIdentical() const;
};

/**
 * Compares two versions of a spec and everything they compile to (`uisctl diff`, the
 * designer's Changes view). Pure: no I/O; both versions compile with the options given.
 */
class SpecDiff
{
public:
    struct Options
    {
        QStringList targets;     ///< empty = every target of the engines below
        bool allEngines = false; ///< false: each version's own engine; true: every engine
        CompileOptions compile;
        int context = 3;
    };
    static SpecDiffResult compare(const SpecVersion &oldVersion, const SpecVersion &newVersion,
                                  const Options &options);
    /// Node-level summary only (cheap; no compiling).
    static QList<NodeChange> nodeChanges(const Spec &oldSpec, const Spec &newSpec);
};

} // namespace uis
