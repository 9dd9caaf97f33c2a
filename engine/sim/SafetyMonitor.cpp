#include "engine/sim/SafetyMonitor.h"

#include "engine/raft/Describe.h"
#include "engine/sim/Text.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace quorum::sim {

std::uint64_t entryHash(const raft::Entry &e)
{
    // libstdc++'s std::hash of bytes (64-bit MurmurHash2) reads 8 bytes a step; FNV-1a one byte
    // a step cost 2-3 % of a cluster run. Every member persists and applies each entry, but
    // their copies share one payload, which hashes its bytes once.
    const std::uint64_t h = e.data.hash();
    return h ^ (static_cast<std::uint64_t>(e.type) * 0x9E3779B97F4A7C15ULL);
}

void SafetyMonitor::violation(Micros now, std::string what)
{
    if (m_violations.size() < 10)
        m_violations.push_back(Violation{now, std::move(what)});
}

void SafetyMonitor::onPersisted(Micros now, raft::NodeId id, const raft::Entry &e, std::uint64_t prevTerm,
                                std::uint64_t hash)
{
    if (e.index < m_firstKept)
        return;
    ++m_checks;
    const Record rec{prevTerm, hash};
    auto [it, inserted] = m_persisted.try_emplace({e.index, e.term}, rec);
    if (inserted)
        return;
    if (it->second.hash != rec.hash)
        violation(now, cat("log matching: member ", id, " persisted ", raft::describeEntry(e), " but another member persisted different data at the same index and term"));
    else if (it->second.term != prevTerm)
        violation(now, cat("log matching: member ", id, " has ", raft::describeEntry(e), " after term ", prevTerm, ", another member after term ", it->second.term));
}

void SafetyMonitor::onApplied(Micros now, raft::NodeId id, const raft::Entry &e)
{
    if (e.index < m_firstKept)
        return;
    ++m_checks;
    if (m_applied.size() <= e.index - m_firstKept)
        m_applied.resize(e.index - m_firstKept + 1);
    Record &r = m_applied[e.index - m_firstKept];
    const std::uint64_t h = entryHash(e);
    if (r.term == 0) {
        r = Record{e.term, h};
    } else if (r.term != e.term || r.hash != h) {
        violation(now, cat("state machine safety: member ", id, " applied ", raft::describeEntry(e), " but another member applied term ", r.term, " with other data at index ", e.index));
    }
    const std::uint64_t committedTerm = committedTermAt(e.index);
    if (committedTerm != 0 && committedTerm != e.term)
        violation(now, cat("state machine safety: member ", id, " applied ", raft::describeEntry(e), " but a leader committed term ", committedTerm, " there"));
}

void SafetyMonitor::onStoreHash(Micros now, raft::NodeId id, std::uint64_t index, std::uint32_t hash)
{
    ++m_checks;
    auto [it, inserted] = m_storeHash.try_emplace(index, hash);
    if (!inserted && it->second != hash)
        violation(now, cat("store agreement: member ", id, " has store hash ", hash, " at applied index ", index, ", another member had ", it->second));
}

void SafetyMonitor::observe(Micros now, const raft::RawNode &node)
{
    const raft::Raft &r = node.raft();
    if (r.role() != raft::Role::Leader)
        return;
    ++m_checks;
    auto [it, inserted] = m_leaderOfTerm.try_emplace(r.term(), r.id());
    if (!inserted && it->second != r.id())
        violation(now, cat("election safety: members ", it->second, " and ", r.id(), " are both leaders of term ", r.term()));
    const raft::RaftLog &log = r.log();
    if (m_seenLeaders.insert({r.id(), r.term()}).second) {
        // A new leader: its log must hold everything committed so far (entries before its
        // snapshot are inside the snapshot, which only holds committed entries).
        for (std::uint64_t i = std::max(log.firstIndex(), m_firstKept); i <= m_highestCommitted; ++i) {
            const std::uint64_t committedTerm = committedTermAt(i);
            if (committedTerm == 0)
                continue;
            ++m_checks;
            const auto t = log.term(i);
            if (!t.ok() || t.value != committedTerm) {
                violation(now, cat("leader completeness: leader ", r.id(), " of term ", r.term(), " lacks entry ", committedTerm, "/", i, " committed before"));
                break;
            }
        }
    }
    const std::uint64_t committed = log.committed();
    if (committed <= m_highestCommitted)
        return;
    if (committed < m_firstKept) { // everything it committed was forgotten already
        m_highestCommitted = committed;
        return;
    }
    if (m_committedTerm.size() <= committed - m_firstKept)
        m_committedTerm.resize(committed - m_firstKept + 1, 0);
    for (std::uint64_t i = std::max(m_highestCommitted + 1, m_firstKept); i <= committed; ++i) {
        const auto t = log.term(i);
        if (!t.ok())
            continue;
        m_committedTerm[i - m_firstKept] = t.value;
        const Record *applied = appliedAt(i);
        if (applied && applied->term != 0 && applied->term != t.value)
            violation(now, cat("state machine safety: leader ", r.id(), " committed term ", t.value, " at ", i, " but term ", applied->term, " was applied there"));
    }
    m_highestCommitted = committed;
}

SafetyMonitor::Record *SafetyMonitor::appliedAt(std::uint64_t i)
{
    return i >= m_firstKept && i - m_firstKept < m_applied.size() ? &m_applied[i - m_firstKept] : nullptr;
}

std::uint64_t SafetyMonitor::committedTermAt(std::uint64_t i) const
{
    return i >= m_firstKept && i - m_firstKept < m_committedTerm.size() ? m_committedTerm[i - m_firstKept] : 0;
}

void SafetyMonitor::forgetBelow(std::uint64_t index)
{
    if (index <= m_firstKept)
        return;
    std::erase_if(m_persisted, [index](const auto &p) { return p.first.first < index; });
    // A member restored from a snapshot at index - 1 compares its store hash there.
    std::erase_if(m_storeHash, [index](const auto &p) { return p.first + 1 < index; });
    const auto drop = [&](auto &byIndex) {
        const std::uint64_t n = std::min<std::uint64_t>(index - m_firstKept, byIndex.size());
        byIndex.erase(byIndex.begin(), byIndex.begin() + static_cast<std::ptrdiff_t>(n));
    };
    drop(m_applied);
    drop(m_committedTerm);
    m_firstKept = index;
}

void SafetyMonitor::onSent(const raft::Message &m)
{
    Acknowledged &a = m_acknowledged[m.from];
    if (m.type == raft::MessageType::MsgAppResp && !m.reject) {
        a.index = std::max(a.index, m.index);
    } else if (m.type == raft::MessageType::MsgVoteResp && !m.reject && m.term >= a.voteTerm) {
        a.voteTerm = m.term;
        a.votedFor = m.to;
    }
}

void SafetyMonitor::onRewrite(raft::NodeId id, std::uint64_t firstIndex)
{
    Acknowledged &a = m_acknowledged[id];
    a.index = std::min(a.index, firstIndex - 1);
}

void SafetyMonitor::onRecovered(Micros now, raft::NodeId id, const raft::HardState &hs, std::uint64_t lastIndex)
{
    ++m_checks;
    const Acknowledged &a = m_acknowledged[id];
    if (lastIndex < a.index)
        violation(now, cat("durability: member ", id, " acknowledged its log up to index ", a.index, " but recovered it only up to ", lastIndex, " after a crash (a reply sent before its write was synced?)"));
    else if (a.voteTerm != 0 && (hs.term < a.voteTerm || (hs.term == a.voteTerm && hs.vote != a.votedFor)))
        violation(now, cat("durability: member ", id, " granted its vote in term ", a.voteTerm, " to ", a.votedFor, " but recovered term ", hs.term, " vote ", hs.vote, " after a crash (a reply sent before its write was synced?)"));
}

} // namespace quorum::sim
