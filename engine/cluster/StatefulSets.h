#pragma once

// kube-controller-manager's StatefulSet, DaemonSet and persistent-volume controllers:
// * StatefulSetController: pods <name>-<ordinal> with stable names, hostname and subdomain,
//   created one at a time in ordinal order (podManagementPolicy OrderedReady: the next only when
//   every lower one is Running and Ready), one PersistentVolumeClaim <claim>-<name>-<ordinal> per
//   volumeClaimTemplate (kept when pods go), scaled down from the highest ordinal. A pod stuck
//   Terminating on a lost node is not replaced until it is gone — StatefulSets guarantee at most
//   one pod per identity, as in Kubernetes.
// * VolumeController: binds claims by provisioning a PersistentVolume from their StorageClass —
//   at once (Immediate) or once a pod using the claim is scheduled (WaitForFirstConsumer). A
//   volume of a node-local class ("kubernetes.io/no-provisioner", local-path) gets node affinity
//   to that node, so it dies with the node; network and cloud volumes have none and follow the
//   pod anywhere.

#include "engine/cluster/Reconciler.h"

namespace quorum::cluster {

class StatefulSetController : public Reconciler {
public:
    StatefulSetController(Runtime &runtime, ApiClient &api);

private:
    std::vector<std::string> keysFor(const ObjectCache::Change &change) override;
    void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) override;
};

/// DaemonSetController: one pod per eligible node (its nodeSelector matches and the node's
/// NoSchedule/NoExecute taints are tolerated), placed through the scheduler with required node
/// affinity to that node's hostname (as the controller does since Kubernetes 1.12), with the
/// DaemonSet tolerations for not-ready, unreachable and unschedulable nodes added; pods on nodes
/// that left or no longer qualify are deleted.
class DaemonSetController : public Reconciler {
public:
    DaemonSetController(Runtime &runtime, ApiClient &api);

private:
    std::vector<std::string> keysFor(const ObjectCache::Change &change) override;
    void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) override;
};

class VolumeController : public Reconciler {
public:
    VolumeController(Runtime &runtime, ApiClient &api);

private:
    std::vector<std::string> keysFor(const ObjectCache::Change &change) override;
    void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) override;
};

/// True when volumes of this provisioner live on one node's disk.
bool isNodeLocalProvisioner(const std::string &provisioner);
/// Claim names a pod mounts (spec.volumes[].persistentVolumeClaim.claimName).
std::vector<std::string> podClaims(const Json &pod);

} // namespace quorum::cluster
