#include "engine/scenario/Duration.h"

#include <array>
#include <cctype>
#include <limits>

namespace quorum::scenario {

namespace {

struct Unit {
    std::string_view name;
    Micros factor;
};

// Longest first where one name is a prefix of another ("ms" before "m").
constexpr std::array<Unit, 7> kUnits{{{"h", 3600 * kSecond},
                                       {"ms", kMillisecond},
                                       {"m", 60 * kSecond},
                                       {"s", kSecond},
                                       {"us", 1},
                                       {"\xC2\xB5s", 1},   // µs (micro sign)
                                       {"\xCE\xBCs", 1}}}; // μs (Greek mu)

constexpr Micros kMax = std::numeric_limits<Micros>::max();

std::string example(std::string_view text)
{
    return "'" + std::string(text) + "' is not a duration (for example 500ms, 30s, 5m or 1m30s)";
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

DurationParse parseDuration(std::string_view text)
{
    DurationParse result;
    if (text.empty()) {
        result.problem = "a duration cannot be empty (for example 500ms, 30s, 5m or 1m30s)";
        return result;
    }
    if (text == "0") {
        result.value = 0;
        return result;
    }
    std::string_view rest = text;
    if (rest.front() == '-') {
        const DurationParse magnitude = parseDuration(rest.substr(1));
        result.problem = magnitude.value ? "'" + std::string(text) + "' is negative; a duration must be 0 or more"
                                         : example(text);
        return result;
    }
    if (rest.front() == '+')
        rest.remove_prefix(1);
    if (rest.find_first_of("0123456789") == std::string_view::npos) {
        result.problem = example(text);
        return result;
    }
    if (rest.find_first_not_of("0123456789.") == std::string_view::npos) {
        result.problem = "'" + std::string(text) + "' needs a unit (for example " + std::string(rest) + "s or " +
                         std::string(rest) + "m)";
        return result;
    }

    Micros total = 0;
    while (!rest.empty()) {
        std::size_t pos = 0;
        Micros whole = 0;
        bool wholeOverflow = false;
        while (pos < rest.size() && isDigit(rest[pos])) {
            const int digit = rest[pos++] - '0';
            wholeOverflow = wholeOverflow || whole > (kMax - digit) / 10;
            if (!wholeOverflow)
                whole = whole * 10 + digit;
        }
        std::string_view fraction;
        if (pos < rest.size() && rest[pos] == '.') {
            const std::size_t start = ++pos;
            while (pos < rest.size() && isDigit(rest[pos]))
                ++pos;
            fraction = rest.substr(start, pos - start);
        }
        if (pos == 0 || (pos == 1 && rest[0] == '.')) {
            result.problem = example(text);
            return result;
        }
        std::size_t unitEnd = pos;
        while (unitEnd < rest.size() && !isDigit(rest[unitEnd]) && rest[unitEnd] != '.')
            ++unitEnd;
        const std::string_view unitText = rest.substr(pos, unitEnd - pos);
        const Unit *unit = nullptr;
        for (const Unit &u : kUnits)
            if (unitText == u.name)
                unit = &u;
        if (!unit) {
            result.problem = unitText.empty() ? example(text)
                                              : "'" + std::string(text) + "' has an unknown unit '" +
                                                    std::string(unitText) + "'; use h, m, s, ms or us";
            return result;
        }
        // ">=" leaves room for the fraction digits added below.
        if (wholeOverflow || whole >= (kMax - total) / unit->factor) {
            result.problem = "'" + std::string(text) + "' is too large";
            return result;
        }
        total += whole * unit->factor;
        // Exact: each fraction digit is worth a tenth of the previous one; below 1 µs, nothing.
        Micros scale = unit->factor;
        for (char c : fraction) {
            scale /= 10;
            total += (c - '0') * scale;
        }
        rest.remove_prefix(unitEnd);
    }
    result.value = total;
    return result;
}

std::string formatDuration(Micros d)
{
    if (d == 0)
        return "0s";
    std::string out;
    if (d < 0) {
        out = "-";
        d = d == std::numeric_limits<Micros>::min() ? kMax : -d;
    }
    const auto withFraction = [](Micros whole, Micros part, int digits) {
        std::string text = std::to_string(whole);
        if (part == 0)
            return text;
        std::string frac = std::to_string(part);
        frac.insert(0, static_cast<std::size_t>(digits) - frac.size(), '0');
        while (frac.back() == '0')
            frac.pop_back();
        return text + "." + frac;
    };
    if (d < kMillisecond)
        return out + std::to_string(d) + "us";
    if (d < kSecond)
        return out + withFraction(d / kMillisecond, d % kMillisecond, 3) + "ms";
    const Micros hours = d / (3600 * kSecond);
    const Micros minutes = d / (60 * kSecond) % 60;
    const Micros seconds = d % (60 * kSecond);
    if (hours)
        out += std::to_string(hours) + "h";
    if (minutes)
        out += std::to_string(minutes) + "m";
    if (seconds)
        out += withFraction(seconds / kSecond, seconds % kSecond, 6) + "s";
    return out;
}

} // namespace quorum::scenario
