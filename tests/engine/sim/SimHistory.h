#pragma once

// Bridges engine/sim's client histories to the linearizability checker in tests/support (the
// engine may not depend on tests/). Header-only: used by the sim tests, soak_raft and
// quorumctl raft.

#include "engine/sim/Clients.h"
#include "tests/support/Linearizability.h"

#include <vector>

namespace quorum::sim {

inline std::vector<testing::KvOp> toKvOps(const std::vector<ClientOp> &history)
{
    std::vector<testing::KvOp> out;
    out.reserve(history.size());
    for (const ClientOp &op : history) {
        testing::KvOp k;
        k.client = op.client;
        switch (op.kind) {
        case ClientOp::Kind::Put: k.kind = testing::KvOpKind::Put; break;
        case ClientOp::Kind::Get: k.kind = testing::KvOpKind::Get; break;
        case ClientOp::Kind::Delete: k.kind = testing::KvOpKind::Delete; break;
        case ClientOp::Kind::Cas: k.kind = testing::KvOpKind::Cas; break;
        }
        k.key = op.key;
        k.value = op.value;
        k.expected = op.expected;
        k.callTime = op.callTime;
        k.returnTime = op.returnTime;
        k.returned = op.returned;
        k.output = op.output;
        k.succeeded = op.succeeded;
        out.push_back(std::move(k));
    }
    return out;
}

/// Checks a simulated client history against the single-register KV model.
inline testing::LinearizabilityResult checkHistory(const std::vector<ClientOp> &history)
{
    return testing::checkLinearizable(toKvOps(history));
}

} // namespace quorum::sim
