#pragma once

// Lease-based leader election as client-go's leaderelection package does it for
// kube-controller-manager and kube-scheduler (coordination.k8s.io/v1 Lease in kube-system):
//
// * every retryPeriod a candidate reads the Lease; it may take it only when the holder has not
//   renewed for leaseDuration (it creates the Lease if missing); writes are compare-and-swap on
//   resourceVersion, so two candidates can never both succeed;
// * the holder renews every retryPeriod; if it cannot renew for renewDeadline it stops leading
//   (the real process exits and is restarted by the kubelet; here it becomes a candidate again).
//
// One difference, documented in docs/cluster.md: client-go measures the holder's silence from
// the local time it last saw the record change (it cannot trust other machines' clocks); virtual
// time has no skew, so the candidate here uses the record's renewTime. Candidates poll every retryPeriod
// without client-go's 1.2 jitter factor, so takeover happens no later than leaseDuration +
// retryPeriod after the holder's last renewal (plus request latency).

#include "engine/cluster/Component.h"

namespace quorum::cluster {

struct ElectionTimings {
    Micros leaseDuration = 15 * kSecond;
    Micros renewDeadline = 10 * kSecond;
    Micros retryPeriod = 2 * kSecond;
};

class LeaderElector : public Component {
public:
    using Callback = std::function<void()>;

    /// Elects among every elector with the same lease `name` in kube-system. `identity` must
    /// be unique (kube-controller-manager uses "<host>_<uuid>").
    LeaderElector(Runtime &runtime, ApiClient &api, std::string leaseName, std::string identity,
                  ElectionTimings timings, Callback startedLeading, Callback stoppedLeading);

    bool isLeader() const { return m_leader; }
    const std::string &identity() const { return m_identity; }
    const std::string &leaseName() const { return m_leaseName; }

private:
    void onStart() override;
    void onStop() override;
    void tryAcquireOrRenew();
    void observe(const ObjectPtr &lease);
    void becomeLeader();
    void loseLeadership(const std::string &why);

    std::string m_leaseName;
    std::string m_identity;
    ElectionTimings m_timings;
    Callback m_started;
    Callback m_stopped;
    bool m_leader = false;
    bool m_inFlight = false;
    Micros m_lastRenew = 0;
    // The record as last observed, and when (the candidate's clock for expiry).
    std::string m_observedHolder;
    std::string m_observedRenewTime;
    Micros m_observedAt = 0;
};

/// The Lease holder identity, or "" when the lease or its holder is missing.
std::string leaseHolder(const Json &lease);

} // namespace quorum::cluster
