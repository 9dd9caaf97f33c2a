#include "engine/rpc/Convert.h"

namespace quorum::rpc {

void toProto(const telemetry::Event &e, v1::Event &out)
{
    out.set_time_micros(e.time);
    out.set_kind(telemetry::toString(e.kind));
    out.set_type(telemetry::toString(e.type));
    out.set_object(e.object);
    out.set_reason(e.reason);
    out.set_message(e.message);
    for (const telemetry::Attribute &a : e.attrs) {
        v1::Attribute *attr = out.add_attrs();
        attr->set_name(a.name);
        attr->set_value(a.value);
    }
}

namespace {

void latency(const telemetry::LatencyMs &l, v1::Latency &out)
{
    out.set_p50_ms(l.p50);
    out.set_p99_ms(l.p99);
}

} // namespace

void toProto(const telemetry::Sample &s, v1::Sample &out)
{
    out.set_time_micros(s.time);
    for (const telemetry::RaftMemberSample &m : s.raft) {
        v1::RaftMember *r = out.add_raft();
        r->set_name(m.name);
        r->set_up(m.up);
        r->set_role(telemetry::toString(m.role));
        r->set_term(m.term);
        r->set_commit(m.commit);
        r->set_applied(m.applied);
        r->set_leader(m.leaderName);
    }
    v1::Quorum *q = out.mutable_quorum();
    q->set_voters_up(s.quorum.votersUp);
    q->set_voters_total(s.quorum.votersTotal);
    q->set_needed(s.quorum.needed);
    q->set_writes_available(s.quorum.writesAvailable);
    latency(s.writeLatency, *out.mutable_write_latency());
    for (const auto &[lease, holder] : s.leaseHolders)
        (*out.mutable_lease_holders())[lease] = holder;
    out.set_nodes_ready(s.nodes.ready);
    out.set_nodes_not_ready(s.nodes.notReady);
    out.set_nodes_unknown(s.nodes.unknown);
    out.set_nodes_total(s.nodes.total);
    for (int n : s.pods.byPhase)
        out.add_pods_by_phase(n);
    for (const auto &[name, w] : s.workloads) {
        v1::Workload &pw = (*out.mutable_workloads())[name];
        pw.set_running(w.running);
        pw.set_ready(w.ready);
        pw.set_desired(w.desired);
    }
    for (const auto &[name, lb] : s.loadBalancers) {
        v1::LoadBalancer &plb = (*out.mutable_load_balancers())[name];
        plb.set_healthy_backends(lb.healthyBackends);
        plb.set_total_backends(lb.totalBackends);
    }
    v1::Clients *c = out.mutable_clients();
    c->set_requests(s.clients.requests);
    c->set_successes(s.clients.successes);
    c->set_failures(s.clients.failures);
    c->set_success_rate(s.clients.successRate);
    latency(s.clients.latency, *c->mutable_latency());
    for (const auto &[backend, n] : s.backendRequests)
        (*out.mutable_backend_requests())[backend] = n;
    for (const telemetry::NodeStateSample &n : s.nodeStates)
        toProto(n, *out.add_node_states());
}

void toProto(const Item &item, v1::TelemetryItem &out)
{
    out.set_seq(item.seq);
    if (const auto *e = std::get_if<telemetry::Event>(&item.value))
        toProto(*e, *out.mutable_event());
    else
        toProto(std::get<telemetry::Sample>(item.value), *out.mutable_sample());
}

void toProto(const Clock &clock, v1::ClockState &out)
{
    out.set_virtual_micros(clock.virtualMicros);
    out.set_speed(clock.speed);
    out.set_running(clock.running);
    out.set_message(clock.message);
}

void toProto(const model::Diagnostic &d, v1::Diagnostic &out)
{
    out.set_file(d.file);
    out.set_line(d.line);
    out.set_column(d.column);
    out.set_field(d.field);
    out.set_message(d.message);
}

void toProto(const telemetry::NodeStateSample &n, v1::NodeState &out)
{
    out.set_name(n.name);
    out.set_up(n.up);
    out.set_ready(n.ready);
    out.set_partitioned(n.partitioned);
    for (const std::string &c : n.stopped)
        out.add_stopped_components(c);
    out.set_etcd_leader(n.etcdLeader);
    for (const std::string &l : n.leaseHolderOf)
        out.add_lease_holder_of(l);
    out.set_vip_holder(n.vipHolder);
    for (const telemetry::PodMarkSample &p : n.pods) {
        v1::PodMark *pm = out.add_pods();
        pm->set_name(p.name);
        pm->set_workload(p.workload);
        pm->set_phase(telemetry::toString(p.phase));
        pm->set_ready(p.ready);
    }
}

void toProto(const StateView &state, v1::ClusterState &out)
{
    out.set_run_id(state.runId);
    toProto(state.clock, *out.mutable_clock());
    for (const NodeView &n : state.nodes) {
        v1::NodeState *pn = out.add_nodes();
        toProto(n.state, *pn);
        pn->set_zone(n.zone);
        pn->set_role(n.role);
    }
    if (state.sample)
        toProto(*state.sample, *out.mutable_sample());
    out.set_api_load_balancer(state.apiLoadBalancer);
    out.set_healthy_api_backends(state.healthyApiBackends);
    if (state.drill)
        toProto(*state.drill, *out.mutable_drill());
}

void toProto(const DrillView &drill, v1::Drill &out)
{
    out.set_name(drill.name);
    out.set_description(drill.description);
    out.set_duration_micros(drill.duration);
    out.set_finished(drill.finished);
    for (const std::string &e : drill.stepErrors)
        out.add_step_errors(e);
    for (const DrillStepView &s : drill.steps) {
        v1::DrillStep &step = *out.add_steps();
        step.set_index(static_cast<int>(s.plan.index));
        step.set_at_micros(s.plan.at);
        step.set_line(s.plan.line);
        step.set_expectation(s.plan.expectation);
        step.set_action(s.plan.action);
        step.set_explanation(s.plan.explanation);
        step.set_prediction(s.plan.prediction);
        step.set_predicted_within_micros(s.plan.predictedWithin.value_or(-1));
        step.set_predicted_after_micros(s.plan.predictedAfter.value_or(-1));
        step.set_ran(s.ran);
        step.set_decided(s.decided);
        step.set_passed(s.passed);
        step.set_observed_micros(s.observed.value_or(-1));
        step.set_detail(s.detail);
    }
}

FaultSpec fromProto(const v1::FaultRequest &r)
{
    FaultSpec f;
    f.kind = r.kind();
    f.target = r.target();
    f.component = r.component();
    for (const v1::NodeGroup &g : r.groups())
        f.groups.emplace_back(g.nodes().begin(), g.nodes().end());
    f.oneWay = r.one_way();
    f.fsync = r.fsync_micros();
    return f;
}

} // namespace quorum::rpc
