#pragma once

// A unified line diff ("diff -u" style, 3 lines of context) of two texts, for the Artifacts
// panel's "Changes since last export" view. Thread-safe (pure function).

#include <QString>

namespace quorum::ui {

/// The unified diff of oldText -> newText with "--- oldName" / "+++ newName" headers and
/// "@@ -a,b +c,d @@" hunks; empty when the texts are equal. Very large files whose line
/// tables would not fit in memory are shown as one hunk that replaces every line.
QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName,
                    const QString &newName, int context = 3);

} // namespace quorum::ui
