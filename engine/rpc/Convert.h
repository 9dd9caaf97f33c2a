#pragma once

// Internal to engine/rpc: engine types <-> the generated quorum.v1 messages.

#include "engine/rpc/EngineHost.h"
#include "engine/rpc/proto/engine.pb.h"

namespace quorum::rpc {

void toProto(const telemetry::Event &event, v1::Event &out);
void toProto(const telemetry::Sample &sample, v1::Sample &out);
void toProto(const Item &item, v1::TelemetryItem &out);
void toProto(const Clock &clock, v1::ClockState &out);
void toProto(const model::Diagnostic &d, v1::Diagnostic &out);
void toProto(const StateView &state, v1::ClusterState &out);
void toProto(const telemetry::NodeStateSample &node, v1::NodeState &out);
void toProto(const DrillView &drill, v1::Drill &out);
FaultSpec fromProto(const v1::FaultRequest &request);

} // namespace quorum::rpc
