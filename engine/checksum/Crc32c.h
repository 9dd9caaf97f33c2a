#pragma once

// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum etcd's WAL uses; the WAL, snapshot files and the store's snapshots and hashes share it. A
// table-driven software implementation (slicing by 8); thread-safe, no global state to set up.

#include <cstdint>
#include <string_view>

namespace quorum::checksum {

/// CRC-32C of `data`. Pass the result of a previous call as `crc` to checksum several pieces
/// as if they were one: crc32c(b, crc32c(a)) == crc32c(a + b).
std::uint32_t crc32c(std::string_view data, std::uint32_t crc = 0);

} // namespace quorum::checksum
