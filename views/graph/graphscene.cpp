// SPDX-License-Identifier: Apache-2.0
#include "graphscene.h"

#include "connectionitem.h"
#include "nodeitem.h"
#include "portitem.h"
#include "specschema.h"
#include "studioicons.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QUndoStack>

namespace uis {

GraphScene::GraphScene(PipelineDocument *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_graph(document->graph())
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(m_graph, &GraphModel::nodeCreated, this, &GraphScene::onNodeCreated);
    connect(m_graph, &GraphModel::nodeDeleted, this, &GraphScene::onNodeDeleted);
    connect(m_graph, &GraphModel::nodeUpdated, this, &GraphScene::onNodeUpdated);
    connect(m_graph, &GraphModel::connectionCreated, this, &GraphScene::onConnectionCreated);
    connect(m_graph, &GraphModel::connectionDeleted, this, &GraphScene::onConnectionDeleted);
    connect(m_graph, &GraphModel::layoutChanged, this, &GraphScene::syncPositions);
    connect(document, &PipelineDocument::changed, this, [this](DocumentChange c) {
        if (c.what & DocumentChange::Layout)
            syncPositions();
        if ((c.what & DocumentChange::Text) && !m_run.isEmpty())
            clearRunOverlay();
    });
    connect(this, &QGraphicsScene::selectionChanged, this, [this] { Q_EMIT selectedNodesChanged(selectedNodes()); });
    for (NodeId id : m_graph->nodeIds())
        onNodeCreated(id);
    for (const GraphConnection &c : m_graph->connections())
        onConnectionCreated(c);
}

GraphScene::~GraphScene()
{
    // Tearing down items changes the selection; nobody should hear about it any more.
    blockSignals(true);
    m_nodes.clear();
    m_connections.clear();
    clear();
}

QList<NodeId> GraphScene::selectedNodes() const
{
    QList<NodeId> out;
    for (QGraphicsItem *i : selectedItems()) {
        if (i->type() == NodeItem::Type)
            out.append(static_cast<NodeItem *>(i)->nodeId());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void GraphScene::onNodeCreated(NodeId id)
{
    const GraphNode *n = m_graph->node(id);
    if (!n || m_nodes.contains(id))
        return;
    auto *item = new NodeItem(*n);
    item->setDark(m_dark);
    item->setCached(m_nodeCaching);
    if (const auto it = m_run.constFind(n->name); it != m_run.constEnd())
        item->setRunBadge(*it);
    item->setChangeMark(NodeItem::ChangeMark(m_changeMarks.value(n->name)));
    if (const auto c = m_counts.constFind(id); c != m_counts.constEnd())
        item->setProblems(c->first, c->second);
    m_syncing = true;
    item->setPos(m_document->nodePosition(id));
    m_syncing = false;
    addItem(item);
    m_nodes.insert(id, item);
    connect(item, &NodeItem::moved, this, [this, id] {
        updateConnectionsOf(id);
    });
}

void GraphScene::onNodeDeleted(NodeId id)
{
    m_counts.remove(id);
    if (NodeItem *item = m_nodes.take(id)) {
        removeItem(item);
        delete item;
    }
}

void GraphScene::onNodeUpdated(NodeId id)
{
    if (NodeItem *item = m_nodes.value(id))
        if (const GraphNode *n = m_graph->node(id))
            item->setNode(*n);
}

void GraphScene::onConnectionCreated(const GraphConnection &c)
{
    const QPair<NodeId, NodeId> key{c.from, c.to};
    if (m_connections.contains(key))
        onConnectionDeleted(m_connections.value(key)->connection());
    auto *item = new ConnectionItem(c);
    item->setDark(m_dark);
    addItem(item);
    m_connections.insert(key, item);
    updateConnection(item);
}

void GraphScene::onConnectionDeleted(const GraphConnection &c)
{
    if (ConnectionItem *item = m_connections.take({c.from, c.to})) {
        removeItem(item);
        delete item;
    }
}

void GraphScene::updateConnection(ConnectionItem *item)
{
    NodeItem *a = m_nodes.value(item->connection().from);
    NodeItem *b = m_nodes.value(item->connection().to);
    if (a && b && a->outputPort() && b->inputPort())
        item->setEnds(a->outputPort()->anchor(), b->inputPort()->anchor());
}

void GraphScene::updateConnectionsOf(NodeId id)
{
    if (m_syncing)
        return;
    for (ConnectionItem *c : std::as_const(m_connections)) {
        if (c->connection().from == id || c->connection().to == id)
            updateConnection(c);
    }
}

void GraphScene::syncPositions()
{
    m_syncing = true;
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        const QPointF p = m_document->nodePosition(it.key());
        if (it.value()->pos() != p)
            it.value()->setPos(p);
    }
    m_syncing = false;
    for (ConnectionItem *c : std::as_const(m_connections))
        updateConnection(c);
}

void GraphScene::setDiagnostics(const DiagnosticList &diagnostics)
{
    planDiagnostics(diagnostics);
    applyPlannedDiagnostics();
}

void GraphScene::setVerdicts(const QHash<QString, QString> &byNodeName)
{
    for (NodeItem *item : std::as_const(m_nodes))
        item->setVerdict(byNodeName.value(item->node().name));
}

void GraphScene::planDiagnostics(const DiagnosticList &diagnostics)
{
    QHash<NodeId, Counts> counts;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Info)
            continue;
        const NodeId id = m_graph->nodeForPointer(d.pointer);
        if (id == InvalidNodeId)
            continue;
        if (d.severity == Severity::Error)
            counts[id].first++;
        else
            counts[id].second++;
    }
    // Badges of an earlier plan not applied yet show what their items show, not the plan.
    for (qsizetype i = m_badgeNext; i < m_badgeTodo.size(); ++i) {
        const NodeId id = m_badgeTodo[i].first;
        NodeItem *item = m_nodes.value(id);
        const Counts shown = item ? Counts(item->errorCount(), item->warningCount()) : Counts();
        if (shown == Counts())
            m_counts.remove(id);
        else
            m_counts.insert(id, shown);
    }
    // Only the nodes whose counts differ: one result usually changes a few of 1,000.
    m_badgeTodo.clear();
    m_badgeNext = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (!counts.contains(it.key()))
            m_badgeTodo.append({it.key(), Counts()});
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (m_counts.value(it.key()) != it.value())
            m_badgeTodo.append({it.key(), it.value()});
    }
    m_counts = counts;
}

bool GraphScene::applyPlannedDiagnostics(const QDeadlineTimer &deadline)
{
    while (m_badgeNext < m_badgeTodo.size()) {
        const auto &[id, c] = m_badgeTodo[m_badgeNext++];
        if (NodeItem *item = m_nodes.value(id))
            item->setProblems(c.first, c.second);
        if (deadline.hasExpired())
            break;
    }
    if (m_badgeNext < m_badgeTodo.size())
        return false;
    m_badgeTodo.clear();
    m_badgeNext = 0;
    return true;
}

void GraphScene::selectNode(NodeId id)
{
    NodeItem *item = m_nodes.value(id);
    if (!item)
        return;
    clearSelection();
    item->setSelected(true);
    Q_EMIT nodeFocusRequested(id);
}

void GraphScene::setRunOverlay(const QHash<QString, NodeRunBadge> &badges)
{
    if (badges == m_run)
        return;
    m_run = badges;
    for (NodeItem *n : std::as_const(m_nodes)) {
        const auto it = m_run.constFind(n->node().name);
        n->setRunBadge(it == m_run.constEnd() ? std::nullopt : std::optional<NodeRunBadge>(*it));
    }
    Q_EMIT runOverlayChanged();
}

void GraphScene::setChangeMarks(const QHash<QString, int> &marks)
{
    m_changeMarks = marks;
    for (NodeItem *n : std::as_const(m_nodes))
        n->setChangeMark(NodeItem::ChangeMark(m_changeMarks.value(n->node().name)));
}

QStringList GraphScene::nodeNames() const
{
    QStringList names;
    for (NodeItem *n : std::as_const(m_nodes))
        names << n->node().name;
    return names;
}

void GraphScene::setNodeCaching(bool cached)
{
    if (cached == m_nodeCaching)
        return;
    m_nodeCaching = cached;
    for (NodeItem *n : std::as_const(m_nodes))
        n->setCached(cached);
}

void GraphScene::setDark(bool dark)
{
    m_dark = dark;
    for (NodeItem *n : std::as_const(m_nodes))
        n->setDark(dark);
    for (ConnectionItem *c : std::as_const(m_connections))
        c->setDark(dark);
    update();
}

NodeId GraphScene::addNode(NodeKind kind, const QString &type, std::optional<QPointF> scenePos)
{
    std::optional<QPointF> pos;
    if (scenePos)
        pos = *scenePos - QPointF(NodeItem::Width / 2, NodeItem::Height / 2);
    const NodeId id = m_document->addNode(kind, type, pos);
    if (id == InvalidNodeId)
        Q_EMIT message(tr("Cannot add a node while the source does not parse."));
    else
        selectNode(id);
    return id;
}

void GraphScene::deleteSelection()
{
    QList<NodeId> nodes = selectedNodes();
    QList<GraphConnection> conns;
    for (QGraphicsItem *i : selectedItems()) {
        if (i->type() == ConnectionItem::Type) {
            const GraphConnection &c = static_cast<ConnectionItem *>(i)->connection();
            if (!nodes.contains(c.from) && !nodes.contains(c.to))
                conns.append(c);
        }
    }
    if (nodes.isEmpty() && conns.isEmpty())
        return;
    QUndoStack *stack = m_document->undoStack();
    const bool macro = !conns.isEmpty() && (conns.size() > 1 || !nodes.isEmpty());
    if (macro)
        stack->beginMacro(tr("Delete Selection"));
    for (const GraphConnection &c : std::as_const(conns)) {
        QString reason;
        if (!m_document->disconnectNodes(c.from, c.to, &reason))
            Q_EMIT message(reason);
    }
    if (!nodes.isEmpty())
        m_document->removeNodes(nodes);
    if (macro)
        stack->endMacro();
}

PortItem *GraphScene::portAt(const QPointF &scenePos, PortItem *exclude) const
{
    const QList<QGraphicsItem *> hits = items(QRectF(scenePos - QPointF(10, 10), QSizeF(20, 20)));
    for (QGraphicsItem *i : hits) {
        if (i->type() == PortItem::Type && i != exclude)
            return static_cast<PortItem *>(i);
    }
    // Dropping on a node body means its matching port.
    for (QGraphicsItem *i : items(scenePos)) {
        if (i->type() == NodeItem::Type) {
            auto *n = static_cast<NodeItem *>(i);
            if (exclude && n == exclude->nodeItem())
                return nullptr;
            if (exclude && exclude->direction() == PortItem::Direction::Out)
                return n->inputPort();
            return n->outputPort();
        }
    }
    return nullptr;
}

QPair<NodeId, NodeId> GraphScene::edgeFor(PortItem *start, PortItem *target) const
{
    if (!start || !target || start->direction() == target->direction())
        return {InvalidNodeId, InvalidNodeId};
    if (start->direction() == PortItem::Direction::Out)
        return {start->nodeId(), target->nodeId()};
    return {target->nodeId(), start->nodeId()};
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *e)
{
    if (e->button() == Qt::LeftButton) {
        for (QGraphicsItem *i : items(e->scenePos())) {
            if (i->type() == PortItem::Type) {
                m_draftStart = static_cast<PortItem *>(i);
                m_draft = new ConnectionItem();
                m_draft->setDark(m_dark);
                addItem(m_draft);
                m_draft->setEnds(m_draftStart->anchor(), e->scenePos());
                e->accept();
                return;
            }
            if (i->type() == NodeItem::Type)
                break;
        }
    }
    QGraphicsScene::mousePressEvent(e);
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *e)
{
    if (m_draft) {
        PortItem *target = portAt(e->scenePos(), m_draftStart);
        if (m_draftTarget && m_draftTarget != target)
            m_draftTarget->setHighlighted(false);
        m_draftTarget = target;
        const auto edge = edgeFor(m_draftStart, target);
        const bool allowed = edge.first != InvalidNodeId && m_graph->canConnect(edge.first, edge.second);
        if (target)
            target->setHighlighted(allowed);
        m_draft->setRefused(target && !allowed);
        const QPointF end = target && allowed ? target->anchor() : e->scenePos();
        if (m_draftStart->direction() == PortItem::Direction::Out)
            m_draft->setEnds(m_draftStart->anchor(), end);
        else
            m_draft->setEnds(end, m_draftStart->anchor());
        e->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(e);
}

void GraphScene::finishDraft(const QPointF &scenePos)
{
    PortItem *target = portAt(scenePos, m_draftStart);
    if (m_draftTarget)
        m_draftTarget->setHighlighted(false);
    removeItem(m_draft);
    delete m_draft;
    m_draft = nullptr;
    const auto edge = edgeFor(m_draftStart, target);
    m_draftStart = nullptr;
    m_draftTarget = nullptr;
    if (!target)
        return;
    QString reason;
    if (edge.first == InvalidNodeId) {
        Q_EMIT message(tr("Connect an output (right) to an input (left)."));
        return;
    }
    if (!m_document->connectNodes(edge.first, edge.second, &reason))
        Q_EMIT message(tr("Cannot connect: %1").arg(reason));
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *e)
{
    if (m_draft) {
        finishDraft(e->scenePos());
        e->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(e);
    if (e->button() != Qt::LeftButton)
        return;
    QHash<NodeId, QPointF> moved;
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        if (it.value()->isSelected() && it.value()->pos() != m_document->nodePosition(it.key()))
            moved.insert(it.key(), it.value()->pos());
    }
    if (!moved.isEmpty())
        m_document->moveNodes(moved);
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *e)
{
    QGraphicsScene::mouseDoubleClickEvent(e);
    for (QGraphicsItem *i : items(e->scenePos())) {
        if (i->type() == NodeItem::Type) {
            Q_EMIT nodeFocusRequested(static_cast<NodeItem *>(i)->nodeId());
            return;
        }
    }
}

void GraphScene::keyPressEvent(QKeyEvent *e)
{
    if (e->matches(QKeySequence::Delete) || e->key() == Qt::Key_Backspace) {
        deleteSelection();
        e->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(e);
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *e)
{
    QMenu menu;
    const QPointF at = e->scenePos();
    QGraphicsItem *hit = nullptr;
    for (QGraphicsItem *i : items(at)) {
        if (i->type() == NodeItem::Type || i->type() == ConnectionItem::Type) {
            hit = i;
            break;
        }
    }
    if (hit && !hit->isSelected()) {
        clearSelection();
        hit->setSelected(true);
    }
    if (!selectedItems().isEmpty()) {
        menu.addAction(StudioIcons::icon(QStringLiteral("delete")), tr("Delete"), this, &GraphScene::deleteSelection);
        Q_EMIT nodeMenuRequested(&menu, selectedNodes());
        menu.addSeparator();
    }
    QMenu *add = menu.addMenu(StudioIcons::icon(QStringLiteral("add")), tr("Add"));
    const QString providerType = m_document->spec().provider.providerType;
    add->addAction(StudioIcons::kind(NodeKind::Endpoint), tr("Endpoint"), this,
                   [this, at, providerType] { addNode(NodeKind::Endpoint, providerType, at); });
    QMenu *tm = add->addMenu(StudioIcons::kind(NodeKind::Transform), tr("Transform"));
    for (const QString &t : SpecSchema::transformTypes())
        tm->addAction(t, this, [this, at, t] { addNode(NodeKind::Transform, t, at); });
    QMenu *sm = add->addMenu(StudioIcons::kind(NodeKind::Sink), tr("Sink"));
    for (const QString &t : SpecSchema::sinkTypes())
        sm->addAction(t, this, [this, at, t] { addNode(NodeKind::Sink, t, at); });
    menu.addSeparator();
    menu.addAction(tr("Automatic Layout"), m_document, &PipelineDocument::resetLayout);
    menu.exec(e->screenPos());
    e->accept();
}

void GraphScene::dragEnterEvent(QGraphicsSceneDragDropEvent *e)
{
    e->setAccepted(e->mimeData()->hasFormat(QString::fromLatin1(NodeMimeType)));
}

void GraphScene::dragMoveEvent(QGraphicsSceneDragDropEvent *e)
{
    e->setAccepted(e->mimeData()->hasFormat(QString::fromLatin1(NodeMimeType)));
}

void GraphScene::dropEvent(QGraphicsSceneDragDropEvent *e)
{
    const QString spec = QString::fromUtf8(e->mimeData()->data(QString::fromLatin1(NodeMimeType)));
    const QStringList parts = spec.split(QLatin1Char(':'));
    if (parts.size() != 2) {
        e->ignore();
        return;
    }
    const NodeKind kind = parts[0] == QLatin1String("endpoint")    ? NodeKind::Endpoint
                          : parts[0] == QLatin1String("transform") ? NodeKind::Transform
                                                                   : NodeKind::Sink;
    addNode(kind, parts[1], e->scenePos());
    e->acceptProposedAction();
}

} // namespace uis
