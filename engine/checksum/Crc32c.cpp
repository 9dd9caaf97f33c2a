#include "engine/checksum/Crc32c.h"

#include <array>

namespace quorum::checksum {

namespace {

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr Tables makeTables()
{
    Tables t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1U) ? (c >> 1) ^ 0x82F63B78U : c >> 1;
        t[0][i] = c;
    }
    for (std::size_t i = 0; i < 256; ++i)
        for (std::size_t s = 1; s < 8; ++s)
            t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFFU];
    return t;
}

constexpr Tables kTables = makeTables();

std::uint32_t byteAt(std::string_view d, std::size_t i)
{
    return static_cast<std::uint8_t>(d[i]);
}

} // namespace

std::uint32_t crc32c(std::string_view data, std::uint32_t crc)
{
    std::uint32_t c = ~crc;
    std::size_t i = 0;
    const std::size_t n = data.size();
    for (; i + 8 <= n; i += 8) {
        const std::uint32_t lo = c ^ (byteAt(data, i) | byteAt(data, i + 1) << 8 | byteAt(data, i + 2) << 16
                                      | byteAt(data, i + 3) << 24);
        c = kTables[7][lo & 0xFFU] ^ kTables[6][(lo >> 8) & 0xFFU] ^ kTables[5][(lo >> 16) & 0xFFU]
            ^ kTables[4][lo >> 24] ^ kTables[3][byteAt(data, i + 4)] ^ kTables[2][byteAt(data, i + 5)]
            ^ kTables[1][byteAt(data, i + 6)] ^ kTables[0][byteAt(data, i + 7)];
    }
    for (; i < n; ++i)
        c = kTables[0][(c ^ byteAt(data, i)) & 0xFFU] ^ (c >> 8);
    return ~c;
}

} // namespace quorum::checksum
