// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "graphmodel.h"
#include "pipelinedocument.h"
#include "runoverlay.h"

#include <QDeadlineTimer>
#include <QGraphicsScene>
#include <QHash>
#include <QPair>

class QMenu;

namespace uis {

class ConnectionItem;
class NodeItem;
class PortItem;

/// MIME type of palette entries dragged onto the canvas: "<kind>:<type>".
inline const char *const NodeMimeType = "application/x-uis-node";

/**
 * Maps the graph model's ids to items and follows its signals (the QtNodes split). User
 * gestures become document commands: dragging from port to port connects (if the model allows
 * the edge), moving nodes records their positions, Delete removes the selection.
 */
class GraphScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit GraphScene(PipelineDocument *document, QObject *parent = nullptr);
    ~GraphScene() override;

    PipelineDocument *document() const { return m_document; }
    NodeItem *nodeItem(NodeId id) const { return m_nodes.value(id); }
    ConnectionItem *connectionItem(NodeId from, NodeId to) const { return m_connections.value({from, to}); }
    QList<NodeItem *> nodeItems() const { return m_nodes.values(); }
    QList<NodeId> selectedNodes() const;

    void setDiagnostics(const DiagnosticList &diagnostics);
    /// setDiagnostics in two halves, for time-sliced updates: count problems per node and
    /// note the nodes whose badge changes…
    void planDiagnostics(const DiagnosticList &diagnostics);
    /// …then update those items until `deadline`; returns true when all are done.
    bool applyPlannedDiagnostics(
        const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    void selectNode(NodeId id);
    void deleteSelection();
    void setDark(bool dark);
    /// Whether node items cache their pictures (the view turns it off for plain blocks).
    void setNodeCaching(bool cached);
    /// The upgrade check's verdicts by spec node name (UpgradeFlow); nodes not named get none.
    void setVerdicts(const QHash<QString, QString> &byNodeName);
    bool isDark() const { return m_dark; }
    /// Shows a run's badges on the nodes they name (RunOverlay); any edit of the text clears
    /// them, since the counts no longer describe the spec on the canvas.
    void setRunOverlay(const QHash<QString, NodeRunBadge> &badges);
    void clearRunOverlay() { setRunOverlay({}); }
    const QHash<QString, NodeRunBadge> &runOverlay() const { return m_run; }
    /// Marks the named nodes as added or changed (the Changes view's summary); others unmarked.
    void setChangeMarks(const QHash<QString, int> &marks);
    /// The names of the nodes on the canvas.
    QStringList nodeNames() const;
    /// Adds a node of `kind`/`type` at `scenePos` (or an automatic place) and selects it.
    NodeId addNode(NodeKind kind, const QString &type, std::optional<QPointF> scenePos = {});

Q_SIGNALS:
    void selectedNodesChanged(const QList<uis::NodeId> &ids);
    void runOverlayChanged();
    /// A short message for the status bar (why a connection was refused…).
    void message(const QString &text);
    void nodeFocusRequested(uis::NodeId id);
    /// The context menu is about to show for the selected nodes: features add their actions
    /// to `menu` here (connect directly; the menu lives only until it closes).
    void nodeMenuRequested(QMenu *menu, const QList<uis::NodeId> &selected);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *e) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *e) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *e) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *e) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *e) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *e) override;
    void dropEvent(QGraphicsSceneDragDropEvent *e) override;

private:
    void onNodeCreated(NodeId id);
    void onNodeDeleted(NodeId id);
    void onNodeUpdated(NodeId id);
    void onConnectionCreated(const GraphConnection &c);
    void onConnectionDeleted(const GraphConnection &c);
    void syncPositions();
    void updateConnectionsOf(NodeId id);
    void updateConnection(ConnectionItem *item);
    PortItem *portAt(const QPointF &scenePos, PortItem *exclude) const;
    /// The edge a drag from `start` to `target` would make, as (from, to).
    QPair<NodeId, NodeId> edgeFor(PortItem *start, PortItem *target) const;
    void finishDraft(const QPointF &scenePos);

    PipelineDocument *m_document;
    GraphModel *m_graph;
    QHash<NodeId, NodeItem *> m_nodes;
    QHash<QPair<NodeId, NodeId>, ConnectionItem *> m_connections;
    using Counts = QPair<int, int>; ///< errors, warnings
    QHash<NodeId, Counts> m_counts; ///< what the badges show (after the planned updates)
    QList<QPair<NodeId, Counts>> m_badgeTodo;
    qsizetype m_badgeNext = 0;
    ConnectionItem *m_draft = nullptr;
    PortItem *m_draftStart = nullptr;
    PortItem *m_draftTarget = nullptr;
    bool m_syncing = false;
    bool m_dark = false;
    bool m_nodeCaching = true;
    QHash<QString, NodeRunBadge> m_run;
    QHash<QString, int> m_changeMarks; ///< name -> NodeItem::ChangeMark
};

} // namespace uis
