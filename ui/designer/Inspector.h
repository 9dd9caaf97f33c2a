#pragma once

// The inspector: the properties of the selected element (or of the cluster when nothing is
// selected) with an editor each. Every change is validated first: a bad value is named with
// its field and leaves the design alone (and the typed text in place); a good one becomes an
// undoable edit, and typing in one field merges into one undo step. Values follow undo and
// redo in place, without rebuilding the editors. Main (GUI) thread only.

#include "engine/model/Topology.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace quorum::ui {

class DesignDocument;

class Inspector : public QWidget {
    Q_OBJECT

public:
    explicit Inspector(DesignDocument *document, QWidget *parent = nullptr);

    /// Shows the element's properties ("node/cp-1"); "cluster" or an empty id shows the
    /// cluster settings; an id of an element that does not exist shows a hint.
    void setElement(const QString &elementId);
    QString elementId() const { return m_elementId; }

    /// The editor of a field ("name", "cpu", "zone", "replicas", ...), for tests and
    /// accessibility; nullptr when the element shown has no such field.
    QWidget *editor(const QString &field) const;
    /// Fields of the element shown, in form order.
    QStringList fields() const;
    /// The message of the last refused value ("CPU: '4x' is not ..."); empty after a good one.
    QString lastError() const { return m_lastError; }

    /// The result of applying a value: std::nullopt, or what is wrong with it (translated).
    using Outcome = std::optional<QString>;
    /// Changes one field of a copy of the design; returns what is wrong, if anything.
    using Apply = std::function<Outcome(model::Topology &)>;

    // ---- building the form (used by InspectorForms.cpp) ------------------------------------
    /// A section title in the form.
    void addSection(const QString &title);
    void addText(const QString &field, const QString &label, std::function<QString(const model::Topology &)> read,
                 std::function<Outcome(model::Topology &, const QString &)> write, const QString &tip = {});
    void addNumber(const QString &field, const QString &label, int minimum, int maximum,
                   std::function<int(const model::Topology &)> read, std::function<void(model::Topology &, int)> write,
                   const QString &suffix = {});
    /// A number whose write may refuse a value with the reason (shown with the field's label,
    /// the design left alone). `noneText`, when given, is shown for the minimum ("none").
    void addCheckedNumber(const QString &field, const QString &label, int minimum, int maximum,
                          std::function<int(const model::Topology &)> read,
                          std::function<Outcome(model::Topology &, int)> write, const QString &noneText = {},
                          const QString &tip = {});
    void addChoice(const QString &field, const QString &label, const QList<QPair<QString, QString>> &choices,
                   std::function<QString(const model::Topology &)> read,
                   std::function<Outcome(model::Topology &, const QString &)> write);
    void addFlag(const QString &field, const QString &label, std::function<bool(const model::Topology &)> read,
                 std::function<void(model::Topology &, bool)> write);

signals:
    /// The element shown was renamed: its new id (the diagram selects it).
    void elementRenamed(const QString &newId);

private:
    struct Field {
        QString name;
        QWidget *editor = nullptr;
        std::function<void()> refresh;
    };

    void rebuild();
    void refreshValues();
    void clearForm();
    /// Validates and applies a change to the element shown as one undoable edit.
    /// renamedFrom: the element's id before a rename (its placed position moves along).
    bool commit(const QString &field, const QString &label, const Apply &change, QWidget *editor,
                const QString &renamedFrom = {});
    void showError(const QString &message, QWidget *editor);

    DesignDocument *m_document;
    QString m_elementId;
    QString m_formElementId;  ///< the element the fields were built for
    QLabel *m_title;
    QLabel *m_error;
    QWidget *m_formHost;
    QFormLayout *m_form = nullptr;
    std::vector<Field> m_fields;
    QString m_lastError;
    bool m_refreshing = false;
};

/// Fills the inspector with the fields of the element (InspectorForms.cpp). Returns false
/// when the element does not exist.
bool buildInspectorForm(Inspector &inspector, const model::Topology &topology, const model::ElementId &id);

} // namespace quorum::ui
