#include "engine/rpc/EngineService.h"

#include "engine/rpc/Convert.h"
#include "engine/rpc/proto/engine.grpc.pb.h"
#include "engine/telemetry/SqliteReader.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <limits>

namespace quorum::rpc {

bool isLoopbackAddress(const std::string &address, std::string &why)
{
    std::string host;
    std::string port;
    if (!address.empty() && address.front() == '[') {
        const auto close = address.find(']');
        if (close == std::string::npos || close + 1 >= address.size() || address[close + 1] != ':') {
            why = "'" + address + "' is not [IPv6]:PORT";
            return false;
        }
        host = address.substr(1, close - 1);
        port = address.substr(close + 2);
    } else {
        const auto colon = address.rfind(':');
        if (colon == std::string::npos || address.find(':') != colon) {
            why = "'" + address + "' is not HOST:PORT (write IPv6 addresses as [::1]:PORT)";
            return false;
        }
        host = address.substr(0, colon);
        port = address.substr(colon + 1);
    }
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) > 65535) {
        why = "'" + port + "' is not a port number (0-65535) in '" + address + "'";
        return false;
    }
    const bool loopback = host == "localhost" || host == "::1" ||
                          (host.rfind("127.", 0) == 0 && host.find_first_not_of("0123456789.") == std::string::npos &&
                           std::count(host.begin(), host.end(), '.') == 3);
    if (!loopback) {
        why = "'" + host + "' is not a loopback address: remote access needs TLS and an access token, "
              "which this version does not offer yet; listen on 127.0.0.1 or [::1]";
        return false;
    }
    return true;
}

class EngineServer::Service final : public v1::Engine::Service {
public:
    explicit Service(EngineHost &host)
        : m_host(host)
    {
    }

    grpc::Status LoadTopology(grpc::ServerContext *, const v1::LoadTopologyRequest *request,
                              v1::LoadTopologyReply *reply) override
    {
        const LoadOutcome r = m_host.load(request->yaml(), request->source_name(), request->seed(), request->record_path(),
                                           request->record_keep_runs());
        reply->set_ok(r.ok);
        reply->set_run_id(r.runId);
        for (const model::Diagnostic &d : r.diagnostics)
            toProto(d, *reply->add_diagnostics());
        return grpc::Status::OK;
    }

    grpc::Status RunScenario(grpc::ServerContext *, const v1::ScenarioRequest *request,
                             v1::LoadTopologyReply *reply) override
    {
        ScenarioSpec spec;
        spec.yaml = request->yaml();
        spec.sourceName = request->source_name();
        spec.topologyYaml = request->topology_yaml();
        spec.files.insert(request->files().begin(), request->files().end());
        spec.seed = request->seed();
        spec.recordPath = request->record_path();
        spec.recordKeepRuns = request->record_keep_runs();
        const LoadOutcome r = m_host.loadScenario(spec);
        reply->set_ok(r.ok);
        reply->set_run_id(r.runId);
        for (const model::Diagnostic &d : r.diagnostics)
            toProto(d, *reply->add_diagnostics());
        return grpc::Status::OK;
    }

    grpc::Status Apply(grpc::ServerContext *, const v1::ApplyRequest *request, v1::ApplyReply *reply) override
    {
        const ApplyOutcome r = m_host.apply(request->yaml(), request->source_name());
        reply->set_ok(r.ok);
        reply->set_objects(r.objects);
        for (const model::Diagnostic &d : r.diagnostics)
            toProto(d, *reply->add_diagnostics());
        return grpc::Status::OK;
    }

    grpc::Status Control(grpc::ServerContext *, const v1::ControlRequest *request, v1::ClockState *reply) override
    {
        Clock c;
        switch (request->action_case()) {
        case v1::ControlRequest::kRunSpeed:
            c = m_host.run(request->run_speed(), request->pause_at_micros() > 0
                                                     ? std::optional<Micros>(request->pause_at_micros())
                                                     : std::nullopt);
            break;
        case v1::ControlRequest::kPause: c = m_host.pause(); break;
        case v1::ControlRequest::kStepMicros: c = m_host.step(request->step_micros()); break;
        case v1::ControlRequest::ACTION_NOT_SET:
            return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "Control needs run_speed, pause or step_micros");
        }
        toProto(c, *reply);
        return grpc::Status::OK;
    }

    grpc::Status InjectFault(grpc::ServerContext *, const v1::FaultRequest *request, v1::FaultReply *reply) override
    {
        const Outcome r = m_host.fault(fromProto(*request));
        reply->set_ok(r.ok);
        reply->set_message(r.message);
        return grpc::Status::OK;
    }

    grpc::Status Heal(grpc::ServerContext *, const v1::HealRequest *request, v1::FaultReply *reply) override
    {
        const Outcome r = m_host.heal(request->node());
        reply->set_ok(r.ok);
        reply->set_message(r.message);
        return grpc::Status::OK;
    }

    grpc::Status GetState(grpc::ServerContext *, const v1::StateRequest *, v1::ClusterState *reply) override
    {
        toProto(m_host.state(), *reply);
        return grpc::Status::OK;
    }

    grpc::Status Watch(grpc::ServerContext *context, const v1::WatchRequest *request,
                       grpc::ServerWriter<v1::TelemetryItem> *writer) override
    {
        // Follow the run current at the start; wait for one if there is none yet.
        std::string run = m_host.runId();
        while (run.empty() && !context->IsCancelled() && !m_stopping) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            run = m_host.runId();
        }
        std::uint64_t cursor = request->from_start() ? 0 : m_host.lastSeq();
        std::vector<Item> items;
        while (!context->IsCancelled() && !m_stopping) {
            items.clear();
            if (!m_host.waitItems(run, cursor, items, std::chrono::milliseconds(200)))
                break; // the run was replaced: this stream is over
            for (const Item &item : items) {
                v1::TelemetryItem out;
                toProto(item, out);
                if (!writer->Write(out))
                    return grpc::Status::OK; // the client went away
            }
        }
        return grpc::Status::OK;
    }

    grpc::Status ListRecordings(grpc::ServerContext *, const v1::RecordingsRequest *request,
                                v1::RecordingsReply *reply) override
    {
        m_host.flushRecording();
        auto opened = telemetry::SqliteReader::open(request->path());
        if (!opened.ok()) {
            reply->set_message(opened.error);
            return grpc::Status::OK;
        }
        const telemetry::Rows<telemetry::RunInfo> runs = opened.value->runs();
        if (!runs.ok()) {
            reply->set_message(runs.error);
            return grpc::Status::OK;
        }
        reply->set_ok(true);
        for (const telemetry::RunInfo &r : runs.rows) {
            v1::RecordedRun *run = reply->add_runs();
            run->set_id(r.id);
            run->set_started_label(r.startedLabel);
            run->set_topology_name(r.topologyName);
            run->set_seed(r.seed);
            run->set_scenario(r.scenario);
        }
        return grpc::Status::OK;
    }

    grpc::Status ReadRecording(grpc::ServerContext *context, const v1::ReadRecordingRequest *request,
                               grpc::ServerWriter<v1::TelemetryItem> *writer) override
    {
        m_host.flushRecording();
        auto opened = telemetry::SqliteReader::open(request->path());
        if (!opened.ok())
            return grpc::Status(grpc::StatusCode::NOT_FOUND, opened.error);
        constexpr telemetry::Micros kAll = std::numeric_limits<telemetry::Micros>::max();
        const telemetry::Rows<telemetry::Event> events = opened.value->events(request->run(), 0, kAll);
        const telemetry::Rows<telemetry::Sample> samples = opened.value->samples(request->run(), 0, kAll);
        if (!events.ok() || !samples.ok())
            return grpc::Status(grpc::StatusCode::DATA_LOSS, !events.ok() ? events.error : samples.error);
        // Merge by time; at the same time, events first (a sample sums up what happened).
        std::size_t e = 0, s = 0;
        std::uint64_t seq = 0;
        while (e < events.rows.size() || s < samples.rows.size()) {
            if (context->IsCancelled())
                return grpc::Status::CANCELLED;
            v1::TelemetryItem item;
            item.set_seq(++seq);
            if (s >= samples.rows.size() || (e < events.rows.size() && events.rows[e].time <= samples.rows[s].time))
                toProto(events.rows[e++], *item.mutable_event());
            else
                toProto(samples.rows[s++], *item.mutable_sample());
            if (!writer->Write(item))
                return grpc::Status::OK; // the client went away
        }
        return grpc::Status::OK;
    }

    void stopping() { m_stopping = true; }

private:
    EngineHost &m_host;
    std::atomic<bool> m_stopping{false};
};

EngineServer::EngineServer(EngineHost &host)
    : m_host(host)
    , m_service(std::make_unique<Service>(host))
{
}

EngineServer::~EngineServer()
{
    shutdown();
}

std::optional<int> EngineServer::start(const std::string *address, std::string &error)
{
    if (m_server) {
        error = "the engine server is already running";
        return std::nullopt;
    }
    grpc::ServerBuilder builder;
    int port = 0;
    if (address) {
        std::string why;
        if (!isLoopbackAddress(*address, why)) {
            error = why;
            return std::nullopt;
        }
        builder.AddListeningPort(*address, grpc::InsecureServerCredentials(), &port);
    }
    builder.RegisterService(m_service.get());
    m_server = builder.BuildAndStart();
    if (!m_server || (address && port == 0)) {
        m_server.reset();
        error = address ? "cannot listen on " + *address + " (in use, or not an address of this machine)"
                        : "cannot start the engine server";
        return std::nullopt;
    }
    return port;
}

std::optional<int> EngineServer::listen(const std::string &address, std::string &error)
{
    return start(&address, error);
}

bool EngineServer::startInProcess(std::string &error)
{
    return start(nullptr, error).has_value();
}

std::shared_ptr<grpc::Channel> EngineServer::inProcessChannel()
{
    return m_server->InProcessChannel(grpc::ChannelArguments());
}

void EngineServer::shutdown()
{
    if (!m_server)
        return;
    m_service->stopping();
    m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    m_server->Wait();
    m_server.reset();
}

} // namespace quorum::rpc
