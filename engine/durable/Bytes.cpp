#include "engine/durable/Bytes.h"

namespace quorum::durable::bytes {

void putU8(std::string &out, std::uint8_t v)
{
    out.push_back(static_cast<char>(v));
}

void putU32(std::string &out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFU));
}

void putU64(std::string &out, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFU));
}

std::uint32_t loadU32(std::string_view in, std::size_t at)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in[at + i])) << (8 * i);
    return v;
}

bool Reader::u8(std::uint8_t &v)
{
    std::string_view s;
    if (!take(1, s))
        return false;
    v = static_cast<std::uint8_t>(s[0]);
    return true;
}

bool Reader::u32(std::uint32_t &v)
{
    std::string_view s;
    if (!take(4, s))
        return false;
    v = loadU32(s, 0);
    return true;
}

bool Reader::u64(std::uint64_t &v)
{
    std::string_view s;
    if (!take(8, s))
        return false;
    v = 0;
    for (std::size_t i = 0; i < 8; ++i)
        v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(s[i])) << (8 * i);
    return true;
}

bool Reader::take(std::size_t n, std::string_view &v)
{
    if (m_failed || remaining() < n) {
        m_failed = true;
        return false;
    }
    v = m_in.substr(m_pos, n);
    m_pos += n;
    return true;
}

std::string_view Reader::rest()
{
    std::string_view v = m_in.substr(m_pos);
    m_pos = m_in.size();
    return v;
}

} // namespace quorum::durable::bytes
