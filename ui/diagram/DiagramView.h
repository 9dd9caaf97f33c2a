#pragma once

// The view of the diagram: antialiased, zoomable (Ctrl+wheel, Ctrl++ / Ctrl+- / Ctrl+0),
// fitted to the design after each load until the user zooms. Main (GUI) thread only.

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

    /// Current scale (1.0 = 100 %).
    qreal zoom() const;

    /// Selects the element's item and scrolls it into the middle of the view.
    /// Returns false (selection cleared) when the diagram has no item for the id.
    bool showElement(const QString &elementId);

signals:
    /// A right-click on an element (its id, e.g. "node/cp-1" or "zone/zone-a") at `globalPos`.
    void elementContextMenuRequested(const QString &elementId, const QPoint &globalPos);

public slots:
    void zoomIn();
    void zoomOut();
    /// Fits the whole design into the view (never enlarging past 100 %) and keeps it fitted
    /// on resize until the user zooms.
    void fitToContents();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void scaleBy(qreal factor);
    void applyFit();

    DiagramScene *m_scene;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    bool m_keepFitted = true;
};

} // namespace quorum::ui
