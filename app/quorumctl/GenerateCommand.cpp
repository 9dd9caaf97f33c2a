#include "app/quorumctl/GenerateCommand.h"

#include "app/quorumctl/DesignFile.h"
#include "engine/generate/Artifacts.h"
#include "engine/model/TopologyYaml.h"

#include <ostream>

namespace quorum::ctl {

namespace {

void printUsage(std::ostream &os)
{
    os << "usage: quorumctl generate TOPOLOGY --out DIR [--kubernetes-version X.Y] [--ingress-namespace NS]\n"
          "  Writes kubeadm, kind, etcd, load balancer, MetalLB, kubespray and workload manifests for the\n"
          "  design (a topology YAML or a .quorum project) into DIR, one folder per family, with a README.md\n"
          "  that gives the order to apply them.\n"
          "  --kubernetes-version  overrides spec.kubernetesVersion (kubeadm v1beta3 up to 1.30, v1beta4 from 1.31)\n"
          "  --ingress-namespace   namespace of the ingress controller (default ingress-nginx)\n"
          "Exit status: 0 written, 1 generation or write failed, 2 bad arguments or unreadable design.\n";
}

} // namespace

int runGenerate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    std::string topologyFile, outDir;
    generate::GenerateOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](std::string &target) {
            if (i + 1 >= args.size()) {
                err << "quorumctl generate: " << a << " needs a value\n";
                return false;
            }
            target = args[++i];
            return true;
        };
        if (a == "--help" || a == "-h") {
            printUsage(out);
            return 0;
        } else if (a == "--out" || a == "-o") {
            if (!value(outDir))
                return 2;
        } else if (a == "--kubernetes-version") {
            if (!value(options.kubernetesVersion))
                return 2;
        } else if (a == "--ingress-namespace") {
            if (!value(options.ingressControllerNamespace))
                return 2;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "quorumctl generate: unknown option '" << a << "'\n";
            printUsage(err);
            return 2;
        } else if (topologyFile.empty()) {
            topologyFile = a;
        } else {
            err << "quorumctl generate: one topology file only ('" << a << "' is extra)\n";
            return 2;
        }
    }
    if (topologyFile.empty() || outDir.empty()) {
        err << "quorumctl generate: " << (topologyFile.empty() ? "no topology file given" : "no --out DIR given") << "\n";
        printUsage(err);
        return 2;
    }
    const model::LoadResult loaded = loadDesignFile(topologyFile);
    if (!loaded.ok()) {
        for (const model::Diagnostic &d : loaded.errors)
            err << d.toString() << "\n";
        return 2;
    }
    const generate::GenerateResult result = generate::generateArtifacts(*loaded.topology, options);
    if (!result.ok()) {
        err << "quorumctl generate: " << topologyFile << ": " << *result.error << "\n";
        return 1;
    }
    if (auto failure = generate::writeArtifacts(result.files, outDir)) {
        err << "quorumctl generate: " << *failure << "\n";
        return 1;
    }
    for (const generate::GeneratedFile &f : result.files)
        out << outDir << "/" << f.path << "\n";
    for (const generate::GenerateNote &n : result.notes)
        err << "note: " << n.toString() << "\n";
    err << topologyFile << ": " << result.files.size() << " file(s) written to " << outDir << "\n";
    return 0;
}

} // namespace quorum::ctl
