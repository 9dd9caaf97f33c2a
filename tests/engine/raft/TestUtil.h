#pragma once

// Small helpers shared by the raft unit tests.

#include "engine/raft/Types.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

namespace quorum::raft::testing {

/// Entries from (term, index) pairs, e.g. ents({{1, 1}, {2, 2}}).
inline std::vector<Entry> ents(std::initializer_list<std::pair<std::uint64_t, std::uint64_t>> termIndex)
{
    std::vector<Entry> out;
    for (const auto &[t, i] : termIndex)
        out.push_back(Entry{t, i, EntryType::Normal, {}});
    return out;
}

/// Entries with consecutive indexes starting at `first`, one per term in `terms`.
inline std::vector<Entry> entsFrom(std::uint64_t first, std::initializer_list<std::uint64_t> terms)
{
    std::vector<Entry> out;
    for (std::uint64_t t : terms)
        out.push_back(Entry{t, first++, EntryType::Normal, {}});
    return out;
}

} // namespace quorum::raft::testing

Q_DECLARE_METATYPE(std::vector<quorum::raft::Entry>)
