#pragma once

// What a drill (trainer mode) shows beside each step of a scenario: a short explanation, and for
// expectations what the design's settings predict ("the controller-manager lease is taken over no
// later than 17 s: lease-duration 15 s + retry-period 2 s"). Pure functions of the scenario and
// the design's timings; the observed times come from ScenarioRunner's outcomes.

#include "engine/model/Topology.h"
#include "engine/scenario/Scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace quorum::clustersim {

/// One step of a drill, before it ran.
struct DrillStepPlan {
    std::size_t index = 0;      ///< in scenario.steps
    scenario::Micros at = 0;
    int line = 0;
    bool expectation = false;
    std::string action;         ///< scenario::describeAction: "fault kill-node etcd-leader"
    std::string explanation;    ///< the step's `explain`, or one written from the step
    std::string prediction;     ///< expectations only: what the settings predict, with the arithmetic
    /// The predicted bound after the step's time (expectations with a time bound), e.g. 17 s.
    std::optional<scenario::Micros> predictedWithin;
    /// The earliest predicted time after the step (NotReady: grace - status interval).
    std::optional<scenario::Micros> predictedAfter;
};

/// The plan of every step, in scenario order, from the design's timings (election, lease,
/// node-monitor and eviction settings) and its etcd voters. Pure.
std::vector<DrillStepPlan> planDrill(const scenario::Scenario &scenario, const model::Topology &topology);

} // namespace quorum::clustersim
