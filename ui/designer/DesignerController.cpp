#include "ui/designer/DesignerController.h"

#include "engine/model/Edits.h"
#include "engine/model/TopologyYaml.h"
#include "ui/common/DisplayNames.h"
#include "ui/designer/Inspector.h"
#include "ui/designer/Palette.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramLayout.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/diagram/PlacedLayout.h"
#include "ui/document/DesignDocument.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QMimeData>
#include <QUndoStack>
#include <QUndoView>

#include <algorithm>
#include <map>

namespace quorum::ui {

using namespace quorum::model;

namespace {

const QString kClipboardMime = QStringLiteral("application/x-quorum-topology+yaml");

std::vector<ElementId> toIds(const QStringList &ids)
{
    std::vector<ElementId> out;
    for (const QString &id : ids)
        if (const std::optional<ElementId> parsed = parseElementId(id); parsed && parsed->kind != ElementKind::Cluster)
            out.push_back(*parsed);
    return out;
}

/// "cp-1", or "3 elements".
QString describe(const QStringList &ids)
{
    return ids.size() == 1 ? elementNameOf(ids.front()) : DesignerController::tr("%1 elements").arg(ids.size());
}

NodeRole roleOf(NewElement what)
{
    switch (what) {
    case NewElement::ControlPlaneNode: return NodeRole::ControlPlane;
    case NewElement::EtcdNode: return NodeRole::Etcd;
    case NewElement::LoadBalancerNode: return NodeRole::LoadBalancer;
    default: return NodeRole::Worker;
    }
}

} // namespace

DesignerController::DesignerController(DesignDocument *document, DiagramScene *scene, DiagramView *view, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_scene(scene)
    , m_view(view)
    , m_palette(new Palette)
    , m_inspector(new Inspector(document))
    , m_history(new QUndoView(document->undoStack()))
    , m_undo(document->undoStack()->createUndoAction(this, tr("&Undo")))
    , m_redo(document->undoStack()->createRedoAction(this, tr("&Redo")))
    , m_delete(new QAction(tr("&Delete"), this))
    , m_cut(new QAction(tr("Cu&t"), this))
    , m_copy(new QAction(tr("&Copy"), this))
    , m_paste(new QAction(tr("&Paste"), this))
    , m_selectAll(new QAction(tr("Select &All"), this))
    , m_autoLayout(new QAction(tr("Auto &Layout by Zone"), this))
{
    // Projects of format 5 and older keep scene positions; the layout turns them into placements.
    m_document->setScenePositionsConverter([](const DesignState &state) {
        return placementsFromScene(state.positions, state.topology, state.sizes, state.outsets);
    });
    m_history->setObjectName(QStringLiteral("undoHistory"));
    m_history->setEmptyLabel(tr("<opened design>"));
    m_history->setAccessibleName(tr("Undo history"));

    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcuts({QKeySequence::Redo, QKeySequence(tr("Ctrl+Y"))});
    m_delete->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    m_cut->setShortcut(QKeySequence::Cut);
    m_copy->setShortcut(QKeySequence::Copy);
    m_paste->setShortcut(QKeySequence::Paste);
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    m_autoLayout->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_delete->setStatusTip(tr("Delete the selected elements and the references to them, or disconnect the selected connections"));
    m_cut->setStatusTip(tr("Move the selected elements to the clipboard"));
    m_copy->setStatusTip(tr("Copy the selected elements to the clipboard"));
    m_paste->setStatusTip(tr("Add the elements on the clipboard (names that are taken get a '-copy' suffix)"));
    m_selectAll->setStatusTip(tr("Select every element of the diagram"));
    m_autoLayout->setStatusTip(tr("Put every card back where the automatic layout by zone places it"));
    // The diagram's shortcuts must not steal keys from the inspector's line edits.
    for (QAction *action : {m_delete, m_cut, m_copy, m_paste, m_selectAll}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view->addAction(action);
    }

    connect(m_delete, &QAction::triggered, this, &DesignerController::deleteSelection);
    connect(m_cut, &QAction::triggered, this, &DesignerController::cutSelection);
    connect(m_copy, &QAction::triggered, this, &DesignerController::copySelection);
    connect(m_paste, &QAction::triggered, this, &DesignerController::paste);
    connect(m_selectAll, &QAction::triggered, this, [this] {
        for (ElementItem *item : m_scene->elementItems())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
    });
    connect(m_autoLayout, &QAction::triggered, this, &DesignerController::autoLayout);

    // Arrow keys nudge the selection by the grid step, Shift+arrow by five; with nothing
    // selected they are disabled, and the keys scroll the diagram as before.
    const struct {
        const char *text;
        Qt::Key key;
        QPointF step;
    } nudges[] = {{QT_TR_NOOP("Nudge Left"), Qt::Key_Left, {-1, 0}},
                  {QT_TR_NOOP("Nudge Right"), Qt::Key_Right, {1, 0}},
                  {QT_TR_NOOP("Nudge Up"), Qt::Key_Up, {0, -1}},
                  {QT_TR_NOOP("Nudge Down"), Qt::Key_Down, {0, 1}}};
    for (const auto &n : nudges) {
        for (const bool far : {false, true}) {
            auto *action = new QAction(far ? tr("%1 Far").arg(tr(n.text)) : tr(n.text), this);
            action->setShortcut(QKeySequence(far ? (Qt::SHIFT | n.key) : QKeyCombination(n.key)));
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            const QPointF delta = n.step * kGridSize * (far ? 5 : 1);
            connect(action, &QAction::triggered, this, [this, delta] { nudgeSelection(delta); });
            view->addAction(action);
            m_nudges << action;
        }
    }

    createArrangeActions();

    connect(m_scene, &DiagramScene::elementsMoved, this, &DesignerController::moveElements);
    connect(m_scene, &DiagramScene::zoneResized, this,
            qOverload<const QString &, Qt::Edges, const QRectF &>(&DesignerController::resizeZone));
    connect(m_scene, &DiagramScene::bandResized, this,
            qOverload<BandKind, Qt::Edges, const QRectF &>(&DesignerController::resizeBand));
    connect(m_scene, &DiagramScene::connectRequested, this, &DesignerController::connectElements);
    connect(m_scene, &DiagramScene::selectedElementsChanged, this, [this](const QStringList &ids) {
        m_inspector->setElement(ids.size() == 1 ? ids.front() : QString());
        updateActions();
        // Say how to reach what a click cannot: a link selected, or a card's links (some may run
        // behind other cards). Only when the selection changed, not on every edit's projection.
        const QList<LinkItem *> links = m_scene->selectedLinks();
        QStringList now = ids;
        for (const LinkItem *link : links)
            now << describeLink(*link);
        if (now == m_lastSelection)
            return;
        m_lastSelection = now;
        if (ids.isEmpty() && links.size() == 1) {
            emit message(tr("Selected the link %1. Delete disconnects it.").arg(describeLink(*links.front())));
        } else if (ids.size() == 1 && links.isEmpty()) {
            if (!m_scene->linksAt(ids.front()).isEmpty())
                emit message(tr("%1 has links: right-click it to select one, also where a card hides it.")
                                 .arg(elementNameOf(ids.front())));
        }
    });
    connect(m_inspector, &Inspector::elementRenamed, this, [this](const QString &id) { m_scene->selectElement(id); });
    connect(m_view, &DiagramView::paletteEntryDropped, this,
            [this](const QString &entry, const QPointF &pos) { addFromPalette(entry, pos); });
    connect(m_palette, &Palette::entryActivated, this, [this](const QString &entry) { addFromPalette(entry); });
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &DesignerController::updateActions);

    m_scene->setEditable(true);
    m_view->setEditable(true);
    updateActions();
}

void DesignerController::createArrangeActions()
{
    // Alt+Shift+letter: free everywhere (the menus' mnemonics are Alt+letter, the window's own
    // shortcuts Ctrl+Shift+letter) and the same letter as the action's name.
    const struct {
        Arrangement arrangement;
        const char *text;
        const char *shortcut;
        const char *tip;
    } entries[] = {
        {Arrangement::AlignLeft, QT_TR_NOOP("Align &Left"), QT_TR_NOOP("Alt+Shift+L"),
         QT_TR_NOOP("Line up the left edges of the selected cards with the leftmost one (two cards or more)")},
        {Arrangement::AlignHorizontalCentres, QT_TR_NOOP("Align Horizontal &Centres"), QT_TR_NOOP("Alt+Shift+C"),
         QT_TR_NOOP("Put the centres of the selected cards on one vertical line (two cards or more)")},
        {Arrangement::AlignRight, QT_TR_NOOP("Align &Right"), QT_TR_NOOP("Alt+Shift+R"),
         QT_TR_NOOP("Line up the right edges of the selected cards with the rightmost one (two cards or more)")},
        {Arrangement::AlignTop, QT_TR_NOOP("Align &Top"), QT_TR_NOOP("Alt+Shift+T"),
         QT_TR_NOOP("Line up the top edges of the selected cards with the topmost one (two cards or more)")},
        {Arrangement::AlignVerticalCentres, QT_TR_NOOP("Align &Vertical Centres"), QT_TR_NOOP("Alt+Shift+M"),
         QT_TR_NOOP("Put the centres of the selected cards on one horizontal line (two cards or more)")},
        {Arrangement::AlignBottom, QT_TR_NOOP("Align &Bottom"), QT_TR_NOOP("Alt+Shift+B"),
         QT_TR_NOOP("Line up the bottom edges of the selected cards with the lowest one (two cards or more)")},
        {Arrangement::DistributeHorizontally, QT_TR_NOOP("Distribute &Horizontally"), QT_TR_NOOP("Alt+Shift+H"),
         QT_TR_NOOP("Space the selected cards with equal horizontal gaps; the leftmost and the rightmost stay (three cards or more)")},
        {Arrangement::DistributeVertically, QT_TR_NOOP("Distribute V&ertically"), QT_TR_NOOP("Alt+Shift+V"),
         QT_TR_NOOP("Space the selected cards with equal vertical gaps; the topmost and the lowest stay (three cards or more)")},
    };
    for (const auto &e : entries) {
        auto *action = new QAction(tr(e.text), this);
        action->setShortcut(QKeySequence(tr(e.shortcut)));
        action->setStatusTip(tr(e.tip));
        action->setToolTip(tr(e.tip));
        const Arrangement arrangement = e.arrangement;
        connect(action, &QAction::triggered, this, [this, arrangement] { arrangeSelection(arrangement); });
        m_arrange.insert(arrangement, action);
        m_arrangeList << action;
        // Separators after the horizontal and the vertical alignments.
        if (arrangement == Arrangement::AlignRight || arrangement == Arrangement::AlignBottom)
            m_arrangeList << nullptr;
    }
}

QList<QAction *> DesignerController::editActions() const
{
    return {m_undo, m_redo, nullptr, m_cut, m_copy, m_paste, m_delete, nullptr, m_selectAll, nullptr, m_autoLayout};
}

QStringList DesignerController::selectedIds() const
{
    QStringList ids = m_scene->selectedElementIds();
    ids.removeAll(QStringLiteral("cluster"));
    return ids;
}

bool DesignerController::nudgeSelection(QPointF delta)
{
    QMap<QString, QPointF> moved;
    for (const QString &id : selectedIds())
        if (ElementItem *item = m_scene->elementItem(id); item && (item->flags() & QGraphicsItem::ItemIsMovable))
            moved.insert(id, item->pos() + delta);
    if (moved.isEmpty())
        return false;
    moveElements(moved);
    return true;
}

QMap<QString, QRectF> DesignerController::selectedCards() const
{
    QMap<QString, QRectF> cards;
    for (const QString &id : selectedIds())
        if (ElementItem *item = m_scene->elementItem(id); item && (item->flags() & QGraphicsItem::ItemIsMovable))
            cards.insert(id, item->mapRectToScene(item->rect()));
    return cards;
}

bool DesignerController::arrangeSelection(Arrangement arrangement)
{
    const QMap<QString, QRectF> cards = selectedCards();
    if (cards.size() < minimumCards(arrangement))
        return false;
    const QMap<QString, QPointF> moved = arrange(arrangement, cards);
    if (moved.isEmpty()) {
        emit message(tr("The selected cards are already arranged that way."));
        return false;
    }
    const QString name = m_arrange.value(arrangement)->text().remove(QLatin1Char('&'));
    // Its own undo step, never merged with a drag or a nudge before it.
    const QString text = tr("%1 (%2 cards)").arg(name).arg(cards.size());
    const QStringList zoneChanges = applyMoves(moved, text, QString());
    emit message(zoneChanges.isEmpty() ? tr("%1. Undo puts them back (Ctrl+Z).").arg(text)
                                       : tr("%1: %2.").arg(text, zoneChanges.join(QStringLiteral("; "))));
    return true;
}

void DesignerController::updateActions()
{
    const auto cards = static_cast<int>(selectedCards().size());
    for (auto it = m_arrange.cbegin(); it != m_arrange.cend(); ++it)
        it.value()->setEnabled(cards >= minimumCards(it.key()));
    const bool any = !selectedIds().isEmpty();
    for (QAction *action : std::as_const(m_nudges))
        action->setEnabled(any);
    m_delete->setEnabled(any || !m_scene->selectedLinks().isEmpty());
    m_cut->setEnabled(any);
    m_copy->setEnabled(any);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    m_paste->setEnabled(mime && mime->hasFormat(kClipboardMime));
}

std::string DesignerController::quietestZone(int role) const
{
    const Topology &t = m_document->topology();
    std::string best;
    std::size_t fewest = SIZE_MAX;
    for (const Zone &zone : t.zones) {
        const auto count = static_cast<std::size_t>(std::count_if(t.nodes.begin(), t.nodes.end(), [&](const Node &n) {
            return n.zone == zone.name && static_cast<int>(n.role) == role;
        }));
        if (count < fewest) {
            fewest = count;
            best = zone.name;
        }
    }
    return best;
}

std::optional<QString> DesignerController::addFromPalette(const QString &entry, std::optional<QPointF> scenePos)
{
    const std::optional<NewElement> what = parseNewElement(entry.toStdString());
    if (!what)
        return std::nullopt;
    DesignState state = m_document->state();
    const bool isNode = kindOf(*what) == ElementKind::Node;
    std::optional<QString> laneZone = scenePos ? m_scene->zoneAt(*scenePos) : std::nullopt;
    const std::string zone = laneZone ? laneZone->toStdString() : quietestZone(static_cast<int>(roleOf(*what)));
    const ElementId id = addElement(state.topology, *what, isNode ? zone : std::string());
    const QString idString = elementIdString(id);
    // The new card takes its place in the automatic layout (a node in the lane it was dropped
    // on): cards dropped on one spot would pile up, and a placed position would not follow
    // when the layout grows. Dragging the card afterwards places it.
    m_document->edit(tr("Add %1").arg(QString::fromStdString(id.name)), std::move(state));
    m_scene->selectElement(idString);
    emit message(tr("Added %1.").arg(QString::fromStdString(id.name)));
    return idString;
}

void DesignerController::moveElements(const QMap<QString, QPointF> &positions)
{
    const QStringList ids = positions.keys();
    const QStringList zoneChanges =
        applyMoves(positions, tr("Move %1").arg(describe(ids)), QStringLiteral("move:") + ids.join(QLatin1Char(',')));
    if (!zoneChanges.isEmpty())
        emit message(zoneChanges.join(QStringLiteral("; ")) + QLatin1Char('.'));
}

QStringList DesignerController::applyMoves(const QMap<QString, QPointF> &positions, const QString &text,
                                           const QString &mergeKey)
{
    DesignState state = m_document->state();
    QStringList zoneChanges;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        // A node dropped into another zone's lane joins that zone.
        const std::optional<ElementId> id = parseElementId(it.key());
        if (!id || id->kind != ElementKind::Node)
            continue;
        const QPointF center = it.value() + QPointF(metrics::kCardWidth / 2, metrics::kNodeHeight / 2);
        const std::optional<QString> zone = m_scene->zoneAt(center);
        auto node = std::find_if(state.topology.nodes.begin(), state.topology.nodes.end(),
                                 [&](const Node &n) { return n.name == id->name; });
        if (zone && node != state.topology.nodes.end() && !zone->isEmpty() && node->zone != zone->toStdString()) {
            node->zone = zone->toStdString();
            zoneChanges << tr("%1 is now in %2").arg(QString::fromStdString(node->name), *zone);
        }
    }
    // Kept as offsets from the cards' lanes and bands in the design after the move (a node that
    // changed zone from its new lane), so that they follow when the layout grows.
    // Cards land on the grid (an automatically placed card, between grid lines, on its first nudge).
    Positions snapped;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        snapped.insert(it.key(), snapToGrid(it.value()));
    // From the lanes and bands as the diagram shows them (what cards placed earlier pushed included).
    const PlacementOrigins &origins = m_scene->placementOrigins();
    for (auto it = snapped.cbegin(); it != snapped.cend(); ++it)
        state.positions.insert(it.key(), it.value() - origins.of(state.topology, it.key()));
    // A move that changes a zone is a step of its own.
    m_document->edit(text, std::move(state), zoneChanges.isEmpty() ? mergeKey : QString());
    const QStringList ids = positions.keys();
    for (const QString &id : ids)
        if (ElementItem *item = m_scene->elementItem(id))
            item->setSelected(true);
    return zoneChanges;
}

bool DesignerController::resizeZone(const QString &zoneId, Qt::Edges edges, const QSizeF &size)
{
    const ElementItem *lane = m_scene->elementItem(zoneId);
    return lane && resizeZone(zoneId, edges & (Qt::RightEdge | Qt::BottomEdge), QRectF(lane->pos(), size));
}

bool DesignerController::resizeZone(const QString &zoneId, Qt::Edges edges, const QRectF &rect)
{
    const std::optional<ElementId> id = parseElementId(zoneId);
    const ElementItem *lane = m_scene->elementItem(zoneId);
    if (!id || id->kind != ElementKind::Zone || !m_document->topology().findZone(id->name) || !lane || rect.isEmpty()
        || !(edges & kResizeEdges))
        return false;
    if (!resizeContainer(zoneId, edges, lane->mapRectToScene(lane->rect()), rect,
                         tr("Resize %1").arg(QString::fromStdString(id->name))))
        return false;
    m_scene->selectElement(zoneId);
    return true;
}

bool DesignerController::resizeBand(BandKind kind, Qt::Edges edges, const QSizeF &size)
{
    const BandItem *band = m_scene->bandItem(kind);
    return band && resizeBand(kind, edges & (Qt::RightEdge | Qt::BottomEdge), QRectF(band->pos(), size));
}

bool DesignerController::resizeBand(BandKind kind, Qt::Edges edges, const QRectF &rect)
{
    const BandItem *band = m_scene->bandItem(kind);
    edges &= kResizeEdges;
    if (!band || rect.isEmpty() || !edges)
        return false;
    return resizeContainer(bandIdString(kind), edges, band->mapRectToScene(band->rect()), rect,
                           tr("Resize %1").arg(band->caption()));
}

bool DesignerController::resizeContainer(const QString &key, Qt::Edges edges, const QRectF &now, const QRectF &rect,
                                         const QString &text)
{
    DesignState state = m_document->state();
    QSizeF stored = state.sizes.value(key, QSizeF(0, 0));
    if (edges & (Qt::LeftEdge | Qt::RightEdge))
        stored.setWidth(rect.width());
    if (edges & (Qt::TopEdge | Qt::BottomEdge))
        stored.setHeight(rect.height());
    state.sizes.insert(key, stored);
    // A left or top edge dragged out: it reaches that much further from where the automatic
    // layout starts it (cards placed past the edge may have taken it out already).
    QPointF outset = state.outsets.value(key);
    const QPointF shown = m_scene->outsetOf(key);
    if (edges & Qt::LeftEdge)
        outset.setX(std::max<qreal>(0, shown.x() + now.left() - rect.left()));
    if (edges & Qt::TopEdge)
        outset.setY(std::max<qreal>(0, shown.y() + now.top() - rect.top()));
    if (outset.isNull())
        state.outsets.remove(key);
    else
        state.outsets.insert(key, outset);
    if (state == m_document->state())
        return false;
    m_document->edit(text, std::move(state));
    return true;
}

bool DesignerController::connectElements(const QString &fromId, const QString &toId)
{
    const std::optional<ElementId> from = parseElementId(fromId);
    const std::optional<ElementId> to = parseElementId(toId);
    if (!from || !to)
        return false;
    DesignState state = m_document->state();
    std::string what;
    if (const std::optional<std::string> error = model::connectElements(state.topology, *from, *to, &what)) {
        emit message(tr("Not connected: %1.").arg(QString::fromStdString(*error)));
        return false;
    }
    m_document->edit(tr("Connect %1 and %2").arg(QString::fromStdString(from->name), QString::fromStdString(to->name)),
                     std::move(state));
    emit message(tr("Connected: %1.").arg(QString::fromStdString(what)));
    return true;
}

void DesignerController::deleteSelection()
{
    const QStringList ids = selectedIds();
    const QList<LinkItem *> links = m_scene->selectedLinks();
    if (ids.isEmpty() && !links.isEmpty()) {
        disconnectLinks(links);
        return;
    }
    if (ids.isEmpty())
        return;
    DesignState state = m_document->state();
    for (const ElementId &id : toIds(ids)) {
        removeElement(state.topology, id);
        state.positions.remove(elementIdString(id));
        state.sizes.remove(elementIdString(id));
        state.outsets.remove(elementIdString(id));
    }
    m_document->edit(tr("Delete %1").arg(describe(ids)), std::move(state));
    emit message(tr("Deleted %1. Undo brings it back (Ctrl+Z).").arg(describe(ids)));
}

QString DesignerController::describeLink(const LinkItem &link)
{
    QString kind;
    switch (link.kind()) {
    case LinkKind::LoadBalancerTarget: kind = tr("target"); break;
    case LinkKind::LoadBalancerHost: kind = tr("host"); break;
    case LinkKind::StorageClassBackend: kind = tr("back end"); break;
    case LinkKind::VolumeClaim: kind = tr("volume claim"); break;
    }
    return tr("%1 → %2 (%3)").arg(elementNameOf(link.fromId()), elementNameOf(link.toId()), kind);
}

int DesignerController::addLinkActions(QMenu *menu, const QString &elementId)
{
    QList<LinkItem *> links;
    for (LinkItem *link : m_scene->linksAt(elementId))
        if (link->flags() & QGraphicsItem::ItemIsSelectable)
            links.append(link);
    if (links.isEmpty())
        return 0;
    QMenu *submenu = menu->addMenu(tr("Select &Link"));
    submenu->setStatusTip(tr("Select a link of %1, also where a card hides it").arg(elementNameOf(elementId)));
    for (LinkItem *link : std::as_const(links)) {
        QAction *action = submenu->addAction(describeLink(*link));
        action->setStatusTip(tr("Select this link; Delete then disconnects it"));
        // An edit may replace the link's item while the menu is open: look it up again when chosen
        // (links with the same kind and ends look the same).
        const LinkKind kind = link->kind();
        const QString from = link->fromId();
        const QString to = link->toId();
        connect(action, &QAction::triggered, this, [this, elementId, kind, from, to] {
            for (LinkItem *candidate : m_scene->linksAt(elementId)) {
                if (candidate->kind() == kind && candidate->fromId() == from && candidate->toId() == to) {
                    m_scene->selectLink(candidate);
                    m_view->setFocus();
                    return;
                }
            }
        });
    }
    return static_cast<int>(links.size());
}

void DesignerController::disconnectLinks(const QList<LinkItem *> &links)
{
    DesignState state = m_document->state();
    QStringList done, refused, names;
    for (const LinkItem *link : links) {
        const std::optional<ElementId> from = parseElementId(link->fromId());
        const std::optional<ElementId> to = parseElementId(link->toId());
        if (!from || !to)
            continue;
        std::string what;
        if (const std::optional<std::string> error = model::disconnectElements(state.topology, *from, *to, &what))
            refused << QString::fromStdString(*error);
        else
            done << QString::fromStdString(what);
        names << tr("%1 and %2").arg(QString::fromStdString(from->name), QString::fromStdString(to->name));
    }
    if (done.isEmpty()) {
        emit message(tr("Not disconnected: %1.").arg(refused.join(QStringLiteral("; "))));
        return;
    }
    m_document->edit(tr("Disconnect %1").arg(names.join(QStringLiteral(", "))), std::move(state));
    emit message(tr("Disconnected: %1. Undo connects them again (Ctrl+Z).").arg(done.join(QStringLiteral("; "))));
}

void DesignerController::copySelection()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const std::string yaml = topologyToYaml(extractElements(m_document->topology(), toIds(ids)));
    auto *mime = new QMimeData;
    mime->setData(kClipboardMime, QByteArray::fromStdString(yaml));
    mime->setText(QString::fromStdString(yaml));
    QApplication::clipboard()->setMimeData(mime);
    emit message(tr("Copied %1.").arg(describe(ids)));
}

void DesignerController::cutSelection()
{
    copySelection();
    deleteSelection();
}

void DesignerController::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(kClipboardMime))
        return;
    const QByteArray yaml = mime->data(kClipboardMime);
    const LoadResult fragment = parseTopology(std::string_view(yaml.constData(), static_cast<std::size_t>(yaml.size())),
                                              "clipboard");
    if (!fragment.ok()) {
        emit message(tr("The clipboard holds no elements that can be pasted: %1")
                         .arg(QString::fromStdString(fragment.errors.front().toString())));
        return;
    }
    DesignState state = m_document->state();
    const std::vector<ElementId> added = pasteElements(state.topology, *fragment.topology);
    if (added.empty())
        return;
    QStringList ids;
    for (const ElementId &id : added)
        ids << elementIdString(id);
    m_document->edit(tr("Paste %1").arg(describe(ids)), std::move(state));
    m_scene->clearSelection();
    for (const QString &id : std::as_const(ids))
        if (ElementItem *item = m_scene->elementItem(id))
            item->setSelected(true);
    emit message(tr("Pasted %1.").arg(describe(ids)));
}

void DesignerController::autoLayout()
{
    if (m_document->positions().isEmpty() && m_document->sizes().isEmpty() && m_document->outsets().isEmpty()) {
        emit message(tr("Every card is already where the automatic layout puts it."));
        return;
    }
    DesignState state = m_document->state();
    state.positions.clear();
    state.sizes.clear();
    state.outsets.clear();
    m_document->edit(tr("Auto layout"), std::move(state));
}

} // namespace quorum::ui
