#pragma once

// Internal to engine/durable: little-endian fixed-width encoding for the WAL and snapshot
// formats. Fixed widths (not varints) keep record sizes predictable and decoding trivial to
// bound-check.

#include <cstdint>
#include <string>
#include <string_view>

namespace quorum::durable::bytes {

void putU8(std::string &out, std::uint8_t v);
void putU32(std::string &out, std::uint32_t v);
void putU64(std::string &out, std::uint64_t v);

/// Reads fixed-width values from a buffer; every read fails (returns false, sets failed()) once
/// the buffer is too short, so a caller may read a whole structure and check once at the end.
class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}

    bool u8(std::uint8_t &v);
    bool u32(std::uint32_t &v);
    bool u64(std::uint64_t &v);
    /// The next n bytes.
    bool take(std::size_t n, std::string_view &v);
    /// Everything not read yet.
    std::string_view rest();

    bool failed() const { return m_failed; }
    std::size_t offset() const { return m_pos; }
    std::size_t remaining() const { return m_in.size() - m_pos; }

private:
    std::string_view m_in;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

/// Reads a little-endian u32 at `at`. Precondition: at + 4 <= in.size().
std::uint32_t loadU32(std::string_view in, std::size_t at);

} // namespace quorum::durable::bytes
