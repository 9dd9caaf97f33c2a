// quorumctl: the command-line face of Quorum Studio (validate now; generate, simulate and bench later).

#include "app/quorumctl/ValidateCommand.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

void printHelp(std::ostream &out)
{
    out << "quorumctl — design checks and tools for Quorum Studio topologies\n\n"
           "usage: quorumctl COMMAND [ARGS]\n\n"
           "commands:\n"
           "  validate FILE...   check topology YAML against the HA rules\n"
           "  help               show this text\n";
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
    std::cerr << "quorumctl: unknown command '" << command << "'\n";
    printHelp(std::cerr);
    return 2;
}
