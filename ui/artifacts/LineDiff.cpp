#include "ui/artifacts/LineDiff.h"

#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace quorum::ui {

namespace {

/// Above this many table cells the LCS is skipped (the diff is then "everything changed").
constexpr std::int64_t kMaxLcsCells = 16LL * 1024 * 1024;

struct Edit {
    char op;  // ' ', '-', '+'
    int oldLine;
    int newLine;
};

QStringList splitLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();  // a final newline ends the last line, it does not start a new one
    return lines;
}

/// The edit script from a longest common subsequence of the lines (after common prefix and
/// suffix are taken off, which keeps the table small for typical edits).
std::vector<Edit> editScript(const QStringList &a, const QStringList &b)
{
    const auto n = static_cast<int>(a.size());
    const auto m = static_cast<int>(b.size());
    int prefix = 0;
    while (prefix < n && prefix < m && a[prefix] == b[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
        ++suffix;

    std::vector<Edit> edits;
    for (int i = 0; i < prefix; ++i)
        edits.push_back({' ', i, i});
    const int rows = n - prefix - suffix;
    const int cols = m - prefix - suffix;
    if (static_cast<std::int64_t>(rows + 1) * (cols + 1) > kMaxLcsCells) {
        for (int i = 0; i < rows; ++i)
            edits.push_back({'-', prefix + i, prefix});
        for (int j = 0; j < cols; ++j)
            edits.push_back({'+', prefix + rows, prefix + j});
    } else {
        // lcs[i][j]: LCS length of a[prefix+i..] and b[prefix+j..]
        std::vector<int> lcs(static_cast<std::size_t>(rows + 1) * static_cast<std::size_t>(cols + 1), 0);
        const auto at = [cols](int i, int j) { return static_cast<std::size_t>(i) * static_cast<std::size_t>(cols + 1) + static_cast<std::size_t>(j); };
        for (int i = rows - 1; i >= 0; --i)
            for (int j = cols - 1; j >= 0; --j)
                lcs[at(i, j)] = a[prefix + i] == b[prefix + j] ? lcs[at(i + 1, j + 1)] + 1
                                                               : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        int i = 0;
        int j = 0;
        while (i < rows || j < cols) {
            if (i < rows && j < cols && a[prefix + i] == b[prefix + j]) {
                edits.push_back({' ', prefix + i, prefix + j});
                ++i;
                ++j;
            } else if (i < rows && (j == cols || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)])) {
                edits.push_back({'-', prefix + i, prefix + j});  // removals first, as diff -u
                ++i;
            } else {
                edits.push_back({'+', prefix + i, prefix + j});
                ++j;
            }
        }
    }
    for (int k = 0; k < suffix; ++k)
        edits.push_back({' ', n - suffix + k, m - suffix + k});
    return edits;
}

/// "a,b" of a hunk header; an empty range names the line before it.
QString range(int start, int count)
{
    return count == 1 ? QString::number(start + 1)
                      : QStringLiteral("%1,%2").arg(count == 0 ? start : start + 1).arg(count);
}

} // namespace

QString unifiedDiff(const QString &oldText, const QString &newText, const QString &oldName,
                    const QString &newName, int context)
{
    if (oldText == newText)
        return {};
    const QStringList a = splitLines(oldText);
    const QStringList b = splitLines(newText);
    const std::vector<Edit> edits = editScript(a, b);

    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(oldName, newName);
    const auto total = static_cast<int>(edits.size());
    int k = 0;
    while (k < total) {
        while (k < total && edits[static_cast<std::size_t>(k)].op == ' ')
            ++k;
        if (k == total)
            break;
        // A hunk: from `context` lines before this change to `context` lines after the last
        // change that is no more than 2 * context unchanged lines away.
        const int begin = std::max(0, k - context);
        int end = k;
        int lastChange = k;
        while (end < total) {
            if (edits[static_cast<std::size_t>(end)].op != ' ')
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(total, lastChange + context + 1);

        int oldCount = 0;
        int newCount = 0;
        QString body;
        for (int e = begin; e < end; ++e) {
            const Edit &edit = edits[static_cast<std::size_t>(e)];
            if (edit.op != '+')
                ++oldCount;
            if (edit.op != '-')
                ++newCount;
            body += QLatin1Char(edit.op);
            body += edit.op == '+' ? b[edit.newLine] : a[edit.oldLine];
            body += QLatin1Char('\n');
        }
        const Edit &first = edits[static_cast<std::size_t>(begin)];
        out += QStringLiteral("@@ -%1 +%2 @@\n").arg(range(first.oldLine, oldCount), range(first.newLine, newCount));
        out += body;
        k = end;
    }
    return out;
}

} // namespace quorum::ui
