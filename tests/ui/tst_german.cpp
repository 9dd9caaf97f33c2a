// GUI test of the window in German, with the compiled catalogue the application embeds: the
// texts of helpers outside a class (the inspector's forms, the diagram export) are looked up in
// the context lupdate files them under, so they show translated, with „…“ around quoted values;
// the inspector's title names the kind of element in German.

#include "tests/ui/DesignerTest.h"
#include "tests/ui/DesignerWindow.h"
#include "ui/designer/Inspector.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTranslator>
#include <QtTest>

using namespace quorum;
using namespace quorum::ui;

class TestGerman : public test::DesignerTest {
    Q_OBJECT

public:
    TestGerman() : DesignerTest(QStringLiteral("tst_german")) {}

private slots:
    void initTestCase();
    void cleanupTestCase();

    void inspectorFormsAreGerman();
    void refusedValueIsGerman();
    void exportErrorIsGerman();

private:
    /// The texts of the inspector's labels.
    QStringList inspectorLabels() const;

    QTranslator m_translator;
};

void TestGerman::initTestCase()
{
    DesignerTest::initTestCase();
    const QString qm = QStringLiteral(QM_DIR "/quorumstudio_de.qm");
    QVERIFY2(m_translator.load(qm), qPrintable(QStringLiteral("cannot load ") + qm));
    QVERIFY(QApplication::installTranslator(&m_translator));
}

void TestGerman::cleanupTestCase()
{
    QApplication::removeTranslator(&m_translator);
}

QStringList TestGerman::inspectorLabels() const
{
    QStringList texts;
    for (const QLabel *label : designer()->inspector()->findChildren<QLabel *>())
        if (label->isVisibleTo(designer()->inspector()))
            texts << label->text();
    return texts;
}

void TestGerman::inspectorFormsAreGerman()
{
    // Nothing selected: the cluster settings.
    scene()->clearSelection();
    const QStringList labels = inspectorLabels();
    QVERIFY2(labels.contains(QStringLiteral("Kubernetes-Version")), qPrintable(labels.join(QStringLiteral(" | "))));
    QVERIFY(labels.contains(QStringLiteral("Pod-Subnetz")));
    QVERIFY(labels.contains(QStringLiteral("Lease-Dauer")));  // from a table of the form (QT_TRANSLATE_NOOP)
    QVERIFY(!labels.contains(QStringLiteral("Kubernetes version")));
}

void TestGerman::refusedValueIsGerman()
{
    QVERIFY(view()->showElement(QStringLiteral("node/worker-2")));
    Inspector *inspector = designer()->inspector();
    QVERIFY2(inspectorLabels().contains(QStringLiteral("worker-2 — Knoten")), qPrintable(inspectorLabels().join(QStringLiteral(" | "))));
    test::typeInto(qobject_cast<QLineEdit *>(inspector->editor(QStringLiteral("cpu"))), QStringLiteral("12x"));
    QVERIFY2(inspector->lastError().contains(QStringLiteral("„12x“ ist keine CPU-Menge")), qPrintable(inspector->lastError()));
}

void TestGerman::exportErrorIsGerman()
{
    QVERIFY(!m_window->exportDiagram(m_dir.filePath(QStringLiteral("diagram.txt"))));
    QVERIFY2(m_window->lastError().contains(QStringLiteral("eine Datei mit der Endung .png, .svg oder .pdf wählen")),
             qPrintable(m_window->lastError()));
}

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
