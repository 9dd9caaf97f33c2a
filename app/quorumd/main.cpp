// quorumd: the headless engine daemon. Boots a design in the cluster engine, runs it in
// virtual time tied to the wall clock, and serves the quorum.v1 engine API (the same one the
// GUI's embedded engine speaks) on a loopback address.
//
//   quorumd [--listen 127.0.0.1:7443] [--seed N] [--speed X] [--paused] TOPOLOGY
//
// Exit status: 0 after SIGINT/SIGTERM, 2 on bad arguments or input (with the file, line and
// column), 1 when the address cannot be used.

#include "engine/rpc/EngineHost.h"
#include "engine/rpc/EngineService.h"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}

void usage(std::ostream &err)
{
    err << "usage: quorumd [--listen ADDRESS] [--seed N] [--speed X] [--paused] TOPOLOGY\n"
           "  --listen ADDRESS  loopback address to serve on (default 127.0.0.1:7443; port 0 picks one)\n"
           "  --seed N          the run's seed (default 1)\n"
           "  --speed X         virtual time per wall second, 0.25 to 1000 (default 1)\n"
           "  --paused          start paused (a client runs it with Control)\n";
}

} // namespace

int main(int argc, char **argv)
{
    std::string listen = "127.0.0.1:7443";
    std::string topologyPath;
    std::uint64_t seed = 1;
    double speed = 1;
    bool paused = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char * { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--listen") {
            const char *v = value();
            if (!v) {
                std::cerr << "quorumd: --listen needs an address\n";
                return 2;
            }
            listen = v;
        } else if (a == "--seed") {
            const char *v = value();
            char *end = nullptr;
            if (!v || (seed = std::strtoull(v, &end, 10), *end != '\0')) {
                std::cerr << "quorumd: --seed needs a whole number\n";
                return 2;
            }
        } else if (a == "--speed") {
            const char *v = value();
            char *end = nullptr;
            if (!v || (speed = std::strtod(v, &end), *end != '\0') || !(speed >= 0.25 && speed <= 1000)) {
                std::cerr << "quorumd: --speed needs a number from 0.25 to 1000\n";
                return 2;
            }
        } else if (a == "--paused") {
            paused = true;
        } else if (a == "--help" || a == "-h") {
            usage(std::cout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "quorumd: unknown option '" << a << "'\n";
            usage(std::cerr);
            return 2;
        } else if (topologyPath.empty()) {
            topologyPath = a;
        } else {
            std::cerr << "quorumd: one TOPOLOGY only ('" << a << "' is extra)\n";
            return 2;
        }
    }
    if (topologyPath.empty()) {
        usage(std::cerr);
        return 2;
    }
    std::string why;
    if (!quorum::rpc::isLoopbackAddress(listen, why)) {
        std::cerr << "quorumd: refusing to listen on " << listen << ": " << why << "\n";
        return 2;
    }
    std::ifstream in(topologyPath, std::ios::binary);
    if (!in) {
        std::cerr << "quorumd: cannot read " << topologyPath << "\n";
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();

    quorum::rpc::EngineHost host;
    const quorum::rpc::LoadOutcome loaded = host.load(text.str(), topologyPath, seed);
    if (!loaded.ok) {
        for (const quorum::model::Diagnostic &d : loaded.diagnostics)
            std::cerr << d.toString() << "\n";
        return 2;
    }
    quorum::rpc::EngineServer server(host);
    std::string error;
    const auto port = server.listen(listen, error);
    if (!port) {
        std::cerr << "quorumd: " << error << "\n";
        return 1;
    }
    if (!paused)
        host.run(speed);
    const std::string shown = listen.substr(0, listen.rfind(':')) + ":" + std::to_string(*port);
    std::cout << "quorumd: serving quorum.v1.Engine on " << shown << " (" << topologyPath << ", "
              << (paused ? std::string("paused") : (std::ostringstream() << speed << "x").str()) << ")" << std::endl;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop)
        pause();
    std::cout << "quorumd: stopping" << std::endl;
    server.shutdown();
    return 0;
}
