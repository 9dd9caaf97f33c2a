#pragma once

// Single-step membership changes. A change is proposed as an EntryConfChange entry and takes
// effect on a member when the driver applies that entry (RawNode::applyConfChange), as in
// etcd-io/raft. The leader accepts a new change only after its previous one was applied, so at
// most one change is in flight and any two consecutive configurations share a majority.

#include "engine/raft/Types.h"

#include <optional>
#include <string>
#include <string_view>

namespace quorum::raft {

enum class ConfChangeType : std::uint8_t {
    AddVoter,   ///< add a new voter, or promote an existing learner
    AddLearner, ///< add a new learner, or demote an existing voter
    RemoveNode, ///< remove a voter or a learner
};

struct ConfChange {
    ConfChangeType type = ConfChangeType::AddVoter;
    NodeId nodeId = kNone;
    std::string context; ///< opaque to raft (e.g. the new member's address)

    bool operator==(const ConfChange &) const = default;
};

const char *toString(ConfChangeType t);

/// Text form stored in the entry: "add-voter 4", "add-learner 4 ctx", "remove 4". Text keeps
/// traces and WAL dumps readable; the cost is irrelevant next to the rest of an entry.
std::string encodeConfChange(const ConfChange &cc);
/// Inverse of encodeConfChange; nullopt if `data` is not a valid encoding.
std::optional<ConfChange> decodeConfChange(std::string_view data);

/// The configuration after applying `cc` to `cs`, or nullopt with `*why` set when the change
/// is invalid against `cs` (a no-op, or one that leaves no voter).
std::optional<ConfState> applyToConfState(const ConfState &cs, const ConfChange &cc, std::string *why);

} // namespace quorum::raft
