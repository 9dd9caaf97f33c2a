#include "engine/raft/Describe.h"

#include "engine/raft/RawNode.h"

namespace quorum::raft {

namespace {

std::string quoted(const std::string &data)
{
    std::string out = "\"";
    for (char c : data) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u >= 0x7f) {
            static const char *hex = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string ids(const std::vector<NodeId> &list)
{
    std::string out = "(";
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i)
            out += ' ';
        out += std::to_string(list[i]);
    }
    return out + ")";
}

} // namespace

std::string describeEntry(const Entry &e)
{
    std::string out = std::to_string(e.term) + "/" + std::to_string(e.index) + " " + toString(e.type) + " ";
    // Conf changes are stored as text (ConfChange.h); print them bare.
    out += e.type == EntryType::ConfChange ? e.data.str() : quoted(e.data);
    return out;
}

std::string describeEntries(const std::vector<Entry> &entries)
{
    std::string out = "[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i)
            out += ", ";
        out += describeEntry(entries[i]);
    }
    return out + "]";
}

std::string describeMessage(const Message &m)
{
    std::string out = std::to_string(m.from) + "->" + std::to_string(m.to) + " " + toString(m.type)
        + " Term:" + std::to_string(m.term) + " Log:" + std::to_string(m.logTerm) + "/" + std::to_string(m.index);
    if (m.reject) {
        out += " Rejected";
        if (m.rejectHint != 0 || m.type == MessageType::MsgAppResp)
            out += " (Hint: " + std::to_string(m.rejectHint) + ")";
    }
    if (m.commit != 0)
        out += " Commit:" + std::to_string(m.commit);
    if (!m.entries.empty())
        out += " Entries:" + describeEntries(m.entries);
    if (!m.context.empty())
        out += " Context:" + quoted(m.context);
    if (m.snapshot)
        out += " Snapshot: " + describeSnapshot(*m.snapshot);
    return out;
}

std::string describeHardState(const HardState &hs)
{
    return "Term:" + std::to_string(hs.term) + " Vote:" + std::to_string(hs.vote) + " Commit:" + std::to_string(hs.commit);
}

std::string describeConfState(const ConfState &cs)
{
    return "voters=" + ids(cs.voters) + " learners=" + ids(cs.learners);
}

std::string describeSnapshot(const Snapshot &s)
{
    return "Index:" + std::to_string(s.metadata.index) + " Term:" + std::to_string(s.metadata.term)
        + " ConfState:" + describeConfState(s.metadata.confState);
}

std::string describeReady(const Ready &rd, const std::string &indent)
{
    std::string out = indent + "Ready MustSync=" + (rd.mustSync ? "true" : "false") + ":\n";
    if (rd.softState)
        out += indent + "State:" + toString(rd.softState->role) + " Lead:" + std::to_string(rd.softState->lead) + "\n";
    if (rd.hardState)
        out += indent + "HardState " + describeHardState(*rd.hardState) + "\n";
    if (!rd.readStates.empty()) {
        out += indent + "ReadStates:\n";
        for (const ReadState &rs : rd.readStates)
            out += indent + "Index:" + std::to_string(rs.index) + " Ctx:" + quoted(rs.requestCtx) + "\n";
    }
    if (!rd.entries.empty()) {
        out += indent + "Entries:\n";
        for (const Entry &e : rd.entries)
            out += indent + describeEntry(e) + "\n";
    }
    if (rd.snapshot)
        out += indent + "Snapshot " + describeSnapshot(*rd.snapshot) + "\n";
    if (!rd.committedEntries.empty()) {
        out += indent + "CommittedEntries:\n";
        for (const Entry &e : rd.committedEntries)
            out += indent + describeEntry(e) + "\n";
    }
    if (!rd.messages.empty()) {
        out += indent + "Messages:\n";
        for (const Message &m : rd.messages)
            out += indent + describeMessage(m) + "\n";
    }
    return out;
}

} // namespace quorum::raft
