#include "tests/engine/raft/TextDiff.h"

#include <sstream>
#include <vector>

namespace quorum::raft::testing {

namespace {

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

} // namespace

std::string lineDiff(const std::string &expected, const std::string &actual, int context)
{
    if (expected == actual)
        return {};
    const auto a = splitLines(expected);
    const auto b = splitLines(actual);
    // Longest common subsequence table (golden files are a few hundred lines at most).
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    struct Line {
        char op;
        std::string text;
        std::size_t lineNo; // in `expected` (1-based)
    };
    std::vector<Line> ops;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            ops.push_back({' ', a[i], i + 1});
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            ops.push_back({'+', b[j], i + 1});
            ++j;
        } else {
            ops.push_back({'-', a[i], i + 1});
            ++i;
        }
    }
    std::vector<bool> show(ops.size(), false);
    for (std::size_t k = 0; k < ops.size(); ++k) {
        if (ops[k].op == ' ')
            continue;
        const std::size_t lo = k >= static_cast<std::size_t>(context) ? k - static_cast<std::size_t>(context) : 0;
        const std::size_t hi = std::min(ops.size(), k + static_cast<std::size_t>(context) + 1);
        for (std::size_t x = lo; x < hi; ++x)
            show[x] = true;
    }
    std::string out;
    int printed = 0;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        if (!show[k])
            continue;
        if (k == 0 || !show[k - 1])
            out += "@@ line " + std::to_string(ops[k].lineNo) + "\n";
        out += std::string(1, ops[k].op) + ops[k].text + "\n";
        if (++printed >= 400) {
            out += "... (diff truncated)\n";
            break;
        }
    }
    return out;
}

} // namespace quorum::raft::testing
