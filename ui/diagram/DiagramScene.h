#pragma once

// The diagram: a QGraphicsScene that projects a Topology. The model is the truth; the scene
// rebuilds its items from it (setTopology) and marks the elements findings point at.
// Items are found by element id ("node/cp-1"). Main (GUI) thread only.

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"
#include "ui/diagram/DiagramItems.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QStringList>

#include <vector>

namespace quorum::ui {

class DiagramScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit DiagramScene(QObject *parent = nullptr);
    ~DiagramScene() override;

    /// Replaces every item with a projection of topology and marks the elements that
    /// findings point at. Elements that were selected and still exist stay selected.
    void setTopology(const model::Topology &topology, const std::vector<model::Finding> &findings);

    /// Updates the finding marks (badge, frame colour, tooltip) without rebuilding.
    void setFindings(const std::vector<model::Finding> &findings);

    /// The item of an element id ("node/cp-1"), or nullptr when the diagram has none
    /// (e.g. "cluster", secrets, unknown ids).
    ElementItem *elementItem(const QString &elementId) const;
    /// Every element item (lanes, nodes, load balancers, storage, workloads), in creation order.
    QList<ElementItem *> elementItems() const { return m_elementItems; }
    /// Every link item, in creation order.
    QList<LinkItem *> linkItems() const { return m_linkItems; }

    /// Selects exactly the element's item (clearing other selection). Returns false, with the
    /// selection cleared, when the element has no item.
    bool selectElement(const QString &elementId);
    /// Ids of the selected element items, in creation order.
    QStringList selectedElementIds() const;

signals:
    /// The selected elements changed (from a click or from selectElement()).
    void selectedElementsChanged(const QStringList &elementIds);

private:
    void addElement(ElementItem *item, const QPointF &pos, qreal z);

    QList<ElementItem *> m_elementItems;
    QList<LinkItem *> m_linkItems;
    QHash<QString, ElementItem *> m_byId;
};

} // namespace quorum::ui
