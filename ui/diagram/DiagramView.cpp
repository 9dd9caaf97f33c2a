#include "ui/diagram/DiagramView.h"

#include "ui/common/Appearance.h"
#include "ui/diagram/DiagramItems.h"
#include "ui/diagram/DiagramScene.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>
#include <QUrl>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace quorum::ui {

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 4.0;
constexpr qreal kZoomStep = 1.25;
} // namespace

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_zoomIn(new QAction(tr("Zoom &In"), this))
    , m_zoomOut(new QAction(tr("Zoom &Out"), this))
    , m_fit(new QAction(tr("&Fit to Window"), this))
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setFrameShape(QFrame::NoFrame);
    m_scene->setDarkAppearance(isDarkPalette(palette()));

    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    m_zoomIn->setStatusTip(tr("Enlarge the diagram"));
    m_zoomOut->setStatusTip(tr("Shrink the diagram"));
    m_fit->setStatusTip(tr("Show the whole design"));
    connect(m_zoomIn, &QAction::triggered, this, &DiagramView::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &DiagramView::zoomOut);
    connect(m_fit, &QAction::triggered, this, &DiagramView::fitToContents);
    // A design that grows or shrinks stays fitted until the user zooms.
    connect(m_scene, &QGraphicsScene::sceneRectChanged, this, [this] {
        if (m_keepFitted)
            applyFit();
    });
}

QString DiagramView::paletteMimeType()
{
    return QStringLiteral("application/x-quorum-palette-entry");
}

void DiagramView::setEditable(bool editable)
{
    m_editable = editable;
    setDragMode(editable ? QGraphicsView::RubberBandDrag : QGraphicsView::ScrollHandDrag);
    setAcceptDrops(editable);
    viewport()->setAcceptDrops(editable);
}

qreal DiagramView::zoom() const
{
    return transform().m11();
}

bool DiagramView::showElement(const QString &elementId)
{
    if (!m_scene->selectElement(elementId))
        return false;
    if (QGraphicsItem *item = m_scene->elementItem(elementId))
        centerOn(item);
    return true;
}

void DiagramView::zoomIn()
{
    m_keepFitted = false;
    scaleBy(kZoomStep);
}

void DiagramView::zoomOut()
{
    m_keepFitted = false;
    scaleBy(1 / kZoomStep);
}

void DiagramView::fitToContents()
{
    m_keepFitted = true;
    applyFit();
}

void DiagramView::applyFit()
{
    // The scene's rectangle holds every item (the layout's bounds have a margin round them).
    const QRectF bounds = m_scene->sceneRect();
    // The room the viewport has without scroll bars, less a pixel each side for rounding: a
    // diagram scaled to fill it exactly may come out a pixel larger, which brings in scroll bars,
    // which make the viewport smaller than what was fitted, and scroll part of the diagram away.
    const QSize room = maximumViewportSize() - QSize(2, 2);
    if (bounds.isEmpty() || room.width() < 2 || room.height() < 2)
        return;
    const qreal fit = std::min(room.width() / bounds.width(), room.height() / bounds.height());
    const qreal target = std::clamp(fit, kMinZoom, 1.0);
    setTransform(QTransform::fromScale(target, target));
    m_scene->setViewScale(target);
    centerOn(bounds.center());
}

void DiagramView::scaleBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (!qFuzzyCompare(target, zoom())) {
        scale(target / zoom(), target / zoom());
        m_scene->setViewScale(target);
    }
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta != 0) {
        m_keepFitted = false;
        scaleBy(std::pow(kZoomStep, delta / 120.0));
    }
    event->accept();
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_keepFitted)
        applyFit();
}

void DiagramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        m_scene->setDarkAppearance(isDarkPalette(palette()));
    QGraphicsView::changeEvent(event);
}

void DiagramView::contextMenuEvent(QContextMenuEvent *event)
{
    // The topmost element under the cursor (cards sit above their zone lanes).
    for (QGraphicsItem *item : items(event->pos())) {
        if (auto *element = dynamic_cast<ElementItem *>(item)) {
            emit elementContextMenuRequested(element->elementId(), event->globalPos());
            event->accept();
            return;
        }
    }
    QGraphicsView::contextMenuEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (m_editable && event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

namespace {

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

} // namespace

// Drops are handled here, not by the scene: items take no drops.
void DiagramView::dragEnterEvent(QDragEnterEvent *event)
{
    dragMoveEvent(event);
}

void DiagramView::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_editable && (event->mimeData()->hasFormat(paletteMimeType()) || !localFiles(event->mimeData()).isEmpty()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void DiagramView::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasFormat(paletteMimeType())) {
        emit paletteEntryDropped(QString::fromUtf8(mime->data(paletteMimeType())),
                                 mapToScene(event->position().toPoint()));
        event->acceptProposedAction();
        return;
    }
    const QStringList files = localFiles(mime);
    if (!files.isEmpty()) {
        emit filesDropped(files);
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

} // namespace quorum::ui
