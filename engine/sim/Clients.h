#pragma once

// Simulated clients: each issues one operation at a time (put, get, compare-and-swap) against
// the cluster, through the store's commands. Gets use ReadIndex (the leader confirms with a
// heartbeat round that it still leads, then serves the read from its store once it applied the
// read index) — or, with ClientOptions::readIndex off, go through the log as a Txn with one
// Range op. Both are linearizable. A member that is not the leader answers NotLeader with its
// leader hint and the client retries there (the op definitely did not happen). An op without
// an answer before the timeout is recorded with returned = false (it may or may not have
// happened) and the client moves on. Client <-> member messages take link latency and are not
// affected by raft-network faults; a crashed member simply never answers.
//
// Keys rotate every keyEpoch of virtual time so each key's history stays short enough for the
// linearizability checker.

#include "engine/sim/Simulation.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quorum::sim {

/// One client operation, in the shape of quorum::testing::KvOp (tests/support/Linearizability.h)
/// so that histories can be checked there. Times are virtual microseconds.
struct ClientOp {
    enum class Kind { Put, Get, Delete, Cas };
    int client = 0;
    Kind kind = Kind::Get;
    std::string key;
    std::string value;                   ///< Put: value written; Cas: new value
    std::optional<std::string> expected; ///< Cas: value compared against (nullopt: key absent)
    std::int64_t callTime = 0;
    std::int64_t returnTime = 0;
    bool returned = false;               ///< false: no answer (timed out)
    std::optional<std::string> output;   ///< Get: value read
    bool succeeded = true;               ///< Cas: whether it swapped
};

struct ClientOptions {
    int clients = 3;
    Micros timeout = 3 * kSecond;
    Micros thinkMin = 10 * kMs;   ///< pause between ops, uniform
    Micros thinkMax = 200 * kMs;
    Micros retryBackoff = 50 * kMs; ///< before retrying when no leader is known
    Micros keyEpoch = 10 * kSecond;
    int keysPerEpoch = 3;
    bool readIndex = true; ///< gets via ReadIndex (else through the log)
};

struct ClientStats {
    std::uint64_t issued = 0;
    std::uint64_t ok = 0;
    std::uint64_t timedOut = 0;
    std::uint64_t redirects = 0;
    std::uint64_t readIndexReads = 0; ///< gets answered through ReadIndex
};

class ClientPool {
public:
    /// Registers as the simulation's apply observer. Call start() to begin.
    ClientPool(Simulation &sim, const ClientOptions &options);

    void start();
    /// Stops issuing new ops; outstanding ones stay unanswered (returned = false).
    void stop() { m_stopped = true; }
    const std::vector<ClientOp> &history() const { return m_history; }
    const ClientStats &stats() const { return m_stats; }

private:
    struct Client {
        int id = 0;
        raft::NodeId target = 1;
        std::optional<std::size_t> op; // index into m_history while outstanding
        std::uint64_t counter = 0;
    };
    struct Pending {
        int client = 0;
        std::size_t op = 0;
        raft::NodeId member = 0;
        std::uint64_t incarnation = 0;
    };

    void scheduleNext(Client &c);
    void issue(Client &c);
    void send(Client &c);
    void arrive(int client, std::size_t op, raft::NodeId member);
    void onApplied(raft::NodeId member, std::uint64_t incarnation, const store::ApplyResult &result);
    void onRead(raft::NodeId member, std::uint64_t incarnation, const std::string &ctx);
    void complete(int client, std::size_t op, const store::ApplyResult &result);
    void completeRead(int client, std::size_t op, const std::optional<std::string> &value);
    /// Common end of an answered op: returns the client to thinking. Null if it timed out.
    ClientOp *answer(int client, std::size_t op);
    void redirect(int client, std::size_t op, raft::NodeId hint);
    Micros latency();
    std::string encode(const ClientOp &op, std::uint64_t requestId) const;

    Simulation &m_sim;
    ClientOptions m_options;
    std::vector<Client> m_clients;
    std::vector<ClientOp> m_history;
    std::map<std::uint64_t, Pending> m_pending; // by request id (also a read's context)
    std::uint64_t m_nextRequest = 1;
    ClientStats m_stats;
    bool m_stopped = false;
};

} // namespace quorum::sim
