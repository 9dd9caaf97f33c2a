#include "tests/ui/DesignerTest.h"

#include "tests/ui/DesignerWindow.h"
#include "ui/diagram/DiagramItems.h"

#include <QMessageBox>
#include <QtTest>

namespace quorum::test {

DesignerTest::DesignerTest(QString application)
    : m_application(std::move(application))
{
}

DesignerTest::~DesignerTest() = default;

void DesignerTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateDesignerTest(m_dir, m_application);
}

void DesignerTest::init()
{
    m_window = openDesignerWindow();
    QVERIFY(m_window);
}

void DesignerTest::cleanup()
{
    if (m_window)
        m_window->setUnsavedChangesAnswer(QMessageBox::Discard);
    m_window.reset();
}

QRectF DesignerTest::rectOf(const QString &id) const
{
    const ui::ElementItem *item = scene()->elementItem(id);
    if (!item)
        qFatal("no item %s", qPrintable(id));
    return item->mapRectToScene(item->rect());
}

QRectF DesignerTest::bandRect(ui::BandKind kind) const
{
    const ui::BandItem *band = scene()->bandItem(kind);
    if (!band)
        qFatal("no band %d", static_cast<int>(kind));
    return band->mapRectToScene(band->rect());
}

} // namespace quorum::test
