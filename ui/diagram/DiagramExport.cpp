#include "ui/diagram/DiagramExport.h"

#include "ui/diagram/DiagramScene.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSvgGenerator>

namespace quorum::ui {

namespace {

constexpr qreal kPngScale = 2.0;

QString tr(const char *text)
{
    // The context lupdate files these texts under: a tr() outside a class takes its namespace's.
    return QCoreApplication::translate("quorum::ui", text);
}

} // namespace

std::optional<QString> exportDiagram(DiagramScene &scene, const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
        return tr("%1: choose a file ending in .png, .svg or .pdf").arg(path);
    const QRectF source = scene.sceneRect();
    if (source.isEmpty())
        return tr("%1: the diagram is empty").arg(path);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1: cannot write (%2)").arg(path, file.errorString());

    // The selection outline is not part of the picture; it comes back afterwards.
    const QStringList selected = scene.selectedElementIds();
    {
        const QSignalBlocker blocker(&scene);
        scene.clearSelection();
    }
    bool painted = true;
    if (suffix == QLatin1String("png")) {
        QImage image((source.size() * kPngScale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        scene.render(&painter, QRectF(QPointF(0, 0), image.size()), source);
        painter.end();
        painted = image.save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QFileInfo(path).completeBaseName());
        QPainter painter(&svg);
        scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painted = painter.end();
    } else {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(source.size(), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(QFileInfo(path).completeBaseName());
        QPainter painter(&pdf);
        scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(pdf.width(), pdf.height())), source);
        painted = painter.end();
    }
    for (const QString &id : selected)
        if (ElementItem *item = scene.elementItem(id))
            item->setSelected(true);
    if (!painted) {
        file.cancelWriting();
        return tr("%1: the picture could not be written").arg(path);
    }
    if (!file.commit())
        return tr("%1: cannot write (%2)").arg(path, file.errorString());
    return std::nullopt;
}

} // namespace quorum::ui
