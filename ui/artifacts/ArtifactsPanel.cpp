#include "ui/artifacts/ArtifactsPanel.h"

#include "ui/artifacts/ArtifactHighlighter.h"
#include "ui/artifacts/LineDiff.h"
#include "ui/common/Appearance.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace quorum::ui {

namespace {

const QString kExportDirectoryKey = QStringLiteral("Artifacts/exportDirectory");
constexpr int kPathRole = Qt::UserRole;
constexpr int kStateRole = Qt::UserRole + 1;
constexpr int kNameColumn = 0;
constexpr int kStateColumn = 1;
/// Exported files larger than this are not read back for the comparison.
constexpr qint64 kMaxComparedFileBytes = 8LL * 1024 * 1024;
constexpr int kFirstOfferedMinor = 28;
constexpr int kLastOfferedMinor = 33;

/// A file state's colour (new, changed, removed) as text on the list's background.
QColor stateColor(const QColor &light)
{
    return diagramColors(isDarkAppearance()).readable(light.lighter(125));
}

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray bytesOf(const std::string &text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

/// True for a path the generator may have written: README.md or a file in a family folder.
bool isArtifactPath(const QString &relative)
{
    if (relative == QLatin1String("README.md"))
        return true;
    const QString family = relative.section(QLatin1Char('/'), 0, 0);
    const std::vector<std::string> &families = generate::artifactFamilies();
    return relative.contains(QLatin1Char('/'))
        && std::any_of(families.begin(), families.end(), [&](const std::string &f) { return fromStd(f) == family; });
}

/// The generated files' counterparts in dir, by relative path.
QHash<QString, QByteArray> readExported(const QString &dir)
{
    QHash<QString, QByteArray> out;
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return out;
    const QDir root(dir);
    for (QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        if (!isArtifactPath(relative) || it.fileInfo().size() > kMaxComparedFileBytes)
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            out.insert(relative, file.readAll());
    }
    return out;
}

} // namespace

/// One generation: the inputs (copied, so the worker shares nothing) and what it produced.
struct ArtifactsPanel::Job {
    quint64 generation = 0;
    model::Topology topology;
    generate::GenerateOptions options;
    QString exportDir;
    generate::GenerateResult result;
    QHash<QString, QByteArray> exported;
};

ArtifactsPanel::ArtifactsPanel(QWidget *parent)
    : QWidget(parent)
    , m_version(new QComboBox(this))
    , m_export(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_notes(new QListWidget(this))
    , m_notesTitle(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_preview(new QPlainTextEdit(this))
    , m_diff(new QPlainTextEdit(this))
    , m_previewHighlighter(new ArtifactHighlighter(m_preview->document()))
    , m_diffHighlighter(new ArtifactHighlighter(m_diff->document()))
{
    m_exportDir = QSettings().value(kExportDirectoryKey).toString();

    for (int minor = kFirstOfferedMinor; minor <= kLastOfferedMinor; ++minor)
        m_version->addItem(QStringLiteral("1.%1").arg(minor));
    auto *versionLabel = new QLabel(tr("&Kubernetes:"), this);
    versionLabel->setBuddy(m_version);
    m_version->setToolTip(tr("The Kubernetes version the configuration is generated for"));
    m_export->setText(tr("&Export…"));
    m_export->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_export->setToolTip(tr("Write every file into a folder"));
    m_status->setEnabled(false);  // the disabled palette gives the muted colour of hints
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumWidth(1);

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(8, 6, 8, 2);
    toolbar->addWidget(versionLabel);
    toolbar->addWidget(m_version);
    toolbar->addSpacing(10);
    toolbar->addWidget(m_status, 1);
    toolbar->addWidget(m_export);

    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("File"), tr("Since export")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setIndentation(14);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(kNameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(kStateColumn, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Generated files"));

    m_notesTitle->setText(tr("Generator notes"));
    QFont bold = m_notesTitle->font();
    bold.setBold(true);
    m_notesTitle->setFont(bold);
    m_notes->setWordWrap(true);
    m_notes->setAlternatingRowColors(true);
    m_notes->setMaximumHeight(120);
    m_notes->setAccessibleName(m_notesTitle->text());

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(4);
    listLayout->addWidget(m_tree, 1);
    listLayout->addWidget(m_notesTitle);
    listLayout->addWidget(m_notes);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *text : {m_preview, m_diff}) {
        text->setReadOnly(true);
        text->setFont(fixed);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setTabStopDistance(QFontMetricsF(fixed).horizontalAdvance(QLatin1Char(' ')) * 4);
    }
    m_preview->setAccessibleName(tr("Preview"));
    m_diff->setAccessibleName(tr("Changes since last export"));
    m_diffHighlighter->setLanguage(ArtifactHighlighter::Language::Diff);
    m_tabs->addTab(m_preview, tr("Preview"));
    m_tabs->addTab(m_diff, tr("Changes since last export"));
    m_tabs->setDocumentMode(true);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(listSide);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({250, 420});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(toolbar);
    layout->addWidget(splitter, 1);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ArtifactsPanel::showSelection);
    connect(m_export, &QPushButton::clicked, this, &ArtifactsPanel::exportInteractively);
    connect(m_version, &QComboBox::currentTextChanged, this, &ArtifactsPanel::regenerate);
    updateStatusLine();
}

ArtifactsPanel::~ArtifactsPanel() = default;

void ArtifactsPanel::setTopology(const model::Topology &topology)
{
    m_topology = topology;
    if (topology.kubernetesVersion != m_designVersion) {
        m_designVersion = topology.kubernetesVersion;
        const QString version = fromStd(m_designVersion);
        if (m_version->findText(version) < 0 && !version.isEmpty()) {
            int at = 0;  // keep the offered versions in order
            const auto parsed = generate::parseKubernetesVersion(m_designVersion);
            while (parsed && at < m_version->count()) {
                const auto other = generate::parseKubernetesVersion(m_version->itemText(at).toStdString());
                if (other && *other > *parsed)
                    break;
                ++at;
            }
            m_version->insertItem(at, version);
        }
        const QSignalBlocker blocker(m_version);  // one regeneration below, not two
        m_version->setCurrentText(version);
    }
    regenerate();
}

QString ArtifactsPanel::kubernetesVersion() const
{
    return m_version->currentText();
}

bool ArtifactsPanel::setKubernetesVersion(const QString &version)
{
    const int index = m_version->findText(version);
    if (index < 0)
        return false;
    m_version->setCurrentIndex(index);
    return true;
}

void ArtifactsPanel::regenerate()
{
    Job job;
    job.generation = ++m_generation;
    job.topology = m_topology;
    job.options.kubernetesVersion = m_version->currentText().toStdString();
    job.exportDir = m_exportDir;
    ++m_pending;
    m_export->setEnabled(false);

    auto *watcher = new QFutureWatcher<Job>(this);
    connect(watcher, &QFutureWatcher<Job>::finished, this, [this, watcher] {
        --m_pending;
        Job done = watcher->result();
        watcher->deleteLater();
        if (done.generation == m_generation)  // an older design's files: drop them
            apply(std::move(done));
    });
    watcher->setFuture(QtConcurrent::run([job = std::move(job)]() mutable {
        job.result = generate::generateArtifacts(job.topology, job.options);
        job.exported = readExported(job.exportDir);
        return std::move(job);
    }));
}

void ArtifactsPanel::apply(Job job)
{
    m_result = std::move(job.result);
    if (job.exportDir == m_exportDir)
        m_exported = std::move(job.exported);
    if (m_result.error)
        spdlog::warn("Artifacts not generated: {}", *m_result.error);

    m_notes->clear();
    if (m_result.error) {
        auto *item = new QListWidgetItem(bundledIcon(iconName(model::Severity::Error)), fromStd(*m_result.error));
        m_notes->addItem(item);
    }
    for (const generate::GenerateNote &note : m_result.notes)
        m_notes->addItem(new QListWidgetItem(bundledIcon(iconName(model::Severity::Info)), fromStd(note.toString())));
    m_notes->setVisible(m_notes->count() > 0);
    m_notesTitle->setVisible(m_notes->count() > 0);

    rebuildTree();
    m_export->setEnabled(m_pending == 0 && m_result.ok() && !m_result.files.empty());
    updateStatusLine();
    emit artifactsUpdated();
}

QStringList ArtifactsPanel::allPaths() const
{
    QStringList paths;
    for (const generate::GeneratedFile &file : m_result.files)
        paths << fromStd(file.path);
    for (auto it = m_exported.cbegin(); it != m_exported.cend(); ++it)
        if (!m_result.find(it.key().toStdString()))
            paths << it.key();
    paths.sort();
    return paths;
}

ArtifactsPanel::FileState ArtifactsPanel::fileState(const QString &path) const
{
    if (m_exportDir.isEmpty())
        return FileState::Unchanged;
    const generate::GeneratedFile *file = m_result.find(path.toStdString());
    const auto exported = m_exported.constFind(path);
    if (!file)
        return exported == m_exported.cend() ? FileState::Unchanged : FileState::Removed;
    if (exported == m_exported.cend())
        return FileState::New;
    return *exported == bytesOf(file->content) ? FileState::Unchanged : FileState::Changed;
}

QStringList ArtifactsPanel::filePaths() const
{
    QStringList paths;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        const QString path = (*it)->data(kNameColumn, kPathRole).toString();
        if (!path.isEmpty() && fileState(path) != FileState::Removed)
            paths << path;
    }
    paths.sort();
    return paths;
}

QTreeWidgetItem *ArtifactsPanel::folderItem(const QString &folderPath, QHash<QString, QTreeWidgetItem *> &folders)
{
    if (folderPath.isEmpty())
        return m_tree->invisibleRootItem();
    if (QTreeWidgetItem *existing = folders.value(folderPath))
        return existing;
    QTreeWidgetItem *parent = folderItem(folderPath.section(QLatin1Char('/'), 0, -2), folders);
    auto *item = new QTreeWidgetItem(parent, {folderPath.section(QLatin1Char('/'), -1)});
    item->setIcon(kNameColumn, style()->standardIcon(QStyle::SP_DirIcon));
    item->setData(kNameColumn, kPathRole + 2, folderPath);  // folders: for the changes of a subtree
    item->setExpanded(true);
    folders.insert(folderPath, item);
    return item;
}

void ArtifactsPanel::rebuildTree()
{
    const QString selected = m_tree->currentItem() ? m_tree->currentItem()->data(kNameColumn, kPathRole).toString()
                                                   : QString();
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> folders;
    QTreeWidgetItem *toSelect = nullptr;
    QTreeWidgetItem *fallback = nullptr;
    const QIcon fileIcon = style()->standardIcon(QStyle::SP_FileIcon);
    for (const QString &path : allPaths()) {
        QTreeWidgetItem *parent = folderItem(path.section(QLatin1Char('/'), 0, -2), folders);
        auto *item = new QTreeWidgetItem(parent, {path.section(QLatin1Char('/'), -1)});
        item->setIcon(kNameColumn, fileIcon);
        item->setData(kNameColumn, kPathRole, path);
        item->setToolTip(kNameColumn, path);
        const FileState state = fileState(path);
        item->setData(kNameColumn, kStateRole, static_cast<int>(state));
        switch (state) {
        case FileState::New:
            item->setText(kStateColumn, tr("new"));
            item->setForeground(kStateColumn, stateColor(QColor(0x11, 0x63, 0x29)));
            break;
        case FileState::Changed:
            item->setText(kStateColumn, tr("changed"));
            item->setForeground(kStateColumn, stateColor(QColor(0xB3, 0x50, 0x00)));
            break;
        case FileState::Removed: {
            item->setText(kStateColumn, tr("removed"));
            item->setForeground(kStateColumn, stateColor(QColor(0xA4, 0x0E, 0x26)));
            QFont font = item->font(kNameColumn);
            font.setStrikeOut(true);
            item->setFont(kNameColumn, font);
            item->setForeground(kNameColumn, QApplication::palette().color(QPalette::Disabled, QPalette::Text));
            break;
        }
        case FileState::Unchanged: break;
        }
        if (path == selected)
            toSelect = item;
        if (!fallback && path.startsWith(QLatin1String("kubeadm/")))
            fallback = item;
    }
    m_tree->setColumnHidden(kStateColumn, m_exportDir.isEmpty());  // no marks before the first export
    if (!toSelect)
        toSelect = fallback ? fallback : m_tree->topLevelItem(0);
    if (toSelect)
        m_tree->setCurrentItem(toSelect);
    showSelection();
}

bool ArtifactsPanel::selectFile(const QString &path)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(kNameColumn, kPathRole).toString() == path) {
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            showSelection();
            return true;
        }
    }
    return false;
}

void ArtifactsPanel::showSelection()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const QString path = item ? item->data(kNameColumn, kPathRole).toString() : QString();
    const generate::GeneratedFile *file = path.isEmpty() ? nullptr : m_result.find(path.toStdString());

    m_previewHighlighter->setLanguage(ArtifactHighlighter::languageFor(path));
    if (file)
        m_preview->setPlainText(fromStd(file->content));
    else if (!path.isEmpty())
        m_preview->setPlainText(tr("%1 is no longer generated; it is only in the export folder.").arg(path));
    else
        m_preview->setPlainText(QString());

    // A file: its own changes. A folder or nothing: every change below it.
    QStringList paths;
    if (!path.isEmpty()) {
        paths << path;
    } else {
        const QString folder = item ? item->data(kNameColumn, kPathRole + 2).toString() + QLatin1Char('/') : QString();
        for (const QString &p : allPaths())
            if (folder.isEmpty() || p.startsWith(folder))
                paths << p;
    }
    m_diff->setPlainText(changesText(paths));

    int changes = 0;
    for (const QString &p : allPaths())
        changes += fileState(p) != FileState::Unchanged ? 1 : 0;
    m_tabs->setTabText(1, changes == 0 ? tr("Changes since last export")
                                       : tr("Changes since last export (%1)").arg(changes));
}

QString ArtifactsPanel::changesText(const QStringList &paths) const
{
    if (m_exportDir.isEmpty())
        return tr("Nothing has been exported yet. After an export, the changes made to the design since then are "
                  "shown here as a unified diff.");
    QString out;
    for (const QString &path : paths) {
        const generate::GeneratedFile *file = m_result.find(path.toStdString());
        const auto exported = m_exported.constFind(path);
        const QString before = exported == m_exported.cend() ? QString() : QString::fromUtf8(*exported);
        const QString after = file ? fromStd(file->content) : QString();
        out += unifiedDiff(before, after,
                           exported == m_exported.cend() ? QStringLiteral("/dev/null") : QStringLiteral("a/") + path,
                           file ? QStringLiteral("b/") + path : QStringLiteral("/dev/null"));
    }
    if (out.isEmpty())
        return tr("No changes since the last export to %1.").arg(QDir::toNativeSeparators(m_exportDir));
    return out;
}

void ArtifactsPanel::updateStatusLine()
{
    if (m_result.error) {
        m_status->setText(tr("Nothing generated."));
        return;
    }
    const auto count = static_cast<int>(m_result.files.size());
    m_status->setText(m_exportDir.isEmpty()
                          ? tr("Files: %1 · not exported yet").arg(count)
                          : tr("Files: %1 · compared with %2").arg(count).arg(QDir::toNativeSeparators(m_exportDir)));
    m_status->setToolTip(m_status->text());
}

std::optional<QString> ArtifactsPanel::exportTo(const QString &dir)
{
    if (!m_result.ok() || m_result.files.empty())
        return tr("There is nothing to export.");
    if (const std::optional<std::string> error = generate::writeArtifacts(m_result.files, dir.toStdString()))
        return fromStd(*error);
    spdlog::info("Exported {} artifacts to {}", m_result.files.size(), dir.toStdString());
    m_exportDir = QDir(dir).absolutePath();
    QSettings().setValue(kExportDirectoryKey, m_exportDir);
    m_exported = readExported(m_exportDir);  // also files of earlier exports that are gone now
    rebuildTree();
    updateStatusLine();
    return std::nullopt;
}

void ArtifactsPanel::setExportDirectory(const QString &dir)
{
    m_exportDir = dir.isEmpty() ? QString() : QDir(dir).absolutePath();
    QSettings().setValue(kExportDirectoryKey, m_exportDir);
    m_exported = readExported(m_exportDir);
    rebuildTree();
    updateStatusLine();
}

void ArtifactsPanel::exportInteractively()
{
    QString start = m_exportDir;
    if (start.isEmpty()) {
        const QString name = m_topology.name.empty() ? QStringLiteral("design") : fromStd(m_topology.name);
        start = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .filePath(name + QStringLiteral("-artifacts"));
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Artifacts"), start);
    if (dir.isEmpty())
        return;
    if (const std::optional<QString> error = exportTo(dir)) {
        spdlog::error("Export to {} failed: {}", dir.toStdString(), error->toStdString());
        if (!m_messageBoxes)
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Artifacts"),
                                    tr("The artifacts could not be exported to %1.").arg(QDir::toNativeSeparators(dir)),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(*error);
        box->open();
    }
}

void ArtifactsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateStatusLine();
    QWidget::changeEvent(event);
}

} // namespace quorum::ui
