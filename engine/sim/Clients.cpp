#include "engine/sim/Clients.h"

#include "engine/sim/Text.h"
#include "engine/store/Command.h"

namespace quorum::sim {

using raft::NodeId;

ClientPool::ClientPool(Simulation &sim, const ClientOptions &options)
    : m_sim(sim)
    , m_options(options)
{
    for (int i = 0; i < options.clients; ++i) {
        Client c;
        c.id = i + 1;
        c.target = sim.ids()[static_cast<std::size_t>(i) % sim.ids().size()];
        m_clients.push_back(c);
    }
    m_sim.setApplyObserver([this](NodeId member, std::uint64_t inc, const store::ApplyResult &r) {
        onApplied(member, inc, r);
    });
    m_sim.setReadObserver([this](NodeId member, std::uint64_t inc, const std::string &ctx) {
        onRead(member, inc, ctx);
    });
}

void ClientPool::start()
{
    for (Client &c : m_clients)
        scheduleNext(c);
}

Micros ClientPool::latency()
{
    const LinkSpec &l = m_sim.network().defaultLink();
    return m_sim.rng().uniform(l.minLatency, l.maxLatency);
}

void ClientPool::scheduleNext(Client &c)
{
    const int id = c.id;
    m_sim.queue().after(m_sim.rng().uniform(m_options.thinkMin, m_options.thinkMax), [this, id] {
        if (!m_stopped)
            issue(m_clients[static_cast<std::size_t>(id - 1)]);
    });
}

void ClientPool::issue(Client &c)
{
    Rng &rng = m_sim.rng();
    ClientOp op;
    op.client = c.id;
    op.callTime = m_sim.now();
    op.key = cat("k", m_sim.now() / m_options.keyEpoch, "/", rng.uniform(0, m_options.keysPerEpoch - 1));
    const std::int64_t dice = rng.uniform(0, 99);
    const std::string value = cat("c", c.id, ".", ++c.counter);
    if (dice < 40) {
        op.kind = ClientOp::Kind::Put;
        op.value = value;
    } else if (dice < 75) {
        op.kind = ClientOp::Kind::Get;
    } else {
        op.kind = ClientOp::Kind::Cas;
        op.value = value;
        // Compare against the last value any client saw for this key (often current).
        for (auto it = m_history.rbegin(); it != m_history.rend() && it - m_history.rbegin() < 64; ++it) {
            if (it->key != op.key || !it->returned)
                continue;
            if (it->kind == ClientOp::Kind::Get)
                op.expected = it->output;
            else if (it->kind == ClientOp::Kind::Put || (it->kind == ClientOp::Kind::Cas && it->succeeded))
                op.expected = it->value;
            else
                continue;
            break;
        }
    }
    ++m_stats.issued;
    m_history.push_back(op);
    const std::size_t index = m_history.size() - 1;
    c.op = index;
    const int id = c.id;
    m_sim.queue().after(m_options.timeout, [this, id, index] {
        Client &cc = m_clients[static_cast<std::size_t>(id - 1)];
        if (cc.op != index)
            return;
        ++m_stats.timedOut;
        cc.op.reset();
        scheduleNext(cc);
    });
    send(c);
}

void ClientPool::send(Client &c)
{
    const int id = c.id;
    const std::size_t op = *c.op;
    const NodeId target = c.target;
    m_sim.queue().after(latency(), [this, id, op, target] { arrive(id, op, target); });
}

std::string ClientPool::encode(const ClientOp &op, std::uint64_t requestId) const
{
    store::Command cmd;
    cmd.requestId = requestId;
    switch (op.kind) {
    case ClientOp::Kind::Put:
        cmd.body = store::Put{op.key, op.value, 0, false};
        break;
    case ClientOp::Kind::Delete:
        cmd.body = store::DeleteRange{op.key, "", false};
        break;
    case ClientOp::Kind::Get: {
        store::Txn txn;
        store::Range range;
        range.key = op.key;
        txn.success.push_back(range);
        cmd.body = std::move(txn);
        break;
    }
    case ClientOp::Kind::Cas: {
        store::Txn txn;
        store::Compare cmp;
        cmp.key = op.key;
        cmp.op = store::Compare::Op::Equal;
        if (op.expected) {
            cmp.target = store::Compare::Target::Value;
            cmp.value = *op.expected;
        } else {
            cmp.target = store::Compare::Target::Version;
            cmp.number = 0;
        }
        txn.compares.push_back(cmp);
        txn.success.push_back(store::Put{op.key, op.value, 0, false});
        cmd.body = std::move(txn);
        break;
    }
    }
    return store::encodeCommand(cmd);
}

void ClientPool::arrive(int client, std::size_t op, NodeId member)
{
    if (m_clients[static_cast<std::size_t>(client - 1)].op != op || !m_sim.isUp(member))
        return; // answered or timed out already; or nobody there to answer
    const raft::Raft &r = m_sim.node(member).raft();
    if (r.role() != raft::Role::Leader) {
        const NodeId hint = r.lead();
        m_sim.queue().after(latency(), [this, client, op, hint] { redirect(client, op, hint); });
        return;
    }
    const std::uint64_t requestId = m_nextRequest++;
    const bool read = m_options.readIndex && m_history[op].kind == ClientOp::Kind::Get;
    const raft::ProposeResult pr = read ? m_sim.readIndex(member, cat(requestId))
                                        : m_sim.propose(member, encode(m_history[op], requestId));
    if (pr != raft::ProposeResult::Ok) {
        m_sim.queue().after(latency(), [this, client, op] { redirect(client, op, raft::kNone); });
        return;
    }
    m_pending[requestId] = Pending{client, op, member, m_sim.incarnation(member)};
}

void ClientPool::redirect(int client, std::size_t op, NodeId hint)
{
    Client &c = m_clients[static_cast<std::size_t>(client - 1)];
    if (c.op != op)
        return;
    ++m_stats.redirects;
    Micros wait = 0;
    if (hint != raft::kNone && hint != c.target) {
        c.target = hint;
    } else {
        const auto &ids = m_sim.ids();
        c.target = ids[static_cast<std::size_t>(m_sim.rng().uniform(0, static_cast<std::int64_t>(ids.size()) - 1))];
        wait = m_options.retryBackoff;
    }
    m_sim.queue().after(wait, [this, client, op] {
        Client &cc = m_clients[static_cast<std::size_t>(client - 1)];
        if (cc.op == op)
            send(cc);
    });
}

void ClientPool::onApplied(NodeId member, std::uint64_t incarnation, const store::ApplyResult &result)
{
    auto it = m_pending.find(result.requestId);
    if (it == m_pending.end() || it->second.member != member || it->second.incarnation != incarnation)
        return;
    const Pending p = it->second;
    m_pending.erase(it);
    m_sim.queue().after(latency(), [this, p, result] { complete(p.client, p.op, result); });
}

void ClientPool::onRead(NodeId member, std::uint64_t incarnation, const std::string &ctx)
{
    // The read index is applied at `member`: its store answers now, the reply takes a latency.
    auto it = m_pending.find(std::stoull(ctx));
    if (it == m_pending.end() || it->second.member != member || it->second.incarnation != incarnation)
        return;
    const Pending p = it->second;
    m_pending.erase(it);
    std::optional<std::string> value;
    if (const auto kv = m_sim.kv(member).get(m_history[p.op].key))
        value = kv->value;
    ++m_stats.readIndexReads;
    m_sim.queue().after(latency(), [this, p, value] { completeRead(p.client, p.op, value); });
}

ClientOp *ClientPool::answer(int client, std::size_t op)
{
    Client &c = m_clients[static_cast<std::size_t>(client - 1)];
    if (c.op != op)
        return nullptr; // timed out meanwhile: stays returned = false
    ClientOp &o = m_history[op];
    o.returned = true;
    o.returnTime = m_sim.now();
    ++m_stats.ok;
    c.op.reset();
    scheduleNext(c);
    return &o;
}

void ClientPool::completeRead(int client, std::size_t op, const std::optional<std::string> &value)
{
    if (ClientOp *o = answer(client, op))
        o->output = value;
}

void ClientPool::complete(int client, std::size_t op, const store::ApplyResult &result)
{
    ClientOp *o = answer(client, op);
    if (!o)
        return;
    if (o->kind == ClientOp::Kind::Get) {
        if (!result.ops.empty() && !result.ops[0].kvs.empty())
            o->output = result.ops[0].kvs[0].value;
    } else if (o->kind == ClientOp::Kind::Cas) {
        o->succeeded = result.succeeded;
    }
}

} // namespace quorum::sim
