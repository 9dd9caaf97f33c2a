// The main window's File menu: new, open, save, save as, export, import, and asking before
// unsaved changes would be lost.

#include "ui/mainwindow/MainWindow.h"

#include "engine/model/TopologyYaml.h"
#include "ui/diagram/DiagramExport.h"
#include "ui/diagram/DiagramScene.h"
#include "ui/document/Autosave.h"
#include "ui/document/DesignDocument.h"
#include "ui/mainwindow/SettingsKeys.h"

#include <QDir>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace quorum::ui {

using namespace settings;

namespace {

QString lastDirectory()
{
    const QString dir = QSettings().value(kDirectoryKey).toString();
    return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : dir;
}

/// The file a Save As offers: the open project, or the design's name in the last folder.
QString suggestedPath(const DesignDocument &document, const QString &suffix)
{
    if (document.isProjectFile() && suffix == QLatin1String(".quorum"))
        return document.sourcePath();
    const QString base = document.topology().name.empty() ? QStringLiteral("design")
                                                          : QString::fromStdString(document.topology().name);
    return QDir(lastDirectory()).filePath(base + suffix);
}

} // namespace

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    QMessageBox::StandardButton answer = m_unsavedAnswer;
    if (m_messageBoxes) {
        const int runs = m_document->unsavedRuns();
        QString text;
        if (runs == 0)
            text = tr("The design has changes that are not saved.");
        else if (!m_document->hasUnsavedEdits())
            text = runs == 1 ? tr("A recorded run of this design is not saved in its project.")
                             : tr("%1 recorded runs of this design are not saved in its project.").arg(runs);
        else
            text = runs == 1 ? tr("The design has changes that are not saved, and a recorded run that is not saved in its project.")
                             : tr("The design has changes that are not saved, and %1 recorded runs that are not saved in its project.").arg(runs);
        QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"), text,
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(tr("Save them before going on?"));
        box.setDefaultButton(QMessageBox::Save);
        answer = static_cast<QMessageBox::StandardButton>(box.exec());
    }
    switch (answer) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

bool MainWindow::offerRecovery()
{
    const QList<Autosave::Orphan> orphans = Autosave::orphans(m_autosave->directory());
    if (orphans.isEmpty())
        return false;
    const Autosave::Orphan &newest = orphans.front();
    QMessageBox::StandardButton answer = m_recoveryAnswer;
    if (m_messageBoxes) {
        QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Design"),
                        tr("Quorum Studio did not close cleanly. A design with unsaved changes was kept from %1.")
                            .arg(QLocale().toString(newest.savedAt, QLocale::ShortFormat)),
                        QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(newest.sourcePath.isEmpty()
                                   ? tr("Recover it? (Cancel keeps it for the next start.)")
                                   : tr("It came from %1. Recover it? (Cancel keeps it for the next start.)")
                                         .arg(QDir::toNativeSeparators(newest.sourcePath)));
        box.button(QMessageBox::Yes)->setText(tr("&Recover"));
        box.setDefaultButton(QMessageBox::Yes);
        answer = static_cast<QMessageBox::StandardButton>(box.exec());
    }
    if (answer == QMessageBox::Discard) {
        for (const Autosave::Orphan &orphan : orphans)
            Autosave::remove(orphan);
        statusBar()->showMessage(tr("The unsaved design was discarded."), kStatusMessageMs);
        return false;
    }
    if (answer != QMessageBox::Yes)
        return false;
    std::vector<model::Diagnostic> errors;
    if (!m_document->load(newest.path, errors)) {
        reportError(tr("Recover Unsaved Design"), tr("The kept design could not be read; it stays in %1.")
                                                      .arg(QDir::toNativeSeparators(newest.path)),
                    diagnosticLines(errors));
        return false;
    }
    m_document->markRecovered(newest.sourcePath);
    Autosave::remove(newest);  // this session autosaves it again until it is saved
    m_autosave->saveNow();
    statusBar()->showMessage(tr("Recovered the unsaved design. Save it to keep it."), kStatusMessageMs);
    return true;
}

bool MainWindow::newDesign()
{
    if (!maybeSave())
        return false;
    model::Topology empty;
    empty.name = tr("untitled").toStdString();
    m_document->setTopology(std::move(empty), QString());
    statusBar()->showMessage(tr("New design: drag elements from the palette onto the diagram."), kStatusMessageMs);
    return true;
}

QString MainWindow::userTemplateDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("templates"));
}

bool MainWindow::saveAsTemplate(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char('/')) || trimmed.contains(QLatin1Char('\\')) || trimmed.startsWith(QLatin1Char('.'))) {
        reportError(tr("Save as Template"), tr("The template could not be saved."),
                    {tr("'%1' is not a usable template name (no slashes, not starting with a dot)").arg(trimmed)});
        return false;
    }
    QDir().mkpath(userTemplateDirectory());
    const QString path = QDir(userTemplateDirectory()).filePath(trimmed + QStringLiteral(".yaml"));
    if (const std::optional<std::string> error = model::saveTopologyFile(m_document->topology(), QFile::encodeName(path).toStdString())) {
        reportError(tr("Save as Template"), tr("The template could not be saved."), {QString::fromStdString(*error)});
        return false;
    }
    m_lastError.clear();
    rebuildTemplateMenu();
    statusBar()->showMessage(tr("Saved the template %1; it is under File → New from Template.").arg(trimmed), kStatusMessageMs);
    return true;
}

bool MainWindow::newFromTemplate(const QString &path)
{
    if (!maybeSave())
        return false;
    const model::LoadResult result = model::loadTopologyFile(QFile::encodeName(path).toStdString());
    if (!result.ok()) {
        reportError(tr("New from Template"), tr("The template %1 could not be read.").arg(QFileInfo(path).completeBaseName()),
                    diagnosticLines(result.errors));
        return false;
    }
    m_lastError.clear();
    m_document->setTopology(*result.topology, QString());
    statusBar()->showMessage(tr("New design from the template %1.").arg(QFileInfo(path).completeBaseName()), kStatusMessageMs);
    return true;
}

void MainWindow::saveAsTemplateInteractively()
{
    bool ok = false;
    const QString suggestion = QString::fromStdString(m_document->topology().name);
    const QString name = QInputDialog::getText(this, tr("Save as Template"), tr("Template name:"), QLineEdit::Normal, suggestion, &ok);
    if (ok)
        saveAsTemplate(name);
}

bool MainWindow::save()
{
    if (m_document->isProjectFile())
        return saveAs(m_document->sourcePath());
    if (!m_messageBoxes) {
        m_lastError = tr("The design has no project file yet: use Save As.");
        return false;
    }
    saveAsInteractively();
    return !m_document->isModified();
}

void MainWindow::importInteractively()
{
    QString dir = QSettings().value(kImportDirectoryKey, QSettings().value(kDirectoryKey)).toString();
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import"), dir, tr("Kubernetes, kind or kubeadm YAML (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void MainWindow::openInteractively()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Design"), lastDirectory(),
        tr("Designs (*.quorum *.yaml *.yml);;Quorum Studio projects (*.quorum);;Topology YAML (*.yaml *.yml)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::saveAsInteractively()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Design As"), suggestedPath(*m_document, QStringLiteral(".quorum")),
                                                tr("Quorum Studio projects (*.quorum)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".quorum");
    saveAs(path);
}

void MainWindow::exportYamlInteractively()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export Topology YAML"), suggestedPath(*m_document, QStringLiteral(".yaml")),
                                                tr("Topology YAML (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".yaml");
    saveAs(path);
}

bool MainWindow::exportDiagram(const QString &path)
{
    if (const std::optional<QString> error = ui::exportDiagram(*m_scene, path)) {
        reportError(tr("Export Diagram"), tr("The diagram could not be exported."), {*error});
        return false;
    }
    m_lastError.clear();
    statusBar()->showMessage(tr("Exported the diagram to %1.").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    return true;
}

void MainWindow::exportDiagramInteractively()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export Diagram"), suggestedPath(*m_document, QStringLiteral(".png")),
                                                tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    exportDiagram(path);
}

void MainWindow::openDroppedFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("quorum") || suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")) {
            openFile(path);
            return;
        }
    }
    statusBar()->showMessage(tr("Drop a .quorum project or a topology YAML file to open it."), kStatusMessageMs);
}

} // namespace quorum::ui
