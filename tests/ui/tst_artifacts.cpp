// GUI tests of the Artifacts panel and File → Import: the panel lists exactly what the generator
// writes, previews it highlighted, exports it byte for byte and diffs later designs against the
// export; imports add workloads, name what they skip, and never apply a broken file.

#include "engine/generate/Artifacts.h"
#include "engine/model/TopologyYaml.h"
#include "resources/QuorumResources.h"
#include "ui/artifacts/ArtifactsPanel.h"
#include "ui/artifacts/LineDiff.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTabWidget>
#include <QTextLayout>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace quorum;
using namespace quorum::ui;

namespace {

model::Topology parseResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    const QByteArray text = file.readAll();
    model::LoadResult result = model::parseTopology(
        std::string_view(text.constData(), static_cast<std::size_t>(text.size())), path.toStdString());
    if (!result.ok())
        qFatal("%s does not parse", qPrintable(path));
    return *result.topology;
}

QStringList workloadNames(const model::Topology &topology)
{
    QStringList names;
    for (const model::Workload &w : topology.workloads)
        names << QString::fromStdString(w.name);
    names.sort();
    return names;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestArtifacts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void panelListsGeneratedFiles();
    void previewIsHighlighted();
    void versionSelectorFollowsDesignAndRegenerates();
    void exportWritesIdenticalFiles();
    void changedDesignIsDiffedAgainstExport();
    void unifiedDiff_data();
    void unifiedDiff();
    void importAddsWorkloadsAndReportsUnknownKinds();
    void malformedImportKeepsDesign();
    void viewMenuTogglesArtifactsDock();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    void waitForArtifacts();

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestArtifacts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuorumStudioTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_artifacts"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
}

void TestArtifacts::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    m_window->artifactsPanel()->setMessageBoxesEnabled(false);
    QVERIFY(m_window->openFile(resources::defaultTemplatePath()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitForArtifacts();
}

void TestArtifacts::cleanup()
{
    m_window.reset();
}

void TestArtifacts::waitForArtifacts()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->artifactsPanel()->isBusy(), 20000);
}

QString TestArtifacts::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestArtifacts::panelListsGeneratedFiles()
{
    const model::Topology design = parseResource(QStringLiteral(":/templates/production-ha.yaml"));
    const generate::GenerateResult expected = generate::generateArtifacts(design);
    QVERIFY(expected.ok());
    QStringList paths;
    for (const generate::GeneratedFile &file : expected.files)
        paths << QString::fromStdString(file.path);
    paths.sort();

    ArtifactsPanel *panel = m_window->artifactsPanel();
    QCOMPARE(panel->filePaths(), paths);
    QVERIFY(paths.contains("README.md"));
    QVERIFY(paths.contains("loadbalancer/api-lb/haproxy.cfg"));
    QCOMPARE(panel->result().notes.size(), expected.notes.size());
    // Nothing was exported yet: no file carries a mark.
    for (const QString &path : paths)
        QCOMPARE(panel->fileState(path), ArtifactsPanel::FileState::Unchanged);
}

void TestArtifacts::previewIsHighlighted()
{
    ArtifactsPanel *panel = m_window->artifactsPanel();
    for (const QString &path : {QStringLiteral("loadbalancer/api-lb/haproxy.cfg"), QStringLiteral("manifests/100-default-web.yaml"),
                               QStringLiteral("loadbalancer/api-lb/check_apiserver.sh")}) {
        QVERIFY2(panel->selectFile(path), qPrintable(path));
        const generate::GeneratedFile *file = panel->result().find(path.toStdString());
        QVERIFY(file);
        QCOMPARE(panel->preview()->toPlainText(), QString::fromStdString(file->content));
        int formatted = 0;
        for (QTextBlock block = panel->preview()->document()->firstBlock(); block.isValid(); block = block.next())
            formatted += block.layout()->formats().isEmpty() ? 0 : 1;
        QVERIFY2(formatted > 0, qPrintable(path));
    }
    // A YAML key gets the key format and the rest of the line does not.
    QVERIFY(panel->selectFile("manifests/100-default-web.yaml"));
    QTextBlock block = panel->preview()->document()->firstBlock();
    while (block.isValid() && !block.text().startsWith(QLatin1String("kind:")))
        block = block.next();
    QVERIFY(block.isValid());
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    QVERIFY(std::any_of(formats.begin(), formats.end(),
                        [](const QTextLayout::FormatRange &r) { return r.start == 0 && r.length == 4; }));
}

void TestArtifacts::versionSelectorFollowsDesignAndRegenerates()
{
    ArtifactsPanel *panel = m_window->artifactsPanel();
    const QString designVersion = QString::fromStdString(m_window->document()->topology().kubernetesVersion);
    QCOMPARE(panel->kubernetesVersion(), designVersion);
    for (const QString &version : {QStringLiteral("1.28"), QStringLiteral("1.33")})
        QVERIFY(panel->versionSelector()->findText(version) >= 0);

    QVERIFY(panel->setKubernetesVersion("1.31"));
    waitForArtifacts();
    const generate::GeneratedFile *init = panel->result().find("kubeadm/init-cp-1.yaml");
    QVERIFY(init);
    QVERIFY(QString::fromStdString(init->content).contains("kubeadm.k8s.io/v1beta4"));
    QVERIFY(panel->setKubernetesVersion("1.28"));
    waitForArtifacts();
    QVERIFY(QString::fromStdString(panel->result().find("kubeadm/init-cp-1.yaml")->content).contains("kubeadm.k8s.io/v1beta3"));
}

void TestArtifacts::exportWritesIdenticalFiles()
{
    ArtifactsPanel *panel = m_window->artifactsPanel();
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const std::optional<QString> error = panel->exportTo(out.path());
    QVERIFY2(!error, error ? qPrintable(*error) : "");
    QVERIFY(!panel->result().files.empty());
    for (const generate::GeneratedFile &file : panel->result().files) {
        const QString path = QString::fromStdString(file.path);
        QCOMPARE(readAll(out.filePath(path)), QByteArray::fromStdString(file.content));
        QCOMPARE(panel->fileState(path), ArtifactsPanel::FileState::Unchanged);
    }
    QCOMPARE(QSettings().value("Artifacts/exportDirectory").toString(), QDir(out.path()).absolutePath());
    QVERIFY(panel->diffView()->toPlainText().startsWith("No changes since the last export"));

    // A path that is a file cannot become a folder: the error names the place.
    const QString blocker = writeFile("blocker", "x");
    const std::optional<QString> failed = panel->exportTo(blocker);
    QVERIFY(failed);
    QVERIFY2(failed->contains("blocker"), qPrintable(*failed));
}

void TestArtifacts::changedDesignIsDiffedAgainstExport()
{
    ArtifactsPanel *panel = m_window->artifactsPanel();
    QTemporaryDir out;
    QVERIFY(!panel->exportTo(out.path()));
    const QStringList before = panel->filePaths();

    QVERIFY(m_window->openFile(":/templates/five-control-plane.yaml"));
    waitForArtifacts();
    QStringList changed;
    QStringList added;
    QStringList removed;
    for (QTreeWidgetItemIterator it(panel->fileTree()); *it; ++it) {
        const QString path = (*it)->data(0, Qt::UserRole).toString();
        if (path.isEmpty())
            continue;
        switch (panel->fileState(path)) {
        case ArtifactsPanel::FileState::Changed: changed << path; QCOMPARE((*it)->text(1), QString("changed")); break;
        case ArtifactsPanel::FileState::New: added << path; QCOMPARE((*it)->text(1), QString("new")); break;
        case ArtifactsPanel::FileState::Removed: removed << path; QCOMPARE((*it)->text(1), QString("removed")); break;
        case ArtifactsPanel::FileState::Unchanged: QVERIFY((*it)->text(1).isEmpty()); break;
        }
    }
    QVERIFY2(changed.contains("README.md"), qPrintable(changed.join(' ')));
    QVERIFY(changed.contains("kind/kind-cluster.yaml"));
    for (const QString &path : removed)
        QVERIFY(before.contains(path) && !panel->filePaths().contains(path));
    for (const QString &path : added)
        QVERIFY(!before.contains(path));

    QVERIFY(panel->selectFile("kind/kind-cluster.yaml"));
    const QString diff = panel->diffView()->toPlainText();
    QVERIFY2(diff.startsWith("--- a/kind/kind-cluster.yaml\n+++ b/kind/kind-cluster.yaml\n@@ -"), qPrintable(diff));
    const QStringList lines = diff.split('\n');
    QVERIFY(std::any_of(lines.begin() + 2, lines.end(), [](const QString &l) { return l.startsWith('+'); }));
    QVERIFY(std::any_of(lines.begin() + 2, lines.end(), [](const QString &l) { return l.startsWith('-'); }));
    // The diff's added lines are in the new file, the removed ones in the exported one.
    const QString now = QString::fromStdString(panel->result().find("kind/kind-cluster.yaml")->content);
    const QString exported = QString::fromUtf8(readAll(out.filePath("kind/kind-cluster.yaml")));
    for (const QString &line : lines.mid(2)) {
        if (line.startsWith('+'))
            QVERIFY(now.contains(line.mid(1)));
        else if (line.startsWith('-'))
            QVERIFY(exported.contains(line.mid(1)));
    }
    QVERIFY(panel->tabs()->tabText(1).contains(QString::number(changed.size() + added.size() + removed.size())));
}

void TestArtifacts::unifiedDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equal") << "a\nb\n" << "a\nb\n" << "";
    QTest::newRow("change") << "a\nb\nc\n" << "a\nB\nc\n" << "--- o\n+++ n\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n";
    QTest::newRow("new file") << "" << "x\ny\n" << "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+x\n+y\n";
    QTest::newRow("two hunks") << "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n" << "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n"
                               << "--- o\n+++ n\n@@ -1 +1,2 @@\n+0\n 1\n@@ -11,2 +12 @@\n 11\n-12\n";
    QTest::newRow("no final newline") << "a" << "b" << "--- o\n+++ n\n@@ -1 +1 @@\n-a\n+b\n";
}

void TestArtifacts::unifiedDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QCOMPARE(ui::unifiedDiff(before, after, "o", "n", 1), expected);
}

void TestArtifacts::importAddsWorkloadsAndReportsUnknownKinds()
{
    const QString path = writeFile("imported.yaml",
                                   "apiVersion: apps/v1\n"            // 1
                                   "kind: Deployment\n"               // 2
                                   "metadata:\n"                      // 3
                                   "  name: billing\n"                // 4
                                   "spec:\n"                          // 5
                                   "  replicas: 3\n"                  // 6
                                   "  selector:\n"                    // 7
                                   "    matchLabels: {app: billing}\n"  // 8
                                   "  template:\n"                    // 9
                                   "    metadata:\n"                  // 10
                                   "      labels: {app: billing}\n"   // 11
                                   "    spec:\n"                      // 12
                                   "      containers:\n"              // 13
                                   "        - name: billing\n"        // 14
                                   "          image: example/billing:1.0\n"  // 15
                                   "---\n"                            // 16
                                   "apiVersion: stable.example.com/v1\n"  // 17
                                   "kind: CronTab\n"                  // 18
                                   "metadata:\n"                      // 19
                                   "  name: nightly\n");              // 20
    const QStringList before = workloadNames(m_window->document()->topology());
    QVERIFY(!before.contains("billing"));

    QVERIFY2(m_window->importFile(path), qPrintable(m_window->lastError()));
    const QStringList after = workloadNames(m_window->document()->topology());
    QVERIFY(after.contains("billing"));
    for (const QString &name : before)
        QVERIFY(after.contains(name));
    const auto billing = std::find_if(m_window->document()->topology().workloads.begin(),
                                      m_window->document()->topology().workloads.end(),
                                      [](const model::Workload &w) { return w.name == "billing"; });
    QCOMPARE(billing->replicas, 3);

    const QStringList diagnostics = m_window->lastImportDiagnostics();
    const auto crontab = std::find_if(diagnostics.begin(), diagnostics.end(),
                                      [](const QString &d) { return d.contains("CronTab"); });
    QVERIFY2(crontab != diagnostics.end(), qPrintable(diagnostics.join('\n')));
    QVERIFY2(crontab->contains("imported.yaml:17:") || crontab->contains("imported.yaml:18:"), qPrintable(*crontab));

    // The rest of the window follows the merged design.
    waitForArtifacts();
    const QStringList files = m_window->artifactsPanel()->filePaths();
    QVERIFY(std::any_of(files.begin(), files.end(), [](const QString &f) { return f.endsWith("-billing.yaml"); }));
}

void TestArtifacts::malformedImportKeepsDesign()
{
    const std::string before = model::topologyToYaml(m_window->document()->topology());
    const QString path = writeFile("broken.yaml",
                                   "apiVersion: apps/v1\n"
                                   "kind: Deployment\n"
                                   "metadata:\n"
                                   "  name: [unterminated\n"
                                   "spec: {replicas: 2\n");
    QVERIFY(!m_window->importFile(path));
    QCOMPARE(model::topologyToYaml(m_window->document()->topology()), before);
    const QString error = m_window->lastError();
    QVERIFY2(QRegularExpression(R"(broken\.yaml:\d+:\d+)").match(error).hasMatch(), qPrintable(error));
}

void TestArtifacts::viewMenuTogglesArtifactsDock()
{
    QDockWidget *dock = m_window->artifactsDock();
    QVERIFY(dock->isVisible());
    QAction *toggle = dock->toggleViewAction();
    QCOMPARE(toggle->shortcut(), QKeySequence("Ctrl+Shift+A"));
    toggle->trigger();
    QVERIFY(!dock->isVisible());
    toggle->trigger();
    QVERIFY(dock->isVisible());
    QCOMPARE(m_window->importAction()->shortcut(), QKeySequence("Ctrl+I"));
}

QTEST_MAIN(TestArtifacts)
#include "tst_artifacts.moc"
