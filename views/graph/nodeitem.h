// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"

#include <QGraphicsObject>

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

    NodeItem(const GraphNode &node, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    NodeId nodeId() const { return m_node.id; }
    const GraphNode &node() const { return m_node; }
    void setNode(const GraphNode &node);
    void setProblems(int errors, int warnings);
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    void setDark(bool dark);
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

    GraphNode m_node;
    PortItem *m_in = nullptr;
    PortItem *m_out = nullptr;
    int m_errors = 0;
    int m_warnings = 0;
    bool m_hover = false;
    bool m_dark = false;
    QString m_verdict;
};

} // namespace uis
