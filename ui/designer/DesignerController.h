#pragma once

// The designer: turns what the user does on the diagram, the palette and the Edit menu into
// undoable edits of the design — add from the palette (dropped at a place or double-clicked),
// move cards (a node dropped into another zone's lane joins that zone), resize zone lanes,
// delete, cut, copy, paste, select all, automatic layout, align and distribute, undo and redo.
// Owns the palette, the inspector and the undo history view; the main window docks them.
// Main (GUI) thread only.

#include "ui/diagram/Arrange.h"
#include "ui/diagram/DiagramLayout.h"

#include <QMap>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

class QAction;
class QMenu;
class QUndoView;

namespace quorum::ui {

class DesignDocument;
class DiagramScene;
class DiagramView;
class Inspector;
class LinkItem;
class Palette;

class DesignerController : public QObject {
    Q_OBJECT

public:
    DesignerController(DesignDocument *document, DiagramScene *scene, DiagramView *view, QObject *parent = nullptr);

    Palette *palette() const { return m_palette; }
    Inspector *inspector() const { return m_inspector; }
    QUndoView *historyView() const { return m_history; }

    /// Edit menu actions, in menu order (separators as nullptr).
    QList<QAction *> editActions() const;
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *deleteAction() const { return m_delete; }
    QAction *cutAction() const { return m_cut; }
    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *selectAllAction() const { return m_selectAll; }
    QAction *autoLayoutAction() const { return m_autoLayout; }
    /// Move the selected cards a grid step (arrow keys) or five (Shift+arrow); in the diagram only.
    QList<QAction *> nudgeActions() const { return m_nudges; }
    /// Moves the selected (movable) cards by `delta` scene units as one edit; consecutive nudges
    /// of the same cards merge into one undo step. False when nothing movable is selected.
    bool nudgeSelection(QPointF delta);

    /// Align and distribute, in menu order with separators as nullptr (Edit → Arrange and the
    /// context menu of a selected card); each is enabled while enough cards are selected.
    QList<QAction *> arrangeActions() const { return m_arrangeList; }
    QAction *arrangeAction(Arrangement arrangement) const { return m_arrange.value(arrangement); }
    /// Aligns or distributes the selected (movable) cards as one undo step ("Align Left (3
    /// cards)"), their corners on the grid. A node that lands in another zone's lane joins that
    /// zone, as when it is dragged there. False, changing nothing, when fewer cards than
    /// minimumCards() are selected or they are arranged so already.
    bool arrangeSelection(Arrangement arrangement);

    /// Adds to a card's context menu a "Select Link" submenu with one entry per link ending at the
    /// element ("api-lb → cp-1 (target)"), which selects that link: a link that runs behind a card
    /// can be clicked only where it shows. Returns the number of entries (0: nothing added, as when
    /// the scene is not editable or the element has no links).
    int addLinkActions(QMenu *menu, const QString &elementId);
    /// "api-lb → cp-1 (target)": a link's ends and what it is, for menus and the status bar.
    static QString describeLink(const LinkItem &link);

    /// Adds a palette entry ("worker-node", ...) where the automatic layout puts it. A node
    /// joins the zone whose lane is at scenePos, or, without one, the zone with the fewest
    /// nodes of its role. The new element is selected. Returns its id, or std::nullopt for an
    /// unknown entry.
    std::optional<QString> addFromPalette(const QString &entry, std::optional<QPointF> scenePos = std::nullopt);
    /// Moves cards to new top-left corners as one undoable step (what a drag does).
    void moveElements(const QMap<QString, QPointF> &positions);
    /// Gives the zone lane `zoneId` ("zone/zone-a") the rectangle `rect` (scene coordinates) in
    /// the dragged `edges` as one undo step ("Resize zone-a"), and selects the zone; what a drag
    /// of the lane's edges or corners does. Left or right: the width, top or bottom: the height
    /// (a dimension not dragged keeps what it had); a left or top edge dragged out also makes
    /// the lane reach that much further from where the layout starts it (the lanes left of it,
    /// or what is above the lanes, move along; DesignState::outsets). The scene keeps the lane
    /// at least as large as its cards. False, changing nothing, for an element that is not a
    /// zone of the design or a rectangle that is already the zone's.
    bool resizeZone(const QString &zoneId, Qt::Edges edges, const QRectF &rect);
    /// resizeZone() of the right and bottom edges only, keeping the lane's top-left corner.
    bool resizeZone(const QString &zoneId, Qt::Edges edges, const QSizeF &size);
    /// Gives the band of `kind` the rectangle `rect` (scene coordinates) in the dragged `edges` as
    /// one undo step ("Resize Storage"), as resizeZone() does for a lane; what a drag of the band's
    /// edges or corners does: a left or top edge dragged out makes the band reach that much further
    /// from where the layout starts it (the band left of it, or what is above it, moves along). The
    /// layout keeps the band at least as large as its cards. False, changing nothing,
    /// when the design has no such band, no such edge is dragged or the rectangle is already the band's.
    bool resizeBand(BandKind kind, Qt::Edges edges, const QRectF &rect);
    /// resizeBand() of the right and bottom edges only, keeping the band's top-left corner.
    bool resizeBand(BandKind kind, Qt::Edges edges, const QSizeF &size);
    /// Connects two elements (model::connectElements) as one step; a refusal is reported as a
    /// message and changes nothing. Returns whether they were connected.
    bool connectElements(const QString &fromId, const QString &toId);
    /// Deletes the selected elements (not the cluster) as one step.
    /// Deletes the selected elements; with only connections selected, disconnects their ends.
    void deleteSelection();
    void copySelection();
    void cutSelection();
    /// Pastes elements copied from this or another design; they are selected afterwards.
    void paste();
    /// Forgets every placed position and zone size: back to the automatic layout by zone.
    void autoLayout();

signals:
    /// A short message for the status bar.
    void message(const QString &text);

private:
    /// The edit of a resize of the lane or band `key` from `now` to `rect` in the dragged `edges`
    /// (DesignState::sizes and outsets), named `text`; false when it changes nothing.
    bool resizeContainer(const QString &key, Qt::Edges edges, const QRectF &now, const QRectF &rect, const QString &text);
    void createArrangeActions();
    /// Moves cards to new top-left corners as one edit named `text` (see DesignDocument::edit
    /// for mergeKey); a node moved into another zone's lane joins that zone. Returns those zone
    /// changes ("worker-1 is now in zone-c").
    QStringList applyMoves(const QMap<QString, QPointF> &positions, const QString &text, const QString &mergeKey);
    /// The selected cards that can be moved: id -> rectangle in the scene.
    QMap<QString, QRectF> selectedCards() const;
    void updateActions();
    void disconnectLinks(const QList<LinkItem *> &links);
    QStringList selectedIds() const;
    /// The zone that has the fewest nodes of the role, "" without zones.
    std::string quietestZone(int role) const;

    DesignDocument *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    Palette *m_palette;
    Inspector *m_inspector;
    QUndoView *m_history;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_delete;
    QAction *m_cut;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_selectAll;
    QAction *m_autoLayout;
    QList<QAction *> m_nudges;
    QMap<Arrangement, QAction *> m_arrange;
    QList<QAction *> m_arrangeList;
    QStringList m_lastSelection;  ///< what the selection hint last spoke about
};

} // namespace quorum::ui
