// bench_designer: the designer with a large design. Generates a design of --elements (1,000)
// elements (zones, nodes, load balancers, storage, workloads), saves it as a .quorum project
// and measures, each --runs (5) times, median reported:
// * open time: MainWindow::openFile of the project up to a built diagram, beside the peer
//   measured in the same run (the 20-element production-ha template);
// * frame time while panning and zooming at 100 %: synchronous repaints of the view after each
//   scroll step or zoom step (median, p95, worst) — goal: under 16 ms;
// * one edit (a node's CPU): the time the UI thread spends on it (the diagram is updated), and
//   the time until the findings, computed on a worker thread, arrive;
// * one move of a card (a drag's edit: the positions change, the topology does not), and one
//   worker node added from the palette and its undo: the UI thread's time for each.
//
//   QT_QPA_PLATFORM=offscreen bench_designer [--elements 1000] [--runs 5]
// (or under xvfb-run for a real X server). A benchmark, not a test.

#include "engine/model/Edits.h"
#include "resources/QuorumResources.h"
#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/document/DesignDocument.h"
#include "ui/document/ProjectIO.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace quorum;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

/// A production-shaped design of about `elements` elements.
model::Topology generate(int elements)
{
    using model::NewElement;
    model::Topology t;
    t.name = "large";
    const int zones = std::max(3, elements / 100);
    for (int i = 0; i < zones; ++i)
        model::addElement(t, NewElement::Zone);
    const auto zoneOf = [&](int i) { return t.zones[static_cast<std::size_t>(i % zones)].name; };
    int made = zones;
    for (int i = 0; i < 5; ++i, ++made)
        model::addElement(t, NewElement::ControlPlaneNode, zoneOf(i));
    for (int i = 0; i < 2; ++i, ++made)
        model::addElement(t, NewElement::LoadBalancerNode, zoneOf(i));
    model::addElement(t, NewElement::HAProxy);
    model::addElement(t, NewElement::CephStorage);
    model::addElement(t, NewElement::StorageClass);
    made += 3;
    const int workloads = elements / 5;
    for (int i = 0; made < elements - workloads; ++i, ++made)
        model::addElement(t, NewElement::WorkerNode, zoneOf(i));
    for (int i = 0; made < elements; ++i, ++made)
        model::addElement(t, i % 4 == 0 ? NewElement::StatefulSet : NewElement::Deployment);
    return t;
}

double openMs(ui::MainWindow &window, const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    if (!window.openFile(path))
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(window.lastError()));
    QCoreApplication::processEvents();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("QuorumStudioBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_designer"));
    int elements = 1000;
    int runs = 5;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--elements"))
            elements = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.quorum"));
    const model::Topology design = generate(elements);
    if (const auto error = ui::saveProjectFile(path, ui::DesignState{design, {}, {}}, {})) {
        std::fprintf(stderr, "%s\n", qPrintable(*error));
        return 1;
    }

    ui::MainWindow window;
    window.setMessageBoxesEnabled(false);
    window.setUnsavedChangesAnswer(QMessageBox::Discard);
    window.resize(1600, 1000);
    window.show();
    QCoreApplication::processEvents();

    std::vector<double> open, peer, frames, panFrames, zoomFrames, editUi, findings;
    for (int r = 0; r < runs; ++r) {
        peer.push_back(openMs(window, resources::defaultTemplatePath()));
        open.push_back(openMs(window, path));
    }
    const auto items = window.diagramScene()->elementItems().size();

    // Pan and zoom at 100 %: each step is one synchronous repaint of the viewport.
    ui::DiagramView *view = window.diagramView();
    view->setTransform(QTransform());
    window.diagramScene()->setViewScale(1.0);
    QWidget *viewport = view->viewport();
    for (int r = 0; r < runs; ++r) {
        for (int step = 0; step < 60; ++step) {
            QScrollBar *bar = step % 2 ? view->horizontalScrollBar() : view->verticalScrollBar();
            bar->setValue(bar->value() + 40);
            QElapsedTimer timer;
            timer.start();
            viewport->repaint();
            panFrames.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        for (int step = 0; step < 20; ++step) {
            step < 10 ? view->zoomOut() : view->zoomIn();
            QElapsedTimer timer;
            timer.start();
            viewport->repaint();
            zoomFrames.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
    }

    frames = panFrames;
    frames.insert(frames.end(), zoomFrames.begin(), zoomFrames.end());

    // One edit: the UI thread's share, then the findings from the worker thread.
    ui::DesignDocument *document = window.document();
    for (int r = 0; r < runs; ++r) {
        model::Topology edited = document->topology();
        edited.nodes.back().cpuMillis += 1000;
        QElapsedTimer timer;
        timer.start();
        document->editTopology(QStringLiteral("bench"), edited);
        editUi.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        const bool pending = document->findingsPending();
        while (document->findingsPending())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        findings.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!pending)
            std::fprintf(stderr, "findings were not pending after the edit\n");
    }

    // A move of one card, to and fro inside its lane, then an added worker and its undo.
    ui::DesignerController *designer = window.designer();
    const QString movedId = QStringLiteral("node/") + QString::fromStdString(document->topology().nodes.back().name);
    std::vector<double> moveUi, addUi, undoUi;
    for (int r = 0; r < runs; ++r) {
        const ui::ElementItem *card = window.diagramScene()->elementItem(movedId);
        if (!card) {
            std::fprintf(stderr, "no card %s\n", qPrintable(movedId));
            return 1;
        }
        const QPointF to = card->pos() + QPointF(0, r % 2 ? -16 : 16);
        QElapsedTimer timer;
        timer.start();
        designer->moveElements({{movedId, to}});
        moveUi.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents();
    }
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        designer->addFromPalette(QStringLiteral("worker-node"));
        addUi.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        document->undoStack()->undo();
        undoUi.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        while (document->findingsPending())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }

    std::printf("design: %d elements (%lld diagram items), %d runs\n", elements, static_cast<long long>(items), runs);
    std::printf("open .quorum + build diagram: median %.1f ms (peer production-ha: %.1f ms, ratio %.1fx)\n",
                median(open), median(peer), median(peer) > 0 ? median(open) / median(peer) : 0.0);
    std::printf("pan/zoom frame at 100%%: median %.2f ms, p95 %.2f ms, worst %.2f ms over %zu frames (goal < 16 ms)\n",
                median(frames), percentile(frames, 0.95), percentile(frames, 1.0), frames.size());
    std::printf("  panning: median %.2f ms, p95 %.2f ms; zooming (10 steps out to %.0f %% and back): median %.2f ms, p95 %.2f ms\n",
                median(panFrames), percentile(panFrames, 0.95), 100 / std::pow(1.25, 10), median(zoomFrames),
                percentile(zoomFrames, 0.95));
    std::printf("edit one node: UI thread median %.1f ms; findings arrive after median %.1f ms (worker thread)\n",
                median(editUi), median(findings));
    std::printf("move one card: UI thread median %.1f ms; add a worker node: median %.1f ms, its undo: median %.1f ms\n",
                median(moveUi), median(addUi), median(undoUi));
    return 0;
}
