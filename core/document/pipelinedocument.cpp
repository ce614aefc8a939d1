// SPDX-License-Identifier: Apache-2.0
#include "pipelinedocument.h"

#include "addnode.h"
#include "connectnodes.h"
#include "disconnectnodes.h"
#include "disposal.h"
#include "movenodes.h"
#include "removenode.h"
#include "renamenode.h"
#include "replacetext.h"
#include "setvalue.h"
#include "sourcepatcher.h"
#include "specbuilder.h"
#include "specwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringDecoder>
#include <QUndoStack>

#include <algorithm>

namespace uis {

namespace {

/// The comment block a YAML file starts with; kept when the text is rewritten from the tree.
QString leadingComments(const QString &text)
{
    qsizetype pos = 0;
    qsizetype end = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf(QLatin1Char('\n'), pos);
        if (nl < 0)
            nl = text.size();
        const QStringView line = QStringView(text).mid(pos, nl - pos).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            break;
        if (line.startsWith(QLatin1Char('#')))
            end = nl + 1;
        pos = nl + 1;
    }
    return text.left(std::min(end, text.size()));
}

SourceNode *parentOf(SourceNode &root, const QStringList &tokens)
{
    SourceNode *n = &root;
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (n->isMap()) {
            n = n->find(tokens[i]);
        } else if (n->isList()) {
            bool ok = false;
            const int idx = tokens[i].toInt(&ok);
            n = ok && idx >= 0 && idx < n->size() ? &n->children()[size_t(idx)] : nullptr;
        } else {
            return nullptr;
        }
        if (!n)
            return nullptr;
    }
    return n;
}

} // namespace

PipelineDocument::PipelineDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_graph(new GraphModel(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this] { Q_EMIT modifiedChanged(isModified()); });
}

PipelineDocument::~PipelineDocument() = default;

// --- file ------------------------------------------------------------------------------------

QString PipelineDocument::layoutPath(const QString &specPath) { return specPath + QStringLiteral(".layout.json"); }

QString PipelineDocument::displayName() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).fileName();
    return m_suggestedName.isEmpty() ? tr("untitled.uis.yaml") : m_suggestedName;
}

bool PipelineDocument::isModified() const { return m_restoredDirty || !m_undo->isClean(); }

bool PipelineDocument::open(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray data = f.readAll();
    SpecFormat fmt = SpecReader::formatForFileName(path);
    if (fmt == SpecFormat::Auto)
        fmt = SpecReader::sniffFormat(data);
    m_positions.clear();
    loadLayout(path);
    resetTo(QString::fromUtf8(data), QFileInfo(path).absoluteFilePath(), fmt, false);
    return true;
}

void PipelineDocument::openText(const QByteArray &data, SpecFormat format, const QString &suggestedName)
{
    m_positions.clear();
    m_suggestedName = suggestedName;
    resetTo(QString::fromUtf8(data), QString(), format == SpecFormat::Auto ? SpecReader::sniffFormat(data) : format,
            false);
}

void PipelineDocument::restore(const QString &text, const QString &path, SpecFormat format)
{
    m_positions.clear();
    if (!path.isEmpty())
        loadLayout(path);
    resetTo(text, path, format, true);
}

void PipelineDocument::resetTo(const QString &text, const QString &path, SpecFormat format, bool modified)
{
    m_undo->clear();
    m_path = path;
    m_format = format == SpecFormat::Auto ? SpecFormat::Yaml : format;
    m_text = text;
    ++m_revision;
    m_tree.reset();
    m_treeRevision = 0;
    m_failedRevision = 0;
    m_parseFailed = false;
    m_spec = Spec();
    m_graph->clear();
    m_restoredDirty = modified;
    ensureTree();
    Q_EMIT changed({DocumentChange::Text | DocumentChange::Tree | DocumentChange::Layout |
                    DocumentChange::File | DocumentChange::ParseState});
    Q_EMIT filePathChanged(m_path);
    Q_EMIT modifiedChanged(isModified());
}

bool PipelineDocument::save(QString *error)
{
    if (m_path.isEmpty()) {
        if (error)
            *error = tr("The document has no file name yet.");
        return false;
    }
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    f.write(m_text.toUtf8());
    if (!f.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    if (!saveLayout(m_path, error))
        return false;
    m_restoredDirty = false;
    m_undo->setClean();
    Q_EMIT modifiedChanged(false);
    return true;
}

bool PipelineDocument::saveAs(const QString &path, QString *error)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    const SpecFormat wanted = SpecReader::formatForFileName(abs);
    if (wanted != SpecFormat::Auto && wanted != m_format) {
        if (!ensureTree() || !m_tree) {
            if (error)
                *error = tr("Fix the syntax errors before saving in another format.");
            return false;
        }
        const SourceNode normalized = SpecWriter::normalize(*m_tree);
        const QString converted = QString::fromUtf8(wanted == SpecFormat::Json ? SpecWriter::toJson(normalized)
                                                                               : SpecWriter::toYaml(normalized));
        m_format = wanted;
        replaceText(converted, false);
    }
    const QString oldPath = m_path;
    m_path = abs;
    if (!save(error)) {
        m_path = oldPath;
        return false;
    }
    m_suggestedName.clear();
    Q_EMIT filePathChanged(m_path);
    Q_EMIT changed({DocumentChange::File});
    return true;
}

void PipelineDocument::loadLayout(const QString &specPath)
{
    QFile f(layoutPath(specPath));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject positions = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("positions")).toObject();
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        const QJsonArray a = it.value().toArray();
        if (a.size() == 2 && a[0].isDouble() && a[1].isDouble())
            m_positions.insert(it.key(), QPointF(a[0].toDouble(), a[1].toDouble()));
    }
}

bool PipelineDocument::saveLayout(const QString &specPath, QString *error)
{
    const QString path = layoutPath(specPath);
    if (m_positions.isEmpty()) {
        if (QFile::exists(path))
            QFile::remove(path);
        return true;
    }
    QJsonObject positions;
    QStringList keys = m_positions.keys();
    keys.sort();
    for (const QString &k : std::as_const(keys)) {
        const QPointF p = m_positions.value(k);
        positions.insert(k, QJsonArray{qRound(p.x() * 10) / 10.0, qRound(p.y() * 10) / 10.0});
    }
    QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("positions"), positions}};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson()) < 0 || !f.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// --- text and tree ---------------------------------------------------------------------------

bool PipelineDocument::ensureTree()
{
    if (m_treeRevision == m_revision)
        return true;
    if (m_failedRevision == m_revision)
        return false;
    adoptParse(m_revision, SpecReader::read(m_text.toUtf8(), m_format));
    return m_treeRevision == m_revision;
}

void PipelineDocument::adoptParse(quint64 revision, ReadResult result, std::optional<Spec> built)
{
    if (revision != m_revision)
        return;
    if (result.root && hasParsedTree(revision))
        return;
    if (!result.root) {
        m_failedRevision = revision;
        m_parseFailed = true;
        m_parseDiagnostics = std::move(result.diagnostics);
        Q_EMIT changed({DocumentChange::ParseState});
        return;
    }
    const bool stateChanged = m_parseFailed;
    m_parseFailed = false;
    m_failedRevision = 0;
    m_parseDiagnostics.clear();
    const bool same = m_tree && *m_tree == *result.root;
    // Fresh positions even when the structure is the same.
    disposeInBackground(std::exchange(m_tree, std::move(result.root)));
    m_treeRevision = revision;
    m_treeFromParse = true;
    DocumentChange::Flags what;
    if (!same) {
        rebuildFromTree(std::move(built));
        what |= DocumentChange::Tree;
    } else if (built) {
        disposeInBackground(std::move(*built)); // not left for the caller to free
    }
    if (stateChanged)
        what |= DocumentChange::ParseState;
    if (what)
        Q_EMIT changed({what});
}

void PipelineDocument::rebuildFromTree(std::optional<Spec> built)
{
    Spec spec = built ? std::move(*built) : m_tree ? SpecBuilder::build(*m_tree) : Spec();
    disposeInBackground(std::exchange(m_spec, std::move(spec)));
    m_graph->rebuild(m_spec);
}

QString PipelineDocument::generateText() const
{
    if (!m_tree)
        return m_text;
    const SourceNode normalized = SpecWriter::normalize(*m_tree);
    if (m_format == SpecFormat::Json)
        return QString::fromUtf8(SpecWriter::toJson(normalized));
    return leadingComments(m_text) + QString::fromUtf8(SpecWriter::toYaml(normalized));
}

void PipelineDocument::applyText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    ++m_revision;
    Q_EMIT changed({DocumentChange::Text});
}

void PipelineDocument::beginTreeEdit(bool willPatch)
{
    // The patch needs the text's own parse (its positions): a copy of the tree while it still
    // is that parse costs a few ms, reading the text again on a 1,050-node spec 17. An edit
    // that ends on an exact text (undo, redo) patches nothing and needs no copy.
    if (m_treeEditDepth++ == 0 && willPatch && hasParsedTree(m_revision))
        m_parsedBeforeEdit = *m_tree;
}

QString PipelineDocument::patchedText(std::optional<SourceNode> *verified)
{
    m_lastPatch = {};
    if (!m_tree)
        return m_text;
    SourcePatcher::Result r =
        m_parsedBeforeEdit ? SourcePatcher::patch(m_text, m_format, *m_parsedBeforeEdit, *m_tree)
                           : SourcePatcher::patch(m_text, m_format, *m_tree);
    if (!r.ok) {
        m_lastPatch.reemitted = {QStringLiteral("(document, rewritten)")};
        return generateText();
    }
    m_lastPatch.reemitted = r.reemitted;
    m_lastPatch.replacements = r.replacements;
    *verified = std::move(r.tree);
    return r.text;
}

void PipelineDocument::endTreeEdit(const QString *exactText)
{
    if (--m_treeEditDepth > 0)
        return;
    // The patch reads its text back to verify it: that parse, equal to the edited tree, becomes
    // the tree, so its positions are fresh and the background analysis need not send one.
    std::optional<SourceNode> verified;
    m_text = exactText ? *exactText : patchedText(&verified);
    disposeInBackground(std::exchange(m_parsedBeforeEdit, std::nullopt));
    ++m_revision;
    m_failedRevision = 0;
    m_parseFailed = false;
    m_treeRevision = m_revision;
    m_treeFromParse = verified.has_value();
    if (verified)
        disposeInBackground(std::exchange(m_tree, std::move(verified)));
    rebuildFromTree();
    Q_EMIT changed({DocumentChange::Text | DocumentChange::Tree | DocumentChange::ParseState});
}

// --- primitives --------------------------------------------------------------------------------

bool PipelineDocument::sameValue(const std::optional<SourceNode> &a, const std::optional<SourceNode> &b)
{
    if (!a || !b)
        return !a && !b;
    SourceNode ma = SourceNode::makeMap();
    ma.insert(QStringLiteral("v"), *a);
    SourceNode mb = SourceNode::makeMap();
    mb.insert(QStringLiteral("v"), *b);
    return ma == mb;
}

std::optional<SourceNode> PipelineDocument::valueAt(const QString &pointer) const
{
    const SourceNode *n = nodeAt(pointer);
    return n ? std::optional<SourceNode>(*n) : std::nullopt;
}

const SourceNode *PipelineDocument::nodeAt(const QString &pointer) const
{
    return m_tree ? m_tree->at(pointer) : nullptr;
}

int PipelineDocument::mapIndexOf(const QString &pointer) const
{
    if (!m_tree)
        return -1;
    const QStringList tokens = splitPointer(pointer);
    if (tokens.isEmpty())
        return -1;
    const SourceNode *parent = parentOf(const_cast<SourceNode &>(*m_tree), tokens);
    if (!parent || !parent->isMap())
        return -1;
    for (int i = 0; i < parent->size(); ++i) {
        if (parent->children()[size_t(i)].key() == tokens.last())
            return i;
    }
    return -1;
}

void PipelineDocument::writeValue(const QString &pointer, const std::optional<SourceNode> &value, bool insert,
                                  int mapIndex)
{
    const QStringList tokens = splitPointer(pointer);
    if (tokens.isEmpty()) {
        if (value)
            m_tree = *value;
        return;
    }
    if (!m_tree)
        m_tree = SourceNode::makeMap();
    SourceNode *parent = parentOf(*m_tree, tokens);
    if (!parent)
        return;
    const QString &last = tokens.last();
    if (parent->isMap()) {
        if (!value) {
            parent->remove(last);
            return;
        }
        const bool existed = parent->find(last) != nullptr;
        parent->insert(last, *value);
        auto &ch = parent->children();
        if (!existed && mapIndex >= 0 && mapIndex < int(ch.size()) - 1)
            std::rotate(ch.begin() + mapIndex, ch.end() - 1, ch.end());
        return;
    }
    if (parent->isList()) {
        bool ok = false;
        const int idx = last.toInt(&ok);
        auto &ch = parent->children();
        if (!ok || idx < 0)
            return;
        if (!value) {
            if (idx < int(ch.size()))
                ch.erase(ch.begin() + idx);
        } else if (insert || idx >= int(ch.size())) {
            ch.insert(ch.begin() + std::min<int>(idx, int(ch.size())), *value);
        } else {
            ch[size_t(idx)] = *value;
        }
    }
}

void PipelineDocument::setPositions(const QHash<QString, std::optional<QPointF>> &positions)
{
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        if (it.value())
            m_positions.insert(it.key(), *it.value());
        else
            m_positions.remove(it.key());
    }
    Q_EMIT changed({DocumentChange::Layout});
}

// --- edits -----------------------------------------------------------------------------------

void PipelineDocument::replaceText(const QString &text, bool typing)
{
    if (text == m_text)
        return;
    m_undo->push(new ReplaceText(this, m_text, text, typing));
}

bool PipelineDocument::restoreVersion(const QByteArray &bytes, const QString &label, QString *error)
{
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError() || text.toUtf8() != bytes) {
        if (error)
            *error = tr("%1 is not UTF-8 text; it cannot be restored exactly.").arg(label);
        return false;
    }
    if (text == m_text)
        return true;
    m_undo->push(new ReplaceText(this, m_text, text, tr("Restore %1").arg(label)));
    return true;
}

bool PipelineDocument::setValue(const QString &pointer, const std::optional<SourceNode> &value, QString *error)
{
    if (!ensureTree()) {
        if (error)
            *error = tr("The source has syntax errors; fix them in Source first.");
        return false;
    }
    const std::optional<SourceNode> old = valueAt(pointer);
    if (sameValue(old, value))
        return true;
    // A node's name is also a reference: rename the references with it.
    if (pointer.endsWith(QLatin1String("/name"))) {
        const NodeId id = m_graph->nodeForPointer(pointer);
        const GraphNode *n = m_graph->node(id);
        if (n && n->pointer + QStringLiteral("/name") == pointer && (!value || value->isScalar())) {
            m_undo->push(new RenameNode(this, id, value ? value->text() : QString()));
            return true;
        }
    }
    auto *cmd = new SetValue(this, pointer, value);
    if (cmd->isNoOp()) {
        delete cmd;
        return true;
    }
    m_undo->push(cmd);
    return true;
}

NodeId PipelineDocument::addNode(NodeKind kind, const QString &type, std::optional<QPointF> position)
{
    if (!ensureTree() || !m_tree || !m_tree->isMap())
        return InvalidNodeId;
    auto *cmd = new AddNode(this, kind, type, position);
    const QString key = cmd->key();
    m_undo->push(cmd);
    return m_graph->nodeForKey(key);
}

bool PipelineDocument::removeNodes(const QList<NodeId> &ids)
{
    if (ids.isEmpty() || !ensureTree())
        return false;
    m_undo->push(new RemoveNode(this, ids));
    return true;
}

bool PipelineDocument::connectNodes(NodeId from, NodeId to, QString *reason)
{
    if (!ensureTree()) {
        if (reason)
            *reason = tr("the source has syntax errors");
        return false;
    }
    if (!m_graph->canConnect(from, to, reason))
        return false;
    m_undo->push(new ConnectNodes(this, from, to));
    return true;
}

bool PipelineDocument::disconnectNodes(NodeId from, NodeId to, QString *reason)
{
    if (!ensureTree()) {
        if (reason)
            *reason = tr("the source has syntax errors");
        return false;
    }
    if (!m_graph->hasConnection(from, to)) {
        if (reason)
            *reason = tr("not connected");
        return false;
    }
    m_undo->push(new DisconnectNodes(this, from, to));
    return true;
}

void PipelineDocument::moveNodes(const QHash<NodeId, QPointF> &positions)
{
    MoveNodes::Positions p;
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        if (const GraphNode *n = m_graph->node(it.key()); n && nodePosition(it.key()) != it.value())
            p.insert(n->key, it.value());
    }
    if (!p.isEmpty())
        m_undo->push(new MoveNodes(this, p));
}

void PipelineDocument::resetLayout()
{
    MoveNodes::Positions p;
    for (auto it = m_positions.begin(); it != m_positions.end(); ++it)
        p.insert(it.key(), std::nullopt);
    if (p.isEmpty())
        return;
    auto *cmd = new MoveNodes(this, p);
    cmd->setText(tr("Automatic Layout"));
    m_undo->push(cmd);
}

QPointF PipelineDocument::nodePosition(NodeId id) const
{
    if (const GraphNode *n = m_graph->node(id)) {
        auto it = m_positions.constFind(n->key);
        if (it != m_positions.constEnd())
            return *it;
    }
    return m_graph->autoPosition(id);
}

bool PipelineDocument::hasManualPosition(NodeId id) const
{
    const GraphNode *n = m_graph->node(id);
    return n && m_positions.contains(n->key);
}

} // namespace uis
