#pragma once

// Kubernetes API objects -> engine/scheduler's typed inputs: what kube-scheduler reads of a
// Node (labels, taints, allocatable, unschedulable) and of a Pod (requests summed over its
// containers, nodeSelector, affinity and anti-affinity, tolerations, topology spread, and the
// selector of its owner for the default spreading).

#include "engine/cluster/ObjectCache.h"
#include "engine/scheduler/Types.h"

namespace quorum::cluster {

scheduler::NodeInfo toNodeInfo(const Json &node);
/// `cache` resolves the pod's controller owner (ReplicaSet, StatefulSet) for ownerSelector.
scheduler::PodSpec toPodSpec(const Json &pod, const ObjectCache *cache);
scheduler::LabelSelector toLabelSelector(const Json &selector);

} // namespace quorum::cluster
