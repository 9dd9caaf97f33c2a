// quorumctl: the command-line face of Quorum Studio (validate, generate, import, raft, simulate, bench).

#include "app/quorumctl/BenchCommand.h"
#include "app/quorumctl/GenerateCommand.h"
#include "app/quorumctl/ImportCommand.h"
#include "app/quorumctl/RaftCommand.h"
#include "app/quorumctl/SimulateCommand.h"
#include "app/quorumctl/ValidateCommand.h"
#include "app/quorumctl/WatchCommand.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

void printHelp(std::ostream &out)
{
    out << "quorumctl — design checks and tools for Quorum Studio topologies\n\n"
           "usage: quorumctl COMMAND [ARGS]\n\n"
           "commands:\n"
           "  validate FILE...   check topology YAML or .quorum projects against the HA rules\n"
           "  generate TOPOLOGY --out DIR [--kubernetes-version X.Y]\n"
           "                     write kubeadm, kind, etcd, load balancer, kubespray and workload artifacts\n"
           "  import FILE... [--into TOPOLOGY] [--out FILE]\n"
           "                     turn Kubernetes manifests, a kind config or kubeadm configs into a topology\n"
           "  raft --members N --seed S --for DURATION [--faults random|none] [--clients K]\n"
           "                     run the deterministic raft simulation: timeline, summary, safety verdict\n"
           "  simulate TOPOLOGY [--scenario FILE] [--seed N] [--until DURATION] [--csv FILE]\n"
           "                     run the design in the cluster engine (virtual time), check a scenario's expectations\n"
           "  watch ADDRESS [--from-start] [--count N] [--until DURATION] [--events-only]\n"
           "                     print the telemetry stream of a running engine (quorumd)\n"
           "  bench raft-failover [--members N] [--trials T] | raft-throughput [--entries N]\n"
           "                     benchmarks of the raft core in simulation\n"
           "  help               show this text\n\n"
           "TOPOLOGY is a topology YAML or a .quorum project (its design is used).\n";
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        printHelp(args.empty() ? std::cerr : std::cout);
        return args.empty() ? 2 : 0;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "validate")
        return quorum::ctl::runValidate(args, std::cout, std::cerr);
    if (command == "generate")
        return quorum::ctl::runGenerate(args, std::cout, std::cerr);
    if (command == "import")
        return quorum::ctl::runImport(args, std::cout, std::cerr);
    if (command == "raft")
        return quorum::ctl::runRaft(args, std::cout, std::cerr);
    if (command == "simulate")
        return quorum::ctl::runSimulate(args, std::cout, std::cerr);
    if (command == "watch")
        return quorum::ctl::runWatch(args, std::cout, std::cerr);
    if (command == "bench")
        return quorum::ctl::runBench(args, std::cout, std::cerr);
    std::cerr << "quorumctl: unknown command '" << command << "'\n";
    printHelp(std::cerr);
    return 2;
}
