#pragma once

// The base of the designer's GUI test cases (tst_designer, tst_arrange, tst_zones, tst_bands,
// tst_guides, tst_links, tst_placed, tst_designer_incremental): the test case keeps its settings
// and autosaves in private places, and each test function starts from a fresh main window showing
// the default design, closed afterwards without asking about unsaved changes.
//
//   class TestZones : public test::DesignerTest {
//       Q_OBJECT
//   public:
//       TestZones() : DesignerTest(QStringLiteral("tst_zones")) {}
//   private slots:
//       void someTest();
//   };
//
// A test case that needs more in init() or cleanup() declares its own slot and calls the base's
// first (init) or last (cleanup). Main (GUI) thread only.

#include "ui/designer/DesignerController.h"
#include "ui/diagram/DiagramLayout.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/diagram/DiagramView.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <QObject>
#include <QRectF>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace quorum::test {

class DesignerTest : public QObject {
    Q_OBJECT

public:
    /// application: the test case's name, under which its settings are kept (in m_dir).
    explicit DesignerTest(QString application);
    ~DesignerTest() override;

protected slots:
    /// Settings and autosaves isolated (isolateDesignerTest()).
    void initTestCase();
    /// A fresh main window on the default design (openDesignerWindow()); fails when it cannot open.
    void init();
    /// Closes the window, discarding unsaved changes.
    void cleanup();

protected:
    ui::DesignerController *designer() const { return m_window->designer(); }
    ui::DesignDocument *document() const { return m_window->document(); }
    ui::DiagramScene *scene() const { return m_window->diagramScene(); }
    ui::DiagramView *view() const { return m_window->diagramView(); }
    /// The scene rectangle of the element item `id`, or of a band; fails the test case when the
    /// diagram has none.
    QRectF rectOf(const QString &id) const;
    QRectF bandRect(ui::BandKind kind) const;

    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;

private:
    QString m_application;
};

} // namespace quorum::test
