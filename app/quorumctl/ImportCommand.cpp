#include "app/quorumctl/ImportCommand.h"

#include "engine/generate/Import.h"
#include "engine/model/TopologyYaml.h"

#include <ostream>

namespace quorum::ctl {

namespace {

void printUsage(std::ostream &os)
{
    os << "usage: quorumctl import FILE... [--into TOPOLOGY] [--out FILE] [--quiet]\n"
          "  Turns Kubernetes manifests (multi-document, kind: List), a kind cluster config or kubeadm\n"
          "  configs into a topology: workloads, or nodes, zones, etcd layout and timings.\n"
          "  --into TOPOLOGY  merge into this design (elements of the same name are replaced)\n"
          "  --out FILE       write the topology here (atomically) instead of standard output\n"
          "  --quiet          do not print info diagnostics (fields with no counterpart in the design)\n"
          "Exit status: 0 imported, 1 a file has errors (nothing written), 2 bad arguments or unreadable --into.\n";
}

} // namespace

int runImport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    std::string into, outFile;
    bool quiet = false;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--help" || a == "-h") {
            printUsage(out);
            return 0;
        }
        if (a == "--quiet" || a == "-q") {
            quiet = true;
        } else if (a == "--into" || a == "--out" || a == "-o") {
            if (i + 1 >= args.size()) {
                err << "quorumctl import: " << a << " needs a value\n";
                return 2;
            }
            (a == "--into" ? into : outFile) = args[++i];
        } else if (a.size() > 1 && a[0] == '-') {
            err << "quorumctl import: unknown option '" << a << "'\n";
            printUsage(err);
            return 2;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        err << "quorumctl import: no file given\n";
        printUsage(err);
        return 2;
    }
    model::Topology design;
    if (!into.empty()) {
        const model::LoadResult loaded = model::loadTopologyFile(into);
        if (!loaded.ok()) {
            for (const model::Diagnostic &d : loaded.errors)
                err << d.toString() << "\n";
            return 2;
        }
        design = *loaded.topology;
    }
    bool errors = false;
    for (const std::string &file : files) {
        const generate::ImportResult result = generate::importFile(file);
        for (const generate::ImportDiagnostic &d : result.diagnostics)
            if (!quiet || d.severity != model::Severity::Info)
                err << d.toString() << "\n";
        errors = errors || result.hasErrors();
        design = generate::mergeImport(design, result);
    }
    if (errors) {
        err << "quorumctl import: errors above; nothing written\n";
        return 1;
    }
    if (design.name.empty())
        design.name = "imported";
    if (outFile.empty()) {
        out << model::topologyToYaml(design);
        return 0;
    }
    if (auto failure = model::saveTopologyFile(design, outFile)) {
        err << "quorumctl import: " << *failure << "\n";
        return 1;
    }
    err << "quorumctl import: " << design.workloads.size() << " workload(s), " << design.nodes.size()
        << " node(s) written to " << outFile << "\n";
    return 0;
}

} // namespace quorum::ctl
