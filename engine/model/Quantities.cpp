// Kubernetes-style quantities (CPU, bytes) and Go-style durations, as topology YAML writes them.

#include "engine/model/TopologyYaml.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace quorum::model {

namespace {

/// Parses a non-negative decimal number ("12", "0.5", "1e3") at the start of text.
/// Returns the value and how many characters it used.
std::optional<std::pair<double, std::size_t>> leadingNumber(const std::string &text)
{
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
    if (ec != std::errc() || !std::isfinite(value) || value < 0)
        return std::nullopt;
    return std::make_pair(value, static_cast<std::size_t>(ptr - text.data()));
}

std::optional<std::int64_t> toInt64(double value)
{
    if (value > static_cast<double>(std::numeric_limits<std::int64_t>::max() / 2))
        return std::nullopt;
    return static_cast<std::int64_t>(std::llround(value));
}

struct Suffix {
    const char *text;
    std::int64_t factor;
};

constexpr std::int64_t kKi = 1024;
constexpr std::array<Suffix, 12> kByteSuffixes{{{"Ei", kKi * kKi * kKi * kKi * kKi * kKi},
                                                 {"Pi", kKi * kKi * kKi * kKi * kKi},
                                                 {"Ti", kKi * kKi * kKi * kKi},
                                                 {"Gi", kKi * kKi * kKi},
                                                 {"Mi", kKi * kKi},
                                                 {"Ki", kKi},
                                                 {"E", 1000000000000000000LL},
                                                 {"P", 1000000000000000LL},
                                                 {"T", 1000000000000LL},
                                                 {"G", 1000000000LL},
                                                 {"M", 1000000LL},
                                                 {"k", 1000LL}}};

constexpr std::array<Suffix, 5> kDurationUnits{{{"h", 3600000}, {"m", 60000}, {"s", 1000}, {"ms", 1}, {"us", 0}}};

} // namespace

std::optional<std::int64_t> parseCpuMillis(const std::string &text)
{
    auto number = leadingNumber(text);
    if (!number)
        return std::nullopt;
    const std::string suffix = text.substr(number->second);
    if (suffix.empty())
        return toInt64(number->first * 1000);
    if (suffix == "m")
        return toInt64(number->first);
    return std::nullopt;
}

std::optional<std::int64_t> parseBytes(const std::string &text)
{
    auto number = leadingNumber(text);
    if (!number)
        return std::nullopt;
    const std::string suffix = text.substr(number->second);
    if (suffix.empty())
        return toInt64(number->first);
    for (const Suffix &s : kByteSuffixes)
        if (suffix == s.text)
            return toInt64(number->first * static_cast<double>(s.factor));
    return std::nullopt;
}

std::optional<std::int64_t> parseDurationMs(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    if (text == "0")
        return 0;
    std::int64_t total = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto number = leadingNumber(text.substr(pos));
        if (!number)
            return std::nullopt;
        pos += number->second;
        std::size_t unitEnd = pos;
        while (unitEnd < text.size() && std::isalpha(static_cast<unsigned char>(text[unitEnd])))
            ++unitEnd;
        const std::string unit = text.substr(pos, unitEnd - pos);
        pos = unitEnd;
        bool known = false;
        for (const Suffix &u : kDurationUnits) {
            if (unit == u.text) {
                const double ms = u.factor == 0 ? number->first / 1000.0 : number->first * static_cast<double>(u.factor);
                auto value = toInt64(ms);
                if (!value)
                    return std::nullopt;
                total += *value;
                known = true;
                break;
            }
        }
        if (!known)
            return std::nullopt;
    }
    return total;
}

std::string formatCpuMillis(std::int64_t millis)
{
    if (millis % 1000 == 0)
        return std::to_string(millis / 1000);
    return std::to_string(millis) + "m";
}

std::string formatBytes(std::int64_t bytes)
{
    if (bytes != 0) {
        for (const Suffix &s : kByteSuffixes)
            if (bytes % s.factor == 0)
                return std::to_string(bytes / s.factor) + s.text;
    }
    return std::to_string(bytes);
}

std::string formatDurationMs(std::int64_t ms)
{
    if (ms == 0)
        return "0s";
    if (ms % 1000 != 0)
        return std::to_string(ms) + "ms";  // exact; "1m0.5s" style mixes are rare in designs
    std::string out;
    std::int64_t seconds = ms / 1000;
    if (seconds >= 3600) {
        out += std::to_string(seconds / 3600) + "h";
        seconds %= 3600;
    }
    if (seconds >= 60) {
        out += std::to_string(seconds / 60) + "m";
        seconds %= 60;
    }
    if (seconds > 0)
        out += std::to_string(seconds) + "s";
    return out;
}

} // namespace quorum::model
