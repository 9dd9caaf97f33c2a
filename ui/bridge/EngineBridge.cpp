#include "ui/bridge/EngineBridge.h"

#include "engine/model/TopologyYaml.h"
#include "engine/rpc/EmbeddedEngine.h"
#include "engine/rpc/proto/engine.grpc.pb.h"

#include <QDir>
#include <QFile>
#include <QFuture>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent>

#include <grpcpp/grpcpp.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <type_traits>

namespace quorum::ui {

const LiveNode *LiveState::node(const QString &name) const
{
    for (const LiveNode &n : nodes)
        if (n.name == name)
            return &n;
    return nullptr;
}

struct EngineBridge::Engine {
    // Asynchronous faults and heals in flight (waited for before the engine goes).
    QList<QFuture<void>> pending;
    rpc::EmbeddedEngine embedded; // reached only through the generated client, as a remote one
    std::unique_ptr<v1::Engine::Stub> stub;
    // The watch stream (one at a time, for the current run).
    std::thread watcher;
    std::unique_ptr<grpc::ClientContext> watchContext;
    std::mutex queueMutex;
    QVector<LiveEvent> queue;
    QVector<LiveSample> samples;
};

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

LiveNode toLive(const v1::NodeState &n)
{
    LiveNode node;
    node.name = q(n.name());
    node.up = n.up();
    node.ready = q(n.ready());
    node.partitioned = n.partitioned();
    for (const std::string &c : n.stopped_components())
        node.stopped << q(c);
    node.etcdLeader = n.etcd_leader();
    for (const std::string &l : n.lease_holder_of())
        node.leaseHolderOf << q(l);
    node.vipHolder = n.vip_holder();
    for (const v1::PodMark &p : n.pods())
        node.pods.push_back(LivePod{q(p.name()), q(p.workload()), q(p.phase()), p.ready()});
    return node;
}

LiveEvent toLive(const v1::Event &e)
{
    return LiveEvent{e.time_micros(), q(e.kind()), e.type() == "Warning", q(e.object()), q(e.reason()), q(e.message())};
}

LiveSample toLive(const v1::Sample &s)
{
    LiveSample out;
    out.timeMicros = s.time_micros();
    for (const v1::RaftMember &m : s.raft())
        out.members.push_back({q(m.name()), m.up(), m.up() && m.role() == "Leader", m.term(), m.commit()});
    out.votersUp = s.quorum().voters_up();
    out.votersTotal = s.quorum().voters_total();
    out.needed = s.quorum().needed();
    out.writesAvailable = s.quorum().writes_available();
    out.writeP50Ms = s.write_latency().p50_ms();
    out.writeP99Ms = s.write_latency().p99_ms();
    // Leases in name order (protobuf maps have none).
    std::vector<std::pair<std::string, std::string>> leases(s.lease_holders().begin(), s.lease_holders().end());
    std::sort(leases.begin(), leases.end());
    for (const auto &[name, holder] : leases) {
        out.leaseNames << q(name);
        out.leaseHolders << q(holder);
    }
    out.nodesReady = s.nodes_ready();
    out.nodesTotal = s.nodes_total();
    for (int n : s.pods_by_phase())
        out.podsByPhase.push_back(n);
    out.clientSuccessRate = s.clients().success_rate();
    out.clientRequests = s.clients().requests();
    std::vector<std::string> names;
    for (const auto &[name, w] : s.workloads())
        names.push_back(name);
    std::sort(names.begin(), names.end());
    for (const std::string &name : names) {
        const v1::Workload &w = s.workloads().at(name);
        out.workloads << q(name);
        out.workloadReady.push_back(w.ready());
        out.workloadDesired.push_back(w.desired());
    }
    std::vector<std::pair<std::string, quint64>> backends(s.backend_requests().begin(), s.backend_requests().end());
    std::sort(backends.begin(), backends.end());
    for (const auto &[name, count] : backends) {
        out.backends << q(name);
        out.backendRequests.push_back(count);
    }
    for (const v1::NodeState &n : s.node_states())
        out.nodes.push_back(toLive(n));
    return out;
}

} // namespace

EngineBridge::EngineBridge(QObject *parent)
    : QObject(parent)
    , m_engine(std::make_unique<Engine>())
{
    if (!m_engine->embedded.ok())
        spdlog::error("Cannot start the embedded engine: {}", m_engine->embedded.error());
    else
        m_engine->stub = v1::Engine::NewStub(m_engine->embedded.channel());
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!data.isEmpty() && QDir().mkpath(data))
        m_recordPath = QDir(data).filePath(QStringLiteral("recordings.sqlite"));
    m_timer.setInterval(100); // charts and diagram in batches, about 10 Hz
    connect(&m_timer, &QTimer::timeout, this, &EngineBridge::tick);
}

EngineBridge::~EngineBridge()
{
    for (QFuture<void> &f : m_engine->pending)
        f.waitForFinished();
    m_timer.stop();
    stopWatch();
}

namespace {

void reportLoadErrors(const grpc::Status &status, const v1::LoadTopologyReply &reply, QStringList *errors)
{
    if (!errors)
        return;
    if (!status.ok())
        *errors << q(status.error_message());
    for (const v1::Diagnostic &d : reply.diagnostics())
        *errors << q(model::Diagnostic{d.file(), d.line(), d.column(), d.field(), d.message()}.toString());
}

} // namespace

bool EngineBridge::deploy(const model::Topology &topology, QStringList *errors)
{
    if (!m_engine->stub) {
        if (errors)
            *errors << tr("The embedded engine did not start; see the log.");
        return false;
    }
    v1::LoadTopologyRequest request;
    request.set_yaml(model::topologyToYaml(topology));
    request.set_source_name(topology.name + ".yaml");
    request.set_seed(1);
    request.set_record_path(m_recordPath.toStdString());
    request.set_record_keep_runs(m_keepRuns);
    v1::LoadTopologyReply reply;
    grpc::ClientContext context;
    const grpc::Status status = m_engine->stub->LoadTopology(&context, request, &reply);
    if (!status.ok() || !reply.ok()) {
        reportLoadErrors(status, reply, errors);
        return false;
    }
    startRun();
    return true;
}

bool EngineBridge::runScenario(const QString &yaml, const QString &sourceName, const QMap<QString, QString> &files,
                               QStringList *errors)
{
    if (!m_engine->stub) {
        if (errors)
            *errors << tr("The embedded engine did not start; see the log.");
        return false;
    }
    v1::ScenarioRequest request;
    request.set_yaml(yaml.toStdString());
    request.set_source_name(sourceName.toStdString());
    for (auto it = files.begin(); it != files.end(); ++it)
        (*request.mutable_files())[it.key().toStdString()] = it.value().toStdString();
    request.set_record_path(m_recordPath.toStdString());
    request.set_record_keep_runs(m_keepRuns);
    v1::LoadTopologyReply reply;
    grpc::ClientContext context;
    const grpc::Status status = m_engine->stub->RunScenario(&context, request, &reply);
    if (!status.ok() || !reply.ok()) {
        reportLoadErrors(status, reply, errors);
        return false;
    }
    startRun();
    return true;
}

void EngineBridge::startRun()
{
    stopWatch();
    {
        std::lock_guard lock(m_engine->queueMutex);
        m_engine->queue.clear();
        m_engine->samples.clear();
    }
    emit cleared();
    startWatch();
    m_timer.start();
    refresh();
}

namespace {

/// Sends one Control request; true when the engine accepted it.
bool control(v1::Engine::Stub *stub, const v1::ControlRequest &request)
{
    if (!stub)
        return false;
    v1::ClockState clock;
    grpc::ClientContext context;
    return stub->Control(&context, request, &clock).ok() && clock.message().empty();
}

} // namespace

bool EngineBridge::run(double speed, qint64 pauseAtMicros)
{
    v1::ControlRequest request;
    request.set_run_speed(speed);
    if (pauseAtMicros > 0)
        request.set_pause_at_micros(pauseAtMicros);
    const bool ok = control(m_engine->stub.get(), request);
    refresh();
    return ok;
}

void EngineBridge::pause()
{
    v1::ControlRequest request;
    request.set_pause(true);
    control(m_engine->stub.get(), request);
    refresh();
}

void EngineBridge::step(qint64 micros)
{
    v1::ControlRequest request;
    request.set_step_micros(micros);
    control(m_engine->stub.get(), request);
    refresh();
}

namespace {

using Verdict = std::pair<bool, QString>;

v1::FaultRequest faultRequest(const QString &kind, const QString &target, const QString &component)
{
    v1::FaultRequest request;
    request.set_kind(kind.toStdString());
    request.set_target(target.toStdString());
    request.set_component(component.toStdString());
    return request;
}

v1::HealRequest healRequest(const QString &node)
{
    v1::HealRequest request;
    request.set_node(node.toStdString());
    return request;
}

/// Sends a fault or heal and waits for the verdict; any thread.
template <typename Request>
Verdict send(v1::Engine::Stub *stub, const Request &request)
{
    v1::FaultReply reply;
    grpc::ClientContext context;
    grpc::Status status;
    if constexpr (std::is_same_v<Request, v1::FaultRequest>)
        status = stub->InjectFault(&context, request, &reply);
    else
        status = stub->Heal(&context, request, &reply);
    return {status.ok() && reply.ok(), status.ok() ? q(reply.message()) : q(status.error_message())};
}

} // namespace

bool EngineBridge::fault(const QString &kind, const QString &target, const QString &component, QString *message)
{
    if (!m_engine->stub)
        return false;
    const auto [ok, why] = send(m_engine->stub.get(), faultRequest(kind, target, component));
    if (message)
        *message = why;
    refresh();
    return ok;
}

bool EngineBridge::heal(const QString &node)
{
    if (!m_engine->stub)
        return false;
    const bool ok = send(m_engine->stub.get(), healRequest(node)).first;
    refresh();
    return ok;
}

void EngineBridge::faultAsync(const QString &kind, const QString &target, const QString &component, Done done)
{
    v1::Engine::Stub *stub = m_engine->stub.get();
    runAsync(stub ? [stub, request = faultRequest(kind, target, component)] { return send(stub, request); }
                  : std::function<Verdict()>(),
             std::move(done));
}

void EngineBridge::healAsync(const QString &node, Done done)
{
    v1::Engine::Stub *stub = m_engine->stub.get();
    runAsync(stub ? [stub, request = healRequest(node)] { return send(stub, request); } : std::function<Verdict()>(),
             std::move(done));
}


QVector<RecordedRun> EngineBridge::recordings(QString *error) const
{
    QVector<RecordedRun> out;
    if (!m_engine->stub || m_recordPath.isEmpty()) {
        if (error)
            *error = tr("Runs are not being recorded.");
        return out;
    }
    v1::RecordingsRequest request;
    request.set_path(m_recordPath.toStdString());
    v1::RecordingsReply reply;
    grpc::ClientContext context;
    const grpc::Status status = m_engine->stub->ListRecordings(&context, request, &reply);
    if (!status.ok() || !reply.ok()) {
        if (error)
            *error = status.ok() ? q(reply.message()) : q(status.error_message());
        return out;
    }
    for (const v1::RecordedRun &r : reply.runs())
        out.push_back(RecordedRun{r.id(), q(r.started_label()), q(r.topology_name()), r.seed(), q(r.scenario())});
    return out;
}

void EngineBridge::commitRecording()
{
    if (m_recordPath.isEmpty() || !QFile::exists(m_recordPath))
        return;
    // ListRecordings commits the current run's pending rows before it reads the file.
    recordings();
}

namespace {

/// ReadRecording of `run` in `path`; any thread (the stub is thread-safe).
bool readRun(v1::Engine::Stub *stub, const QString &path, qint64 run, Recording &out, QString *error)
{
    out = {};
    if (!stub)
        return false;
    v1::ReadRecordingRequest request;
    request.set_path(path.toStdString());
    request.set_run(run);
    grpc::ClientContext context;
    auto reader = stub->ReadRecording(&context, request);
    v1::TelemetryItem item;
    while (reader->Read(&item)) {
        if (item.has_sample())
            out.samples.push_back(toLive(item.sample()));
        else
            out.events.push_back(toLive(item.event()));
    }
    const grpc::Status status = reader->Finish();
    if (!status.ok() && error)
        *error = q(status.error_message());
    return status.ok();
}

} // namespace

bool EngineBridge::readRecording(qint64 run, Recording &out, QString *error) const
{
    return readRun(m_engine->stub.get(), m_recordPath, run, out, error);
}

void EngineBridge::readRecordingAsync(qint64 run, RecordingRead done)
{
    m_engine->pending.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    // As runAsync: the destructor waits for the task, and the queued call is dropped when the
    // bridge is gone by then.
    m_engine->pending << QtConcurrent::run([this, stub = m_engine->stub.get(), path = m_recordPath, run,
                                            done = std::move(done)] {
        auto recording = std::make_shared<Recording>();
        QString error;
        const bool ok = readRun(stub, path, run, *recording, &error);
        QMetaObject::invokeMethod(
            this, [done, ok, recording, error] { done(ok, std::move(*recording), error); }, Qt::QueuedConnection);
    });
}

void EngineBridge::runAsync(std::function<std::pair<bool, QString>()> call, Done done)
{
    if (!call) { // no engine
        if (done)
            done(false, tr("The embedded engine did not start; see the log."));
        return;
    }
    m_engine->pending.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    // `this` outlives the pool task (the destructor waits for it), and the queued call is
    // dropped if the bridge is gone by the time the UI thread would run it.
    m_engine->pending << QtConcurrent::run([this, call = std::move(call), done = std::move(done)] {
        const auto [ok, message] = call();
        QMetaObject::invokeMethod(
            this,
            [this, done, ok = ok, message = message] {
                if (done)
                    done(ok, message);
                tick(); // without waiting: the engine may still be catching up
            },
            Qt::QueuedConnection);
    });
}



namespace {

/// GetState as a LiveState; any thread (the stub is thread-safe).
std::optional<LiveState> fetchState(v1::Engine::Stub *stub)
{
    v1::ClusterState s;
    grpc::ClientContext context;
    if (!stub->GetState(&context, v1::StateRequest(), &s).ok())
        return std::nullopt;
    LiveState state;
    state.deployed = !s.run_id().empty();
    state.running = s.clock().running();
    state.speed = s.clock().speed();
    state.virtualMicros = s.clock().virtual_micros();
    for (const v1::RaftMember &m : s.sample().raft())
        state.term = std::max<quint64>(state.term, m.term());
    state.votersUp = s.sample().quorum().voters_up();
    state.votersTotal = s.sample().quorum().voters_total();
    state.needed = s.sample().quorum().needed();
    state.writesAvailable = s.sample().quorum().writes_available();
    for (const v1::NodeState &n : s.nodes()) {
        LiveNode node = toLive(n);
        if (n.etcd_leader())
            state.leader = node.name; // now, not as of the last sample
        state.nodes.push_back(std::move(node));
    }
    if (s.has_drill()) {
        const v1::Drill &d = s.drill();
        state.drill.active = true;
        state.drill.name = q(d.name());
        state.drill.description = q(d.description());
        state.drill.durationMicros = d.duration_micros();
        state.drill.finished = d.finished();
        for (const std::string &e : d.step_errors())
            state.drill.stepErrors << q(e);
        for (const v1::DrillStep &st : d.steps())
            state.drill.steps.push_back(LiveDrillStep{st.index(), st.at_micros(), st.line(), st.expectation(),
                                                      q(st.action()), q(st.explanation()), q(st.prediction()),
                                                      st.predicted_within_micros(), st.predicted_after_micros(),
                                                      st.ran(), st.decided(), st.passed(), st.observed_micros(),
                                                      q(st.detail())});
    }
    return state;
}

} // namespace

void EngineBridge::refresh()
{
    if (!m_engine->stub)
        return;
    const quint64 ticket = ++m_tickets;
    if (std::optional<LiveState> state = fetchState(m_engine->stub.get()))
        deliver(std::move(*state), ticket);
}

void EngineBridge::tick()
{
    // The periodic update never waits on the UI thread: while the engine is busy (a node
    // restarting, a big step) the diagram and charts just keep what they show.
    if (!m_engine->stub || m_fetching)
        return;
    m_fetching = true;
    const quint64 ticket = ++m_tickets;
    v1::Engine::Stub *stub = m_engine->stub.get();
    m_engine->pending.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    // Lifetimes as in runAsync().
    m_engine->pending << QtConcurrent::run([this, stub, ticket] {
        std::optional<LiveState> state = fetchState(stub);
        QMetaObject::invokeMethod(
            this,
            [this, state = std::move(state), ticket]() mutable {
                m_fetching = false;
                if (state)
                    deliver(std::move(*state), ticket);
            },
            Qt::QueuedConnection);
    });
}

void EngineBridge::deliver(LiveState state, quint64 ticket)
{
    if (ticket < m_delivered)
        return; // an older answer than what is shown
    m_delivered = ticket;
    QVector<LiveEvent> events;
    QVector<LiveSample> samples;
    {
        std::lock_guard lock(m_engine->queueMutex);
        events.swap(m_engine->queue);
        samples.swap(m_engine->samples);
    }
    m_state = std::move(state);
    emit updated(m_state, events);
    if (!samples.isEmpty())
        emit samplesArrived(samples);
}

void EngineBridge::startWatch()
{
    m_engine->watchContext = std::make_unique<grpc::ClientContext>();
    Engine *engine = m_engine.get();
    grpc::ClientContext *context = engine->watchContext.get();
    engine->watcher = std::thread([engine, context] {
        v1::WatchRequest request;
        request.set_from_start(true);
        auto reader = engine->stub->Watch(context, request);
        v1::TelemetryItem item;
        while (reader->Read(&item)) {
            if (item.has_sample()) {
                LiveSample out = toLive(item.sample());
                std::lock_guard lock(engine->queueMutex);
                engine->samples.push_back(std::move(out));
                continue;
            }
            LiveEvent out = toLive(item.event());
            std::lock_guard lock(engine->queueMutex);
            engine->queue.push_back(std::move(out));
        }
        reader->Finish();
    });
}

void EngineBridge::stopWatch()
{
    if (m_engine->watchContext)
        m_engine->watchContext->TryCancel();
    if (m_engine->watcher.joinable())
        m_engine->watcher.join();
    m_engine->watchContext.reset();
}

} // namespace quorum::ui
