#include "ui/designer/Inspector.h"

#include "ui/common/DisplayNames.h"
#include "ui/document/DesignDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace quorum::ui {

namespace {

/// The style of an editor holding a refused value.
const QString kErrorStyle = QStringLiteral("border: 1px solid #c62828;");

} // namespace

Inspector::Inspector(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_error(new QLabel(this))
    , m_formHost(new QWidget)
{
    setObjectName(QStringLiteral("inspector"));
    setAccessibleName(tr("Inspector"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setObjectName(QStringLiteral("inspectorError"));
    m_error->hide();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_formHost);
    new QVBoxLayout(m_formHost);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);

    connect(m_document, &DesignDocument::topologyChanged, this, &Inspector::refreshValues);
    connect(m_document, &DesignDocument::designReplaced, this, [this] { setElement(QString()); });
    setElement(QString());
}

void Inspector::setElement(const QString &elementId)
{
    m_elementId = elementId.isEmpty() ? QStringLiteral("cluster") : elementId;
    m_lastError.clear();
    m_error->hide();
    rebuild();
}

void Inspector::clearForm()
{
    m_fields.clear();
    delete m_form;
    m_form = nullptr;
    // Later, not now: this may run inside a signal of one of these editors.
    const QList<QWidget *> children = m_formHost->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
    for (QWidget *child : children) {
        child->hide();
        child->deleteLater();
    }
    auto *outer = static_cast<QVBoxLayout *>(m_formHost->layout());
    while (QLayoutItem *item = outer->takeAt(0))
        delete item;
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(m_form);
    outer->addStretch(1);
}

void Inspector::rebuild()
{
    clearForm();
    m_formElementId = m_elementId;
    const std::optional<model::ElementId> id = parseElementId(m_elementId);
    const model::Topology &topology = m_document->topology();
    if (!id || !buildInspectorForm(*this, topology, *id)) {
        m_title->setText(tr("Nothing selected"));
        m_form->addRow(new QLabel(tr("Select an element in the diagram to edit it, or click the background for the cluster settings.")));
        static_cast<QLabel *>(m_form->itemAt(0)->widget())->setWordWrap(true);
        return;
    }
    m_title->setText(id->kind == model::ElementKind::Cluster
                         ? tr("Cluster settings")
                         : tr("%1 — %2").arg(QString::fromStdString(id->name), DisplayNames::elementKind(id->kind)));
    refreshValues();
}

void Inspector::refreshValues()
{
    const std::optional<model::ElementId> id = parseElementId(m_elementId);
    const bool exists = id && (id->kind == model::ElementKind::Cluster || m_document->topology().contains(*id));
    if (!exists) {
        if (!m_fields.empty())
            rebuild();  // the element went away (undo of an add, a delete)
        return;
    }
    if (m_formElementId != m_elementId) {
        rebuild();  // renamed: the form's fields name the element by its old name
        return;
    }
    m_refreshing = true;
    for (const Field &field : m_fields)
        field.refresh();
    m_refreshing = false;
}

QWidget *Inspector::editor(const QString &field) const
{
    for (const Field &f : m_fields)
        if (f.name == field)
            return f.editor;
    return nullptr;
}

QStringList Inspector::fields() const
{
    QStringList names;
    for (const Field &f : m_fields)
        names << f.name;
    return names;
}

void Inspector::addSection(const QString &title)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    label->setContentsMargins(0, 8, 0, 0);
    m_form->addRow(label);
}

bool Inspector::commit(const QString &field, const QString &label, const Apply &change, QWidget *editor,
                       const QString &renamedFrom)
{
    if (m_refreshing)
        return false;
    model::Topology after = m_document->topology();
    if (const Outcome problem = change(after)) {
        showError(tr("%1: %2").arg(label, *problem), editor);
        return false;
    }
    m_lastError.clear();
    m_error->hide();
    if (editor)
        editor->setStyleSheet(QString());
    const QString name = elementNameOf(m_elementId);
    DesignState state = m_document->state();  // positions and lane sizes stay
    state.topology = std::move(after);
    if (!renamedFrom.isEmpty() && state.positions.contains(renamedFrom))  // the card stays where it was put
        state.positions.insert(m_elementId, state.positions.take(renamedFrom));
    if (!renamedFrom.isEmpty() && state.sizes.contains(renamedFrom))  // a resized lane keeps its size
        state.sizes.insert(m_elementId, state.sizes.take(renamedFrom));
    if (!renamedFrom.isEmpty() && state.outsets.contains(renamedFrom))
        state.outsets.insert(m_elementId, state.outsets.take(renamedFrom));
    m_document->edit(name.isEmpty() ? tr("Change %1").arg(label) : tr("Change %1 of %2").arg(label, name), std::move(state),
                     m_elementId + QLatin1Char('#') + field);
    return true;
}

void Inspector::showError(const QString &message, QWidget *editor)
{
    m_lastError = message;
    m_error->setText(message);
    m_error->show();
    if (editor)
        editor->setStyleSheet(kErrorStyle);
    spdlog::info("Inspector refused a value: {}", message.toStdString());
}

void Inspector::addText(const QString &field, const QString &label, std::function<QString(const model::Topology &)> read,
                        std::function<Outcome(model::Topology &, const QString &)> write, const QString &tip)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(field);
    edit->setAccessibleName(label);
    edit->setToolTip(tip);
    edit->setPlaceholderText(tip);
    m_form->addRow(label, edit);
    const bool isName = field == QLatin1String("name");
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, field, label, read, write, isName] {
        const QString text = edit->text().trimmed();
        if (text == read(m_document->topology()))
            return;
        const QString oldId = m_elementId;
        const std::optional<model::ElementId> id = parseElementId(oldId);
        if (isName && id && id->kind != model::ElementKind::Cluster) {
            // The id follows the name, so the refresh after the edit finds the element.
            const QString newId = elementIdString({id->kind, text.toStdString()});
            m_elementId = newId;
            if (!commit(field, label, [&](model::Topology &t) { return write(t, text); }, edit, oldId)) {
                m_elementId = oldId;
                return;
            }
            // The diagram was rebuilt without the old id selected; select the new one.
            emit elementRenamed(newId);
            return;
        }
        commit(field, label, [&](model::Topology &t) { return write(t, text); }, edit);
    });
    m_fields.push_back({field, edit, [this, edit, read] {
                            if (!edit->hasFocus() || m_lastError.isEmpty()) {
                                edit->setText(read(m_document->topology()));
                                edit->setStyleSheet(QString());
                            }
                        }});
}

void Inspector::addNumber(const QString &field, const QString &label, int minimum, int maximum,
                          std::function<int(const model::Topology &)> read, std::function<void(model::Topology &, int)> write,
                          const QString &suffix)
{
    addCheckedNumber(field, label, minimum, maximum, std::move(read),
                     [write = std::move(write)](model::Topology &t, int value) -> Outcome {
                         write(t, value);
                         return std::nullopt;
                     });
    static_cast<QSpinBox *>(m_fields.back().editor)->setSuffix(suffix);
}

void Inspector::addCheckedNumber(const QString &field, const QString &label, int minimum, int maximum,
                                 std::function<int(const model::Topology &)> read,
                                 std::function<Outcome(model::Topology &, int)> write, const QString &noneText,
                                 const QString &tip)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(field);
    spin->setAccessibleName(label);
    spin->setRange(minimum, maximum);
    spin->setSpecialValueText(noneText);
    spin->setToolTip(tip);
    spin->setKeyboardTracking(false);  // one edit per value, not per digit typed
    m_form->addRow(label, spin);
    connect(spin, &QSpinBox::valueChanged, this, [this, spin, field, label, write](int value) {
        commit(field, label, [&](model::Topology &t) { return write(t, value); }, spin);
    });
    m_fields.push_back({field, spin, [spin, read, this] {
                            const QSignalBlocker blocker(spin);
                            spin->setValue(read(m_document->topology()));
                            spin->setStyleSheet(QString());
                        }});
}

void Inspector::addChoice(const QString &field, const QString &label, const QList<QPair<QString, QString>> &choices,
                          std::function<QString(const model::Topology &)> read,
                          std::function<Outcome(model::Topology &, const QString &)> write)
{
    auto *combo = new QComboBox;
    combo->setObjectName(field);
    combo->setAccessibleName(label);
    for (const auto &[value, text] : choices)
        combo->addItem(text, value);
    m_form->addRow(label, combo);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, field, label, write](int) {
        const QString value = combo->currentData().toString();
        commit(field, label, [&](model::Topology &t) { return write(t, value); }, combo);
    });
    m_fields.push_back({field, combo, [combo, read, this] {
                            const QSignalBlocker blocker(combo);
                            combo->setCurrentIndex(combo->findData(read(m_document->topology())));
                        }});
}

void Inspector::addFlag(const QString &field, const QString &label, std::function<bool(const model::Topology &)> read,
                        std::function<void(model::Topology &, bool)> write)
{
    auto *check = new QCheckBox(label);
    check->setObjectName(field);
    check->setAccessibleName(label);
    m_form->addRow(QString(), check);
    connect(check, &QCheckBox::toggled, this, [this, check, field, label, write](bool on) {
        commit(field, label, [&](model::Topology &t) -> Outcome { write(t, on); return std::nullopt; }, check);
    });
    m_fields.push_back({field, check, [check, read, this] {
                            const QSignalBlocker blocker(check);
                            check->setChecked(read(m_document->topology()));
                        }});
}

} // namespace quorum::ui
