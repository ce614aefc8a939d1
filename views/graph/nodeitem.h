// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"
#include "runoverlay.h"

#include <QGraphicsObject>

#include <optional>

namespace uis {

class PortItem;

/// A canvas node: header in the colour of its kind, name, type and a one-line detail, with a
/// red or amber badge when diagnostics point into it. Geometry and painting are separate from
/// the model; the item holds only its id and a copy of what it shows.
class NodeItem : public QGraphicsObject
{
    Q_OBJECT
public:
    enum { Type = QGraphicsItem::UserType + 1 };
    static constexpr qreal Width = 220;
    static constexpr qreal Height = 66;
    /// Levels of detail (scale on screen): below BlockLod a node is a plain block, below
    /// TextLod a body without text, below FullLod its name only.
    static constexpr qreal BlockLod = 0.3;
    static constexpr qreal TextLod = 0.42;
    static constexpr qreal FullLod = 0.55;
    /// Caches the painted node per zoom level (DeviceCoordinateCache), so that panning blits
    /// pixmaps instead of drawing text; off for plain blocks, which are cheaper to draw.
    void setCached(bool cached);

    NodeItem(const GraphNode &node, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    NodeId nodeId() const { return m_node.id; }
    const GraphNode &node() const { return m_node; }
    void setNode(const GraphNode &node);
    void setProblems(int errors, int warnings);
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    void setDark(bool dark);
    /// How the node differs from the version the Changes view compares with.
    enum class ChangeMark { None, Added, Changed };
    void setChangeMark(ChangeMark mark);
    ChangeMark changeMark() const { return m_change; }
    /// The last run's rows in and out (and failure) under the node; nullopt hides it.
    void setRunBadge(const std::optional<NodeRunBadge> &badge);
    const std::optional<NodeRunBadge> &runBadge() const { return m_run; }
    /// The upgrade check's verdict on this node ("restored", "dropped", "incompatible"; "" none):
    /// a green, amber or red ring around the node.
    void setVerdict(const QString &verdict);
    QString verdict() const { return m_verdict; }

    PortItem *inputPort() const { return m_in; }
    PortItem *outputPort() const { return m_out; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void moved();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *e) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *e) override;

private:
    void updateToolTip();
    void paintRunBadge(QPainter *p, const QColor &body) const;

    GraphNode m_node;
    PortItem *m_in = nullptr;
    PortItem *m_out = nullptr;
    int m_errors = 0;
    int m_warnings = 0;
    bool m_hover = false;
    bool m_dark = false;
    std::optional<NodeRunBadge> m_run;
    ChangeMark m_change = ChangeMark::None;
    QString m_verdict;
};

} // namespace uis
