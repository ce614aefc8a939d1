// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "graphmodel.h"
#include "sourcenode.h"
#include "spec.h"
#include "specreader.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>

#include <optional>

class QUndoStack;

namespace uis {

/// What a `PipelineDocument::changed` signal is about.
struct DocumentChange
{
    enum Flag {
        Text = 0x1,       ///< the source text changed
        Tree = 0x2,       ///< the parsed tree (and so the graph and forms) changed
        Layout = 0x4,     ///< manual node positions changed
        File = 0x8,       ///< path or format changed (load, save as)
        ParseState = 0x10 ///< the current text stopped or started parsing
    };
    Q_DECLARE_FLAGS(Flags, Flag)
    Flags what;
};

/**
 * One open pipeline: the source text, the tree parsed from it (the truth for forms and the
 * canvas), the node layout, the file it lives in and the undo stack through which every edit
 * goes (Tiled's Document).
 *
 * Text ↔ tree: a tree edit (form, canvas) patches the text where the tree changed
 * (SourcePatcher: comments, quoting and layout elsewhere stay byte-identical); a text edit marks
 * the tree stale until the text is parsed again, either in the background (`adoptParse`) or on
 * demand (`ensureTree`). Text that does not parse leaves the last good tree in place and
 * refuses tree edits, so the user's text is never overwritten by an older tree.
 */
class PipelineDocument : public QObject
{
    Q_OBJECT
public:
    explicit PipelineDocument(QObject *parent = nullptr);
    ~PipelineDocument() override;

    // --- file -------------------------------------------------------------------------------
    /// Reads `path` and its layout sidecar; clears the undo stack.
    bool open(const QString &path, QString *error = nullptr);
    /// Starts an untitled document from `data` (a template); clears the undo stack.
    void openText(const QByteArray &data, SpecFormat format, const QString &suggestedName = {});
    /// Restores unsaved text (crash recovery): the document starts modified.
    void restore(const QString &text, const QString &path, SpecFormat format);
    /// Atomic save (QSaveFile) of the text and, when there are manual positions, the sidecar.
    bool save(QString *error = nullptr);
    /// Saves under `path`, converting YAML ↔ JSON when the extension asks for the other format.
    bool saveAs(const QString &path, QString *error = nullptr);

    QString filePath() const { return m_path; }
    /// File name, or the suggested name of an untitled document.
    QString displayName() const;
    bool isUntitled() const { return m_path.isEmpty(); }
    SpecFormat format() const { return m_format; }
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undo; }
    GraphModel *graph() const { return m_graph; }
    /// `<file>.layout.json`: where manual node positions are kept, next to the spec.
    static QString layoutPath(const QString &specPath);

    // --- text and tree ----------------------------------------------------------------------
    const QString &text() const { return m_text; }
    /// Increases with every text change; analysis results carry it so stale ones are dropped.
    quint64 revision() const { return m_revision; }
    /// The last tree that parsed (may lag behind the text), or nullptr before any.
    const SourceNode *tree() const { return m_tree ? &*m_tree : nullptr; }
    const Spec &spec() const { return m_spec; }
    bool isTreeCurrent() const { return m_treeRevision == m_revision; }
    /// Whether the current text is known not to parse.
    bool hasParseError() const { return m_failedRevision == m_revision; }
    /// Reader diagnostics of the last failed parse.
    const DiagnosticList &parseDiagnostics() const { return m_parseDiagnostics; }
    /// Whether the tree was parsed from exactly the text of `revision` (positions included), so
    /// a background parse of it has nothing new to offer.
    bool hasParsedTree(quint64 revision) const { return m_tree && m_treeRevision == revision && m_treeFromParse; }
    /// Parses now when the tree is stale; returns whether the current text parses.
    bool ensureTree();
    /// Takes a background parse of revision `revision`; ignored when the text moved on.
    /// `built`: the Spec built from it off the GUI thread, when the caller has it already.
    void adoptParse(quint64 revision, ReadResult result, std::optional<Spec> built = std::nullopt);

    // --- edits (each pushes one undoable command) --------------------------------------------
    /// A text edit from the Source editor; consecutive typing merges into one undo step.
    void replaceText(const QString &text, bool typing = true);
    /// Replaces the whole text with `bytes` (an earlier version: Git, the saved file) as one
    /// undo step named after `label`; saving then writes exactly `bytes`. Refuses bytes that
    /// are not UTF-8, which could not be restored exactly.
    bool restoreVersion(const QByteArray &bytes, const QString &label, QString *error = nullptr);
    /// Sets (or with nullopt removes) the value at `pointer`; renaming a node also renames the
    /// references to it. Returns false (with `error`) when the text does not parse.
    bool setValue(const QString &pointer, const std::optional<SourceNode> &value,
                  QString *error = nullptr);
    /// Appends a node of `kind` and `type`; returns its id (InvalidNodeId when refused).
    NodeId addNode(NodeKind kind, const QString &type, std::optional<QPointF> position = {});
    bool removeNodes(const QList<NodeId> &ids);
    bool connectNodes(NodeId from, NodeId to, QString *reason = nullptr);
    bool disconnectNodes(NodeId from, NodeId to, QString *reason = nullptr);
    void moveNodes(const QHash<NodeId, QPointF> &positions);
    /// Drops every manual position so the automatic layout applies (undoable).
    void resetLayout();

    // --- layout -----------------------------------------------------------------------------
    QPointF nodePosition(NodeId id) const;
    bool hasManualPosition(NodeId id) const;
    const QHash<QString, QPointF> &manualPositions() const { return m_positions; }

    // --- primitives for undo commands only -------------------------------------------------
    /// Equality of two values ignoring positions and the keys they are stored under.
    static bool sameValue(const std::optional<SourceNode> &a, const std::optional<SourceNode> &b);
    /// The value at `pointer`, or nullopt.
    std::optional<SourceNode> valueAt(const QString &pointer) const;
    /// The same without a copy (a list of 1,000 endpoints is milliseconds to copy), or nullptr;
    /// valid until the next edit.
    const SourceNode *nodeAt(const QString &pointer) const;
    /// Writes `value` at `pointer`: replaces or adds a map entry (at `mapIndex` when given),
    /// replaces a list item or (with `insert`) inserts one; nullopt removes. The parent must exist.
    void writeValue(const QString &pointer, const std::optional<SourceNode> &value, bool insert = false,
                    int mapIndex = -1);
    /// Index of the entry in its parent map, or -1.
    int mapIndexOf(const QString &pointer) const;
    void setPositions(const QHash<QString, std::optional<QPointF>> &positions);
    /// Sets the text (no undo entry); the tree becomes stale.
    void applyText(const QString &text);
    /// Tree edits nest; the outermost end patches the text to match the tree (or sets
    /// `exactText`) once. `willPatch` false: the outermost end will be given an exact text.
    void beginTreeEdit(bool willPatch = true);
    void endTreeEdit(const QString *exactText = nullptr);
    /// The text the current tree is written as from scratch (the whole document re-emitted).
    QString generateText() const;

    /// What the last tree edit did to the text.
    struct PatchInfo
    {
        int replacements = 0;
        /// Pointers of blocks re-emitted whole because no minimal patch read back right.
        QStringList reemitted;
    };
    const PatchInfo &lastPatch() const { return m_lastPatch; }

Q_SIGNALS:
    void changed(uis::DocumentChange change);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void resetTo(const QString &text, const QString &path, SpecFormat format, bool modified);
    void rebuildFromTree(std::optional<Spec> built = std::nullopt);
    /// The text patched to the tree; `verified` gets its parse when the patch read back right.
    QString patchedText(std::optional<SourceNode> *verified);
    void loadLayout(const QString &specPath);
    bool saveLayout(const QString &specPath, QString *error);

    QUndoStack *m_undo = nullptr;
    GraphModel *m_graph = nullptr;
    QString m_text;
    quint64 m_revision = 1;
    std::optional<SourceNode> m_tree;
    /// The tree as parsed, taken when a tree edit starts on a fresh parse (for the patch).
    std::optional<SourceNode> m_parsedBeforeEdit;
    Spec m_spec;
    quint64 m_treeRevision = 0;
    quint64 m_failedRevision = 0;
    bool m_parseFailed = false;
    bool m_treeFromParse = false;
    DiagnosticList m_parseDiagnostics;
    SpecFormat m_format = SpecFormat::Yaml;
    QString m_path;
    QString m_suggestedName;
    QHash<QString, QPointF> m_positions;
    int m_treeEditDepth = 0;
    bool m_restoredDirty = false;
    PatchInfo m_lastPatch;
};

} // namespace uis

Q_DECLARE_OPERATORS_FOR_FLAGS(uis::DocumentChange::Flags)
