#pragma once

// The undo command of the designer: every edit is a pair of design states, before and after.
// States are values (a design of 1,000 elements is a few hundred KB), which keeps each
// command trivially correct for any edit. Main (GUI) thread only.

#include "ui/document/DesignDocument.h"

#include <QUndoCommand>

namespace quorum::ui {

class DesignEditCommand final : public QUndoCommand {
public:
    /// text: what the Edit menu and the history show ("Move cp-1", "Add worker-4").
    /// mergeKey: consecutive commands with the same non-empty key merge into one step.
    DesignEditCommand(DesignDocument *document, const QString &text, DesignState before, DesignState after,
                      QString mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const QString &mergeKey() const { return m_mergeKey; }

private:
    DesignDocument *m_document;
    DesignState m_before;
    DesignState m_after;
    QString m_mergeKey;
};

} // namespace quorum::ui
