#pragma once

// Pending ReadIndex requests on a leader (the "safe" read-only mode of etcd-io/raft): each
// request remembers the commit index at the time it arrived and which members acknowledged a
// heartbeat carrying its context. Once a quorum did, the leader knows it was still the leader
// when the request arrived, so the remembered commit index is safe to read at.

#include "engine/raft/Types.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace quorum::raft {

class ReadOnly {
public:
    struct Request {
        std::uint64_t index = 0; ///< commit index when the request arrived
        Message request;         ///< the MsgReadIndex (from == kNone or the leader: local)
        std::set<NodeId> acks;
    };

    /// Adds a request unless one with the same context is already pending.
    void addRequest(std::uint64_t index, const Message &request);
    /// Records that `id` answered the heartbeat for `ctx`; returns the acks so far, or null if
    /// no such request is pending.
    const std::set<NodeId> *recvAck(NodeId id, const std::string &ctx);
    /// Removes and returns every request up to and including the one for `ctx` (older requests
    /// are confirmed by the same heartbeat round).
    std::vector<Request> advance(const std::string &ctx);
    /// Context of the newest pending request ("" if none): heartbeats carry it.
    std::string lastPendingRequestCtx() const;
    std::size_t pendingCount() const { return m_queue.size(); }

private:
    std::map<std::string, Request> m_pending;
    std::vector<std::string> m_queue; // arrival order
};

} // namespace quorum::raft
