#include "app/quorumctl/WatchCommand.h"

#include "app/quorumctl/Text.h"

#include "engine/model/TopologyYaml.h"
#include "engine/rpc/proto/engine.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdlib>
#include <sstream>

namespace quorum::ctl {

namespace {

void usage(std::ostream &err)
{
    err << "usage: quorumctl watch ADDRESS [--from-start] [--count N] [--until DURATION] [--events-only]\n"
           "  ADDRESS        where quorumd listens, e.g. 127.0.0.1:7443\n"
           "  --from-start   replay the run's telemetry from its beginning, then follow it\n"
           "  --count N      stop after N lines\n"
           "  --until D      stop at the first item at or after virtual time D (e.g. 90s, 5m)\n"
           "  --events-only  leave out the once-a-second samples\n";
}

const char *const kPhases[] = {"Pending", "ContainerCreating", "Running", "Succeeded", "Failed", "Terminating"};

std::string sampleLine(const v1::Sample &s)
{
    std::ostringstream line;
    std::string leader;
    std::uint64_t term = 0;
    for (const v1::RaftMember &m : s.raft()) {
        term = std::max<std::uint64_t>(term, m.term());
        if (m.role() == "Leader")
            leader = m.name();
    }
    const v1::Quorum &q = s.quorum();
    line << stamp(s.time_micros()) << "  sample  leader " << (leader.empty() ? "none" : leader) << " term " << term
         << "  quorum " << q.voters_up() << "/" << q.voters_total() << " (need " << q.needed() << ") writes "
         << (q.writes_available() ? "OK" : "unavailable") << "  nodes " << s.nodes_ready() << "/" << s.nodes_total()
         << " Ready  pods";
    for (int i = 0; i < s.pods_by_phase_size() && i < 6; ++i)
        if (s.pods_by_phase(i) > 0)
            line << " " << kPhases[i] << " " << s.pods_by_phase(i);
    for (const auto &[lease, holder] : s.lease_holders())
        line << "  " << lease << "=" << (holder.empty() ? "none" : holder);
    if (s.clients().requests() > 0)
        line << "  clients " << s.clients().success_rate() << "%";
    return line.str();
}

std::string eventLine(const v1::Event &e)
{
    std::ostringstream line;
    line << stamp(e.time_micros()) << "  " << (e.type() == "Warning" ? "Warning" : "Normal ") << "  " << e.reason()
         << "  " << e.object() << "  " << e.message();
    return line.str();
}

} // namespace

int runWatch(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    std::string address;
    bool fromStart = false;
    bool eventsOnly = false;
    long count = -1;
    std::int64_t until = -1;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](const char *name) -> const std::string * {
            if (i + 1 >= args.size()) {
                err << "quorumctl watch: " << name << " needs a value\n";
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--from-start") {
            fromStart = true;
        } else if (a == "--events-only") {
            eventsOnly = true;
        } else if (a == "--count") {
            const std::string *v = value("--count");
            char *end = nullptr;
            if (!v || (count = std::strtol(v->c_str(), &end, 10), *end != '\0' || count <= 0)) {
                if (v)
                    err << "quorumctl watch: --count needs a whole number above 0, not '" << *v << "'\n";
                return 2;
            }
        } else if (a == "--until") {
            const std::string *v = value("--until");
            const auto ms = v ? model::parseDurationMs(*v) : std::nullopt;
            if (!ms) {
                if (v)
                    err << "quorumctl watch: --until needs a duration like 90s or 5m, not '" << *v << "'\n";
                return 2;
            }
            until = *ms * 1000;
        } else if (!a.empty() && a[0] == '-') {
            err << "quorumctl watch: unknown option '" << a << "'\n";
            usage(err);
            return 2;
        } else if (address.empty()) {
            address = a;
        } else {
            err << "quorumctl watch: one ADDRESS only ('" << a << "' is extra)\n";
            return 2;
        }
    }
    if (address.empty()) {
        usage(err);
        return 2;
    }
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(5))) {
        err << "quorumctl watch: cannot reach an engine at " << address << " (is quorumd running there?)\n";
        return 1;
    }
    auto stub = v1::Engine::NewStub(channel);
    grpc::ClientContext context;
    v1::WatchRequest request;
    request.set_from_start(fromStart);
    auto reader = stub->Watch(&context, request);
    v1::TelemetryItem item;
    long printed = 0;
    while (reader->Read(&item)) {
        const std::int64_t t = item.has_event() ? item.event().time_micros() : item.sample().time_micros();
        if (until >= 0 && t >= until)
            break;
        if (item.has_event())
            out << eventLine(item.event()) << "\n";
        else if (!eventsOnly)
            out << sampleLine(item.sample()) << "\n";
        else
            continue;
        out.flush();
        if (count > 0 && ++printed >= count)
            break;
    }
    context.TryCancel();
    const grpc::Status status = reader->Finish();
    if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
        err << "quorumctl watch: the stream from " << address << " broke: " << status.error_message() << "\n";
        return 1;
    }
    return 0;
}

} // namespace quorum::ctl
