#include "ui/document/DesignCommands.h"

#include <utility>

namespace quorum::ui {

namespace {
/// Commands that may merge share one id; whether they do is up to their keys.
constexpr int kMergeableId = 0x51534544;  // "QSED"
} // namespace

DesignEditCommand::DesignEditCommand(DesignDocument *document, const QString &text, DesignState before,
                                     DesignState after, QString mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(std::move(mergeKey))
{
}

void DesignEditCommand::undo()
{
    m_document->applyState(m_before);
}

void DesignEditCommand::redo()
{
    m_document->applyState(m_after);
}

int DesignEditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : kMergeableId;
}

bool DesignEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const DesignEditCommand *>(other);  // same id(): same class
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    setText(next->text());
    // A drag that ends where it started leaves nothing to undo.
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace quorum::ui
