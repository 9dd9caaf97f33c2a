#pragma once

// The view of the diagram: antialiased, zoomable (Ctrl+wheel, Ctrl++ / Ctrl+- / Ctrl+0),
// fitted to the design after each load, and kept fitted as the view is resized (a dock shown or
// hidden) and the design grows or shrinks, until the user zooms. When editable, a left drag on
// the background draws a selection rectangle, the middle button pans, and palette entries
// and design files can be dropped on it. The scene's colours follow the view's palette (light or
// dark). Main (GUI) thread only.

#include <QGraphicsView>

class QAction;

namespace quorum::ui {

class DiagramScene;

class DiagramView : public QGraphicsView {
    Q_OBJECT

public:
    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    DiagramScene *diagramScene() const { return m_scene; }

    /// Actions for a View menu; their shortcuts work while the window has focus.
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *fitAction() const { return m_fit; }

    /// Editing on: rubber-band selection instead of hand panning, drops accepted.
    void setEditable(bool editable);

    /// The MIME type a palette entry is dragged as; its data is model::toString(NewElement).
    static QString paletteMimeType();

    /// Current scale (1.0 = 100 %).
    qreal zoom() const;

    /// Selects the element's item and scrolls it into the middle of the view.
    /// Returns false (selection cleared) when the diagram has no item for the id.
    bool showElement(const QString &elementId);

signals:
    /// A right-click on an element (its id, e.g. "node/cp-1" or "zone/zone-a") at `globalPos`.
    void elementContextMenuRequested(const QString &elementId, const QPoint &globalPos);
    /// A palette entry ("control-plane-node", ...) was dropped at scenePos.
    void paletteEntryDropped(const QString &entry, const QPointF &scenePos);
    /// Files were dropped on the diagram (local paths).
    void filesDropped(const QStringList &paths);

public slots:
    void zoomIn();
    void zoomOut();
    /// Fits the whole design (the scene's rectangle, which holds every item) into the room the
    /// viewport has without scroll bars (never enlarging past 100 %), and keeps it fitted on
    /// resize and when the scene's rectangle changes, until the user zooms.
    void fitToContents();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    /// A palette change (View → Appearance, the system's theme) switches the scene's colours.
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void scaleBy(qreal factor);
    void applyFit();

    DiagramScene *m_scene;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    bool m_keepFitted = true;
    bool m_editable = false;
    bool m_panning = false;
    QPoint m_panFrom;
};

} // namespace quorum::ui
