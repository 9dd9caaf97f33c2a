#include "engine/raft/ConfChange.h"

#include <algorithm>
#include <charconv>

namespace quorum::raft {

namespace {

bool contains(const std::vector<NodeId> &ids, NodeId id)
{
    return std::binary_search(ids.begin(), ids.end(), id);
}

void insertSorted(std::vector<NodeId> &ids, NodeId id)
{
    ids.insert(std::lower_bound(ids.begin(), ids.end(), id), id);
}

void erase(std::vector<NodeId> &ids, NodeId id)
{
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
}

} // namespace

const char *toString(ConfChangeType t)
{
    switch (t) {
    case ConfChangeType::AddVoter: return "add-voter";
    case ConfChangeType::AddLearner: return "add-learner";
    case ConfChangeType::RemoveNode: return "remove";
    }
    return "unknown";
}

std::string encodeConfChange(const ConfChange &cc)
{
    std::string out = std::string(toString(cc.type)) + " " + std::to_string(cc.nodeId);
    if (!cc.context.empty())
        out += " " + cc.context;
    return out;
}

std::optional<ConfChange> decodeConfChange(std::string_view data)
{
    const auto space = data.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    ConfChange cc;
    const std::string_view kind = data.substr(0, space);
    if (kind == "add-voter")
        cc.type = ConfChangeType::AddVoter;
    else if (kind == "add-learner")
        cc.type = ConfChangeType::AddLearner;
    else if (kind == "remove")
        cc.type = ConfChangeType::RemoveNode;
    else
        return std::nullopt;
    std::string_view rest = data.substr(space + 1);
    const auto idEnd = std::min(rest.find(' '), rest.size());
    const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + idEnd, cc.nodeId);
    if (ec != std::errc() || ptr != rest.data() + idEnd || cc.nodeId == kNone)
        return std::nullopt;
    if (idEnd < rest.size())
        cc.context = std::string(rest.substr(idEnd + 1));
    return cc;
}

std::optional<ConfState> applyToConfState(const ConfState &cs, const ConfChange &cc, std::string *why)
{
    auto fail = [why](std::string text) -> std::optional<ConfState> {
        if (why)
            *why = std::move(text);
        return std::nullopt;
    };
    if (cc.nodeId == kNone)
        return fail("node id 0 is not a valid member");
    const bool voter = contains(cs.voters, cc.nodeId);
    const bool learner = contains(cs.learners, cc.nodeId);
    ConfState next = cs;
    switch (cc.type) {
    case ConfChangeType::AddVoter:
        if (voter)
            return fail(std::to_string(cc.nodeId) + " is already a voter");
        erase(next.learners, cc.nodeId);
        insertSorted(next.voters, cc.nodeId);
        break;
    case ConfChangeType::AddLearner:
        if (learner)
            return fail(std::to_string(cc.nodeId) + " is already a learner");
        erase(next.voters, cc.nodeId);
        insertSorted(next.learners, cc.nodeId);
        break;
    case ConfChangeType::RemoveNode:
        if (!voter && !learner)
            return fail(std::to_string(cc.nodeId) + " is not a member");
        erase(next.voters, cc.nodeId);
        erase(next.learners, cc.nodeId);
        break;
    }
    if (next.voters.empty())
        return fail("the change would leave no voter");
    return next;
}

} // namespace quorum::raft
