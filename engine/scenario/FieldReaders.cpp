#include "engine/scenario/Duration.h"
#include "engine/scenario/ReaderSupport.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace quorum::scenario::detail {

std::string formatDecimal(double value)
{
    char buffer[512];  // the longest fixed-notation double is 309 digits before the point
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

const std::vector<std::string> &knownLeases()
{
    static const std::vector<std::string> leases{"kube-controller-manager", "kube-scheduler"};
    return leases;
}

std::optional<std::string> scalarField(MapReader &map, Reporter &reporter, const char *key, Need need,
                                       const char *expected)
{
    const YAML::Node value = map.get(key);
    if (!value.IsDefined()) {
        if (need == Need::Required && map.valid())
            map.reportMissing(key);
        return std::nullopt;
    }
    if (!value.IsScalar()) {
        reporter.error(value, map.fieldPath(key),
                       std::string("expected ") + expected + ", found " + model::yaml::describe(value));
        return std::nullopt;
    }
    return value.Scalar();
}

bool readName(MapReader &map, Reporter &reporter, const char *key, std::string &out, Need need)
{
    auto text = scalarField(map, reporter, key, need, "a string");
    if (!text)
        return false;
    if (text->empty()) {
        reporter.error(map.get(key), map.fieldPath(key), "must not be empty");
        return false;
    }
    out = *text;
    return true;
}

bool readDuration(MapReader &map, Reporter &reporter, const char *key, Micros &out, Need need, Sign sign)
{
    auto text = scalarField(map, reporter, key, need, "a duration");
    if (!text)
        return false;
    const DurationParse parsed = parseDuration(*text);
    if (!parsed.value) {
        reporter.error(map.get(key), map.fieldPath(key), parsed.problem);
        return false;
    }
    if (sign == Sign::Positive && *parsed.value == 0) {
        reporter.error(map.get(key), map.fieldPath(key), "must be longer than 0");
        return false;
    }
    out = *parsed.value;
    return true;
}

bool readNumber(MapReader &map, Reporter &reporter, const char *key, double &out, double min, double max,
                Need need, Sign sign)
{
    auto text = scalarField(map, reporter, key, need, "a number");
    if (!text)
        return false;
    double value = 0;
    const char *end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, value, std::chars_format::fixed);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        reporter.error(map.get(key), map.fieldPath(key), "expected a number, found '" + *text + "'");
        return false;
    }
    if (value < min || value > max) {
        reporter.error(map.get(key), map.fieldPath(key),
                       *text + " is out of range; expected " + formatDecimal(min) + " to " + formatDecimal(max));
        return false;
    }
    if (sign == Sign::Positive && value == 0) {
        reporter.error(map.get(key), map.fieldPath(key), "must be more than 0");
        return false;
    }
    out = value;
    return true;
}

bool readUnsigned(MapReader &map, Reporter &reporter, const char *key, std::uint64_t &out, Need need)
{
    auto text = scalarField(map, reporter, key, need, "a whole number");
    if (!text)
        return false;
    std::uint64_t value = 0;
    const char *end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end) {
        reporter.error(map.get(key), map.fieldPath(key),
                       "expected a whole number from 0 to 18446744073709551615, found '" + *text + "'");
        return false;
    }
    out = value;
    return true;
}

bool readTarget(MapReader &map, Reporter &reporter, const char *key, Target &out, Need need)
{
    std::string text;
    if (!readName(map, reporter, key, text, need))
        return false;
    const Target target = Target::fromText(text);
    if (target.kind == Target::Kind::EtcdLeader) {
        out = target;
        return true;
    }
    if (target.kind == Target::Kind::LeaseHolder) {
        const std::string &lease = target.name;
        const auto &leases = knownLeases();
        if (std::find(leases.begin(), leases.end(), lease) == leases.end()) {
            std::string message = "'" + lease + "' is not a lease the control plane elects; expected "
                                  "'lease-holder:kube-controller-manager' or 'lease-holder:kube-scheduler'";
            const std::string near = model::yaml::nearestName(lease, leases);
            if (!near.empty())
                message += " (did you mean 'lease-holder:" + near + "'?)";
            reporter.error(map.get(key), map.fieldPath(key), message);
            return false;
        }
        out = target;
        return true;
    }
    if (text.find(':') != std::string::npos) {
        reporter.error(map.get(key), map.fieldPath(key),
                       "'" + text + "' is not a node name or a selector; expected a node name, 'etcd-leader' "
                                    "or 'lease-holder:<lease>'");
        return false;
    }
    out = target;
    return true;
}

FilePath resolvePath(const std::string &folder, const std::string &given)
{
    const std::filesystem::path path(given);
    const std::filesystem::path resolved = path.is_absolute() ? path : std::filesystem::path(folder) / path;
    return FilePath{given, resolved.lexically_normal().string()};
}

bool readPath(MapReader &map, Reporter &reporter, const char *key, const std::string &folder, FilePath &out,
              Need need)
{
    std::string given;
    if (!readName(map, reporter, key, given, need))
        return false;
    out = resolvePath(folder, given);
    return true;
}

} // namespace quorum::scenario::detail
