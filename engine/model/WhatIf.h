#pragma once

// "What if": how many failures the control plane of a design survives, by failure kind. The
// control plane is up while etcd keeps quorum and at least one API server, controller-manager,
// scheduler and (when the API load balancer runs on hosts) one of its hosts is up.

#include "engine/model/Topology.h"

#include <string>
#include <vector>

namespace quorum::model {

/// One kind of control-plane member and how many of its members may fail.
struct FailureBudget {
    std::string kind;   ///< "etcd members", "API servers", "controller-managers", "schedulers", "API load-balancer hosts"
    int members = 0;
    int tolerated = 0;  ///< members that may fail with the control plane still up (0 when none may)
};

struct WhatIf {
    /// Any this many nodes may fail at once (the smallest budget below).
    int nodeFailures = 0;
    /// Any this many zones may go down at once (worst case over every choice of zones);
    /// 0 when the design has no zones or losing any one of them stops the control plane.
    int zoneFailures = 0;
    int zones = 0;
    /// False when the control plane cannot run even with everything up (no etcd member,
    /// no API server, ...).
    bool runs = false;
    std::vector<FailureBudget> byKind;
};

/// Computes the budgets. Zones are tried exhaustively up to 16 zones (the worst choice
/// decides); nodes without a known zone never fail with one. Pure; any thread.
WhatIf whatIf(const Topology &topology);

} // namespace quorum::model
