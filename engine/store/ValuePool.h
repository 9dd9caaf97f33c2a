#pragma once

// Shares the bytes of identical values between stores. The members of one simulated etcd
// cluster apply the same entries, so each holds the same value bytes at the same revisions;
// interning them keeps one buffer for all members (memory once, not once per member), with no
// change to what any store reads or encodes.
//
// Thread rules: one thread (the simulation's). Values stay alive while a store holds them; the
// pool only remembers them weakly.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace quorum::store {

class ValuePool {
public:
    /// A shared buffer holding `bytes` (`hash` is std::hash<std::string_view> of them).
    std::shared_ptr<const std::string> intern(std::string_view bytes, std::uint64_t hash);
    /// Values remembered, dead ones not yet swept included (for tests).
    std::size_t size() const { return m_values.size(); }

private:
    void sweep();

    std::unordered_multimap<std::uint64_t, std::weak_ptr<const std::string>> m_values;
    std::size_t m_sweepAt = 4096;
};

} // namespace quorum::store
