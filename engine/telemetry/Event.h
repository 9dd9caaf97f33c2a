#pragma once

// A typed telemetry event: one line of the events log, in the style of `kubectl get events`.

#include "engine/telemetry/Types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::telemetry {

/// What an event is about. The spelling of toString() is stored in CSV and SQLite; keep it.
enum class EventKind {
    RaftLeaderChange,
    RaftTerm,
    Fault,
    Heal,
    LeaseHolderChange,
    NodeCondition,
    PodPhase,
    Scheduling,
    Eviction,
    Expectation,
    Kubernetes,  ///< a generic Kubernetes Event (reason and message as the cluster gave them)
    Info,
};

/// Kubernetes event types.
enum class Severity { Normal, Warning };

/// A small named number carried by an event (term, index, replicas, ...).
struct Attribute {
    std::string name;
    std::int64_t value = 0;
    bool operator==(const Attribute &) const = default;
};

struct Event {
    Micros time = 0;
    EventKind kind = EventKind::Info;
    Severity type = Severity::Normal;
    std::string object;   ///< "node/worker-1", "pod/default/web-5d8f-abc", "etcd/cp-1", "lease/kube-system/..."
    std::string reason;   ///< Kubernetes-style CamelCase: LeaderElected, NodeNotReady, Scheduled, ...
    std::string message;  ///< human-readable, one line
    std::vector<Attribute> attrs;  ///< in insertion order; names are unique

    /// The value of the named attribute, if present.
    std::optional<std::int64_t> attr(std::string_view name) const;
    /// Sets (or replaces) an attribute; returns *this for chaining.
    Event &with(std::string name, std::int64_t value);

    bool operator==(const Event &) const = default;
};

const char *toString(EventKind kind);
const char *toString(Severity severity);
/// Exact, case-sensitive spelling of toString(); std::nullopt otherwise.
std::optional<EventKind> eventKindFromString(std::string_view text);
std::optional<Severity> severityFromString(std::string_view text);

/// Attributes as a flat JSON object, e.g. {"term":3,"index":17}; "{}" when there are none.
std::string attrsToJson(const std::vector<Attribute> &attrs);
/// Parses what attrsToJson writes (a flat object of integers). std::nullopt when malformed.
std::optional<std::vector<Attribute>> attrsFromJson(std::string_view json);

} // namespace quorum::telemetry
