#pragma once

// Helpers of the designer GUI tests: the isolation and the window DesignerTest (their base,
// DesignerTest.h) starts each test case and test function with, a mouse drag on the view and
// typing into an editor.

#include "resources/QuorumResources.h"
#include "ui/diagram/DiagramView.h"
#include "ui/document/Autosave.h"
#include "ui/mainwindow/MainWindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace quorum::test {

/// For initTestCase(): settings under `dir` in the name of `application`, autosaves in Qt's
/// test locations (never among the user's), none left from an earlier run.
inline void isolateDesignerTest(const QTemporaryDir &dir, const QString &application)
{
    QCoreApplication::setOrganizationName(QStringLiteral("QuorumStudioTests"));
    QCoreApplication::setApplicationName(application);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(QStringLiteral("settings")));
    QStandardPaths::setTestModeEnabled(true);
    QDir(ui::Autosave::defaultDirectory()).removeRecursively();
}

/// For init(): clears the settings and opens a main window (message boxes off) on the default
/// design, shown at 1500 x 950 and exposed; null when the design cannot be opened or the window
/// is not exposed.
inline std::unique_ptr<ui::MainWindow> openDesignerWindow()
{
    QSettings().clear();
    auto window = std::make_unique<ui::MainWindow>();
    window->setMessageBoxesEnabled(false);
    window->resize(1500, 950);
    if (!window->openFile(resources::defaultTemplatePath()))
        return nullptr;
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

/// Drags with the left button on the view from one scene point to another, through the middle,
/// and lets the edit the release makes be reported.
inline void dragOnView(ui::DiagramView *view, const QPointF &from, const QPointF &to)
{
    const QPoint a = view->mapFromScene(from);
    const QPoint b = view->mapFromScene(to);
    QTest::mouseMove(view->viewport(), a);
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, a);
    QTest::mouseMove(view->viewport(), (a + b) / 2);
    QTest::mouseMove(view->viewport(), b);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, b);
    QCoreApplication::processEvents(); // the move or resize is reported after the mouse event
}

/// Types text into a line edit (an inspector's editor) and finishes editing with Return, as a
/// person would.
inline void typeInto(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace quorum::test
