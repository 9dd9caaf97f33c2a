#include "tests/ui/DesignerTest.h"

#include "tests/ui/DesignerWindow.h"

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

} // namespace quorum::test
