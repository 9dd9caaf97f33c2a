#pragma once

// Internal to engine/store: the byte-level primitives of the command and snapshot encodings
// (LEB128 varints, zigzag, length-prefixed strings, little-endian fixed32); checksums come from
// engine/checksum.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::store::codec {

/// Appends encoded values to a string.
class ByteWriter {
public:
    explicit ByteWriter(std::string &out) : m_out(out) {}
    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    void varint(std::uint64_t v);
    void svarint(std::int64_t v);
    void bytes(std::string_view v);
    void fixed32(std::uint32_t v);

private:
    std::string &m_out;
};

/// Reads encoded values strictly. Every read returns false on failure and records a message
/// with the byte offset; callers add the enclosing field names with within() while they
/// return, so error() reads "txn.success[3].put.value: truncated at byte 17 (...)".
class ByteReader {
public:
    explicit ByteReader(std::string_view in) : m_in(in) {}

    bool u8(std::uint8_t &out, const char *field);
    bool boolean(bool &out, const char *field);
    bool varint(std::uint64_t &out, const char *field);
    bool svarint(std::int64_t &out, const char *field);
    bool bytes(std::string &out, const char *field);
    bool fixed32(std::uint32_t &out, const char *field);
    /// A list length; refused when the rest of the input cannot hold that many items of at
    /// least minItemBytes each (so a corrupt length never makes us allocate).
    bool count(std::size_t &out, const char *field, std::size_t minItemBytes = 1);
    /// Flags byte whose bits outside `known` must be zero.
    bool flags(std::uint8_t &out, std::uint8_t known, const char *field);

    /// Fails with `what` about `field`, at the offset of the value just read (or `at`).
    bool fail(const char *field, const std::string &what);
    bool failAt(std::size_t at, const std::string &field, const std::string &what);
    /// Adds an enclosing path segment to a failure; always returns false.
    bool within(const std::string &segment);
    /// Adds "[i]" (a list element) to a failure; always returns false.
    bool withinIndex(std::size_t i);
    /// Fails unless every byte was consumed.
    bool expectEnd(const char *what);

    std::size_t offset() const { return m_pos; }
    std::size_t remaining() const { return m_in.size() - m_pos; }
    bool failed() const { return !m_message.empty(); }
    /// "path.to.field: message", or empty when nothing failed.
    std::string error() const;

private:
    bool truncated(const char *field, std::size_t need);

    std::string_view m_in;
    std::size_t m_pos = 0;
    std::size_t m_start = 0;  // offset of the value being read
    std::string m_message;
    std::vector<std::string> m_path;  // innermost first
};

} // namespace quorum::store::codec
