#include "engine/telemetry/Sample.h"

#include <bit>

namespace quorum::telemetry {

namespace {

constexpr char kSampleFormat = 2;      // 2: node states appended
constexpr char kSampleFormatNoNodes = 1;

constexpr std::array<const char *, 4> kRoleNames{"Follower", "Candidate", "PreCandidate", "Leader"};
constexpr std::array<const char *, kPodPhaseCount> kPhaseNames{"Pending",   "ContainerCreating", "Running",
                                                              "Succeeded", "Failed",            "Terminating"};

class Writer {
public:
    void u(std::uint64_t v)
    {
        while (v >= 0x80) {
            m_out += static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        m_out += static_cast<char>(v);
    }
    /// Zigzag, so small negative numbers stay small.
    void i(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void d(double v)
    {
        const auto bits = std::bit_cast<std::uint64_t>(v);
        for (int shift = 0; shift < 64; shift += 8)
            m_out += static_cast<char>((bits >> shift) & 0xff);
    }
    void s(const std::string &v)
    {
        u(v.size());
        m_out += v;
    }
    void raw(char c) { m_out += c; }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

/// Reads what Writer wrote; every read fails softly (ok() turns false) on truncated input.
class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_in.size(); }

    std::uint64_t u()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_in.size())
                return fail();
            const auto byte = static_cast<unsigned char>(m_in[m_pos++]);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return v;
        }
        return fail();
    }
    std::int64_t i()
    {
        const std::uint64_t z = u();
        return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
    }
    int n() { return static_cast<int>(i()); }
    double d()
    {
        if (m_in.size() - m_pos < 8)
            return static_cast<double>(fail());
        std::uint64_t bits = 0;
        for (int k = 0; k < 8; ++k)
            bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(m_in[m_pos++])) << (8 * k);
        return std::bit_cast<double>(bits);
    }
    std::string s()
    {
        const std::uint64_t size = u();
        if (!m_ok || size > m_in.size() - m_pos)
            return fail(), std::string();
        std::string v(m_in.substr(m_pos, size));
        m_pos += size;
        return v;
    }
    /// A count of items that each take at least one byte; guards against absurd sizes.
    std::size_t count()
    {
        const std::uint64_t c = u();
        if (c > m_in.size() - m_pos)
            return static_cast<std::size_t>(fail());
        return static_cast<std::size_t>(c);
    }

private:
    std::uint64_t fail()
    {
        m_ok = false;
        m_pos = m_in.size();
        return 0;
    }
    std::string_view m_in;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

void writeLatency(Writer &w, const LatencyMs &l)
{
    w.d(l.p50);
    w.d(l.p99);
}

LatencyMs readLatency(Reader &r)
{
    LatencyMs l;
    l.p50 = r.d();
    l.p99 = r.d();
    return l;
}

} // namespace

const char *toString(RaftRole role)
{
    return kRoleNames[static_cast<std::size_t>(role)];
}

const char *toString(PodPhase phase)
{
    return kPhaseNames[static_cast<std::size_t>(phase)];
}

std::optional<RaftRole> raftRoleFromString(std::string_view text)
{
    for (std::size_t i = 0; i < kRoleNames.size(); ++i)
        if (text == kRoleNames[i])
            return static_cast<RaftRole>(i);
    return std::nullopt;
}

std::optional<PodPhase> podPhaseFromString(std::string_view text)
{
    for (std::size_t i = 0; i < kPhaseNames.size(); ++i)
        if (text == kPhaseNames[i])
            return static_cast<PodPhase>(i);
    return std::nullopt;
}

std::string encodeSample(const Sample &s)
{
    Writer w;
    w.raw(kSampleFormat);
    w.i(s.time);
    w.u(s.raft.size());
    for (const RaftMemberSample &m : s.raft) {
        w.s(m.name);
        w.u(m.up ? 1 : 0);
        w.u(static_cast<std::uint64_t>(m.role));
        w.u(m.term);
        w.u(m.commit);
        w.u(m.applied);
        w.s(m.leaderName);
    }
    w.i(s.quorum.votersUp);
    w.i(s.quorum.votersTotal);
    w.i(s.quorum.needed);
    w.u(s.quorum.writesAvailable ? 1 : 0);
    writeLatency(w, s.writeLatency);
    w.u(s.leaseHolders.size());
    for (const auto &[lease, holder] : s.leaseHolders) {
        w.s(lease);
        w.s(holder);
    }
    w.i(s.nodes.ready);
    w.i(s.nodes.notReady);
    w.i(s.nodes.unknown);
    w.i(s.nodes.total);
    for (int count : s.pods.byPhase)
        w.i(count);
    w.u(s.workloads.size());
    for (const auto &[name, wl] : s.workloads) {
        w.s(name);
        w.i(wl.running);
        w.i(wl.ready);
        w.i(wl.desired);
    }
    w.u(s.loadBalancers.size());
    for (const auto &[name, lb] : s.loadBalancers) {
        w.s(name);
        w.i(lb.healthyBackends);
        w.i(lb.totalBackends);
    }
    w.u(s.clients.requests);
    w.u(s.clients.successes);
    w.u(s.clients.failures);
    w.d(s.clients.successRate);
    writeLatency(w, s.clients.latency);
    w.u(s.backendRequests.size());
    for (const auto &[backend, count] : s.backendRequests) {
        w.s(backend);
        w.u(count);
    }
    auto strings = [&w](const std::vector<std::string> &list) {
        w.u(list.size());
        for (const std::string &text : list)
            w.s(text);
    };
    w.u(s.nodeStates.size());
    for (const NodeStateSample &n : s.nodeStates) {
        w.s(n.name);
        w.u((n.up ? 1 : 0) | (n.partitioned ? 2 : 0) | (n.etcdLeader ? 4 : 0) | (n.vipHolder ? 8 : 0));
        w.s(n.ready);
        strings(n.stopped);
        strings(n.leaseHolderOf);
        w.u(n.pods.size());
        for (const PodMarkSample &p : n.pods) {
            w.s(p.name);
            w.s(p.workload);
            w.u(static_cast<std::uint64_t>(p.phase) * 2 + (p.ready ? 1 : 0));
        }
    }
    return w.take();
}

std::optional<Sample> decodeSample(std::string_view bytes)
{
    if (bytes.empty() || (bytes.front() != kSampleFormat && bytes.front() != kSampleFormatNoNodes))
        return std::nullopt;
    const bool withNodes = bytes.front() == kSampleFormat;
    Reader r(bytes.substr(1));
    Sample s;
    s.time = r.i();
    for (std::size_t i = 0, n = r.count(); i < n && r.ok(); ++i) {
        RaftMemberSample m;
        m.name = r.s();
        m.up = r.u() != 0;
        const std::uint64_t role = r.u();
        if (role >= kRoleNames.size())
            return std::nullopt;
        m.role = static_cast<RaftRole>(role);
        m.term = r.u();
        m.commit = r.u();
        m.applied = r.u();
        m.leaderName = r.s();
        s.raft.push_back(std::move(m));
    }
    s.quorum.votersUp = r.n();
    s.quorum.votersTotal = r.n();
    s.quorum.needed = r.n();
    s.quorum.writesAvailable = r.u() != 0;
    s.writeLatency = readLatency(r);
    for (std::size_t i = 0, n = r.count(); i < n && r.ok(); ++i) {
        std::string lease = r.s();
        s.leaseHolders[std::move(lease)] = r.s();
    }
    s.nodes.ready = r.n();
    s.nodes.notReady = r.n();
    s.nodes.unknown = r.n();
    s.nodes.total = r.n();
    for (int &count : s.pods.byPhase)
        count = r.n();
    for (std::size_t i = 0, n = r.count(); i < n && r.ok(); ++i) {
        std::string name = r.s();
        WorkloadSample wl;
        wl.running = r.n();
        wl.ready = r.n();
        wl.desired = r.n();
        s.workloads[std::move(name)] = wl;
    }
    for (std::size_t i = 0, n = r.count(); i < n && r.ok(); ++i) {
        std::string name = r.s();
        LoadBalancerSample lb;
        lb.healthyBackends = r.n();
        lb.totalBackends = r.n();
        s.loadBalancers[std::move(name)] = lb;
    }
    s.clients.requests = r.u();
    s.clients.successes = r.u();
    s.clients.failures = r.u();
    s.clients.successRate = r.d();
    s.clients.latency = readLatency(r);
    for (std::size_t i = 0, n = r.count(); i < n && r.ok(); ++i) {
        std::string backend = r.s();
        s.backendRequests[std::move(backend)] = r.u();
    }
    auto strings = [&r](std::vector<std::string> &out) {
        for (std::size_t i = 0, n = r.count(); i < n && r.ok(); ++i)
            out.push_back(r.s());
    };
    for (std::size_t i = 0, n = withNodes ? r.count() : 0; i < n && r.ok(); ++i) {
        NodeStateSample node;
        node.name = r.s();
        const std::uint64_t flags = r.u();
        if (flags > 15)
            return std::nullopt;
        node.up = flags & 1;
        node.partitioned = flags & 2;
        node.etcdLeader = flags & 4;
        node.vipHolder = flags & 8;
        node.ready = r.s();
        strings(node.stopped);
        strings(node.leaseHolderOf);
        for (std::size_t j = 0, pods = r.count(); j < pods && r.ok(); ++j) {
            PodMarkSample pod;
            pod.name = r.s();
            pod.workload = r.s();
            const std::uint64_t code = r.u();
            if (code / 2 >= kPodPhaseCount)
                return std::nullopt;
            pod.phase = static_cast<PodPhase>(code / 2);
            pod.ready = code % 2 != 0;
            node.pods.push_back(std::move(pod));
        }
        s.nodeStates.push_back(std::move(node));
    }
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return s;
}

} // namespace quorum::telemetry
