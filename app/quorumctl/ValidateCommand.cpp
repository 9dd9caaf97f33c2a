#include "app/quorumctl/ValidateCommand.h"

#include "app/quorumctl/DesignFile.h"
#include "engine/model/Findings.h"
#include "engine/model/TopologyYaml.h"

#include <ostream>

namespace quorum::ctl {

namespace {

void printUsage(std::ostream &err)
{
    err << "usage: quorumctl validate [--quiet] FILE...\n"
           "  Checks topology files (YAML or .quorum projects) against the HA rules and prints one finding a line.\n"
           "  --quiet  print errors only\n"
           "Exit status: 0 no errors, 1 error findings, 2 a file cannot be read or parsed.\n";
}

} // namespace

int runValidate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    bool quiet = false;
    std::vector<std::string> files;
    for (const std::string &a : args) {
        if (a == "--quiet" || a == "-q")
            quiet = true;
        else if (a == "--help" || a == "-h") {
            printUsage(out);
            return 0;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "quorumctl validate: unknown option '" << a << "'\n";
            printUsage(err);
            return 2;
        } else
            files.push_back(a);
    }
    if (files.empty()) {
        err << "quorumctl validate: no file given\n";
        printUsage(err);
        return 2;
    }
    int status = 0;
    for (const std::string &file : files) {
        const model::LoadResult loaded = loadDesignFile(file);
        if (!loaded.ok()) {
            for (const model::Diagnostic &d : loaded.errors)
                err << d.toString() << "\n";
            status = 2;
            continue;
        }
        const auto findings = model::checkTopology(*loaded.topology);
        for (const model::Finding &f : findings)
            if (!quiet || f.severity == model::Severity::Error)
                out << (files.size() > 1 ? file + ": " : std::string()) << f.toLine() << "\n";
        const model::FindingCounts counts = model::countFindings(findings);
        if (counts.errors > 0 && status == 0)
            status = 1;
        if (!quiet)
            err << file << ": " << counts.errors << " error(s), " << counts.warnings << " warning(s), " << counts.infos
                << " info\n";
    }
    return status;
}

} // namespace quorum::ctl
