#pragma once

// kube-controller-manager's workload controllers:
// * ReplicaSetController keeps spec.replicas active pods (not terminating, not finished) owned
//   by each ReplicaSet, creating from the template and deleting the least useful first
//   (unscheduled, then not ready, then the newest), and reports status.
// * DeploymentController owns one ReplicaSet per pod template (named <deployment>-<hash>, the
//   pod-template-hash label) and rolls from old to new within maxSurge / maxUnavailable
//   (default 25 % each, surge rounded up, unavailable rounded down), as its RollingUpdate
//   strategy does; Recreate scales old ones to zero first.
// * EndpointsController writes, for each Service with a selector, the addresses of its ready
//   pods (not-ready ones under notReadyAddresses).

#include "engine/cluster/Reconciler.h"

namespace quorum::cluster {

class ReplicaSetController : public Reconciler {
public:
    ReplicaSetController(Runtime &runtime, ApiClient &api);

private:
    std::vector<std::string> keysFor(const ObjectCache::Change &change) override;
    void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) override;
};

class DeploymentController : public Reconciler {
public:
    DeploymentController(Runtime &runtime, ApiClient &api);

private:
    std::vector<std::string> keysFor(const ObjectCache::Change &change) override;
    void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) override;
};

class EndpointsController : public Reconciler {
public:
    EndpointsController(Runtime &runtime, ApiClient &api);

private:
    std::vector<std::string> keysFor(const ObjectCache::Change &change) override;
    void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) override;
};

/// Pods owned (as controller) by the object with this uid in namespace `ns`.
std::vector<ObjectPtr> ownedPods(const ObjectCache &cache, const std::string &ns, const std::string &uid);
/// The workload a pod belongs to: its controller's name, or, for a ReplicaSet owned by a
/// Deployment, the Deployment's name; "" for a bare pod.
std::string workloadOf(const Json &pod, const ObjectCache &cache);
/// Active: not terminating and not Succeeded/Failed.
bool isActivePod(const Json &pod);
/// The keys of the owners of resource `owner` (matched by kind) named by the controller
/// reference of the change's objects (before and after), for a Reconciler's keysFor.
std::vector<std::string> ownerKeys(const ObjectCache::Change &change, const ResourceInfo &owner);
/// "10%"/"25%" of `total` (rounded up or down) or an integer; `fallback` when absent.
int scaledValue(const Json &value, int total, bool roundUp, int fallback);
/// kube-controller-manager's pod-template-hash of a pod template (10 characters from the safe
/// alphabet "bcdfghjklmnpqrstvwxz2456789").
std::string podTemplateHash(const Json &tmpl);

} // namespace quorum::cluster
