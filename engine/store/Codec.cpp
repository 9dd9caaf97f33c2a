#include "engine/store/Codec.h"

namespace quorum::store::codec {

void ByteWriter::varint(std::uint64_t v)
{
    while (v >= 0x80) {
        u8(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    u8(static_cast<std::uint8_t>(v));
}

void ByteWriter::svarint(std::int64_t v)
{
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void ByteWriter::bytes(std::string_view v)
{
    varint(v.size());
    m_out.append(v);
}

void ByteWriter::fixed32(std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        u8(static_cast<std::uint8_t>(v >> (8 * i)));
}

bool ByteReader::truncated(const char *field, std::size_t need)
{
    return fail(field, "truncated (needs " + std::to_string(need) + " byte" + (need == 1 ? "" : "s") + ", " +
                           std::to_string(remaining()) + " left)");
}

bool ByteReader::u8(std::uint8_t &out, const char *field)
{
    m_start = m_pos;
    if (remaining() < 1)
        return truncated(field, 1);
    out = static_cast<std::uint8_t>(m_in[m_pos++]);
    return true;
}

bool ByteReader::boolean(bool &out, const char *field)
{
    std::uint8_t v = 0;
    if (!u8(v, field))
        return false;
    if (v > 1)
        return fail(field, "is " + std::to_string(v) + ", expected 0 or 1");
    out = v == 1;
    return true;
}

bool ByteReader::varint(std::uint64_t &out, const char *field)
{
    const std::size_t start = m_pos;
    std::uint64_t result = 0;
    for (int i = 0; i < 10; ++i) {
        if (m_pos >= m_in.size()) {
            m_start = start;
            return truncated(field, 1);
        }
        const auto b = static_cast<std::uint8_t>(m_in[m_pos++]);
        if (i == 9 && b > 1) {
            m_start = start;
            return fail(field, "varint overflows 64 bits");
        }
        result |= static_cast<std::uint64_t>(b & 0x7f) << (7 * i);
        if ((b & 0x80) == 0) {
            m_start = start;
            if (i > 0 && b == 0)
                return fail(field, "overlong varint");
            out = result;
            return true;
        }
    }
    m_start = start;
    return fail(field, "varint longer than 10 bytes");  // unreachable: i == 9 check above
}

bool ByteReader::svarint(std::int64_t &out, const char *field)
{
    std::uint64_t u = 0;
    if (!varint(u, field))
        return false;
    out = static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
    return true;
}

bool ByteReader::bytes(std::string &out, const char *field)
{
    std::uint64_t n = 0;
    if (!varint(n, field))
        return false;
    const std::size_t start = m_start;
    if (n > remaining()) {
        m_start = start;
        return fail(field, "truncated (length " + std::to_string(n) + ", " + std::to_string(remaining()) +
                               " bytes left)");
    }
    out.assign(m_in.substr(m_pos, static_cast<std::size_t>(n)));
    m_pos += static_cast<std::size_t>(n);
    m_start = start;
    return true;
}

bool ByteReader::fixed32(std::uint32_t &out, const char *field)
{
    m_start = m_pos;
    if (remaining() < 4)
        return truncated(field, 4);
    out = 0;
    for (int i = 0; i < 4; ++i)
        out |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(m_in[m_pos++])) << (8 * i);
    return true;
}

bool ByteReader::count(std::size_t &out, const char *field, std::size_t minItemBytes)
{
    std::uint64_t n = 0;
    if (!varint(n, field))
        return false;
    if (minItemBytes == 0)
        minItemBytes = 1;
    if (n > remaining() / minItemBytes)
        return fail(field, "count " + std::to_string(n) + " cannot fit in the " + std::to_string(remaining()) +
                               " bytes left");
    out = static_cast<std::size_t>(n);
    return true;
}

bool ByteReader::flags(std::uint8_t &out, std::uint8_t known, const char *field)
{
    if (!u8(out, field))
        return false;
    if ((out & ~known) != 0)
        return fail(field, "has unknown bits set (" + std::to_string(out) + ")");
    return true;
}

bool ByteReader::fail(const char *field, const std::string &what)
{
    return failAt(m_start, field, what);
}

bool ByteReader::failAt(std::size_t at, const std::string &field, const std::string &what)
{
    if (failed())
        return false;  // keep the first, innermost failure
    m_message = what + " at byte " + std::to_string(at);
    if (!field.empty())
        m_path.push_back(field);
    return false;
}

bool ByteReader::within(const std::string &segment)
{
    if (failed())
        m_path.push_back(segment);
    return false;
}

bool ByteReader::withinIndex(std::size_t i)
{
    if (!failed())
        return false;
    std::string segment = "[";  // appended, not "[" + ... + "]": GCC 12 -O3 warns wrongly (-Wrestrict)
    segment += std::to_string(i);
    segment += ']';
    m_path.push_back(std::move(segment));
    return false;
}

bool ByteReader::expectEnd(const char *what)
{
    if (remaining() == 0)
        return true;
    return failAt(m_pos, what, std::to_string(remaining()) + " trailing byte" + (remaining() == 1 ? "" : "s"));
}

std::string ByteReader::error() const
{
    if (!failed())
        return {};
    std::string path;
    for (auto it = m_path.rbegin(); it != m_path.rend(); ++it) {
        if (!path.empty() && (*it)[0] != '[')
            path += '.';
        path += *it;
    }
    return path.empty() ? m_message : path + ": " + m_message;
}

} // namespace quorum::store::codec
