#include "engine/model/Findings.h"

namespace quorum::model {

const char *toString(Severity v)
{
    switch (v) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    }
    return "?";
}

std::string Finding::message() const
{
    // Same substitution as QString::arg for %1..%9: each placeholder takes its argument.
    std::string out;
    for (const char *p = format; *p; ++p) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            const std::size_t index = static_cast<std::size_t>(p[1] - '1');
            if (index < args.size()) {
                out += args[index];
                ++p;
                continue;
            }
        }
        out += *p;
    }
    return out;
}

std::string Finding::toLine() const
{
    return std::string(toString(severity)) + " " + element.toString() + ": " + message();
}

FindingCounts countFindings(const std::vector<Finding> &findings)
{
    FindingCounts counts;
    for (const Finding &f : findings) {
        switch (f.severity) {
        case Severity::Error: ++counts.errors; break;
        case Severity::Warning: ++counts.warnings; break;
        case Severity::Info: ++counts.infos; break;
        }
    }
    return counts;
}

} // namespace quorum::model
