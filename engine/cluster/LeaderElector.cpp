#include "engine/cluster/LeaderElector.h"

#include <algorithm>

namespace quorum::cluster {

std::string leaseHolder(const Json &lease)
{
    auto spec = lease.find("spec");
    if (spec == lease.end())
        return {};
    auto h = spec->find("holderIdentity");
    return h != spec->end() && h->is_string() ? h->get<std::string>() : std::string();
}

LeaderElector::LeaderElector(Runtime &runtime, ApiClient &api, std::string leaseName, std::string identity,
                             ElectionTimings timings, Callback startedLeading, Callback stoppedLeading)
    : Component(runtime, api, "leader-elector/" + leaseName)
    , m_leaseName(std::move(leaseName))
    , m_identity(std::move(identity))
    , m_timings(timings)
    , m_started(std::move(startedLeading))
    , m_stopped(std::move(stoppedLeading))
{
}

void LeaderElector::onStart()
{
    m_leader = false;
    m_inFlight = false;
    m_observedHolder.clear();
    m_observedRenewTime.clear();
    m_observedAt = m_runtime.now();
    every(m_timings.retryPeriod, 0, [this] { tryAcquireOrRenew(); });
}

void LeaderElector::onStop()
{
    if (m_leader) {
        m_leader = false;
        if (m_stopped)
            m_stopped();
    }
}

void LeaderElector::observe(const ObjectPtr &lease)
{
    if (!lease)
        return;
    auto spec = lease->find("spec");
    const std::string holder = leaseHolder(*lease);
    const std::string renew = spec != lease->end() ? spec->value("renewTime", std::string()) : std::string();
    if (holder != m_observedHolder || renew != m_observedRenewTime) {
        m_observedHolder = holder;
        m_observedRenewTime = renew;
        // Virtual time has no clock skew, so the holder's renewTime is when it last renewed;
        // client-go, unable to trust other clocks, uses the moment it saw the change instead.
        const auto renewed = parseTime(renew);
        m_observedAt = renewed ? std::min(*renewed, m_runtime.now()) : m_runtime.now();
    }
}

void LeaderElector::tryAcquireOrRenew()
{
    const Micros now = m_runtime.now();
    if (m_leader && now - m_lastRenew > m_timings.renewDeadline) {
        loseLeadership("failed to renew lease kube-system/" + m_leaseName + ": timed out waiting for the condition");
        return;
    }
    if (m_inFlight)
        return;
    const ObjectCache *cache = m_api.cache();
    if (!cache)
        return;
    ObjectPtr current = cache->get(res::leases(), "kube-system", m_leaseName);
    observe(current);

    const std::int64_t durationSeconds = m_timings.leaseDuration / kSecond;
    Json lease;
    if (!current) {
        lease = Json{{"apiVersion", "coordination.k8s.io/v1"},
                     {"kind", "Lease"},
                     {"metadata", {{"name", m_leaseName}, {"namespace", "kube-system"}}},
                     {"spec",
                      {{"holderIdentity", m_identity},
                       {"leaseDurationSeconds", durationSeconds},
                       {"acquireTime", formatMicroTime(now)},
                       {"renewTime", formatMicroTime(now)},
                       {"leaseTransitions", 0}}}};
    } else {
        const std::string holder = leaseHolder(*current);
        if (holder != m_identity && !holder.empty() && m_observedAt + m_timings.leaseDuration > now)
            return; // held by someone else and not expired
        lease = *current;
        Json &spec = lease["spec"];
        if (holder != m_identity) {
            spec["acquireTime"] = formatMicroTime(now);
            spec["leaseTransitions"] = spec.value("leaseTransitions", 0) + (holder.empty() ? 0 : 1);
        }
        spec["holderIdentity"] = m_identity;
        spec["leaseDurationSeconds"] = durationSeconds;
        spec["renewTime"] = formatMicroTime(now);
    }
    m_inFlight = true;
    auto done = guarded([this, now](const ApiResult &result) {
        m_inFlight = false;
        if (!result.ok())
            return; // conflict or unavailable: try again next period
        observe(result.object);
        m_lastRenew = now;
        if (!m_leader)
            becomeLeader();
    });
    if (current)
        m_api.update(std::move(lease), std::move(done));
    else
        m_api.create(std::move(lease), std::move(done));
}

void LeaderElector::becomeLeader()
{
    m_leader = true;
    emit(EventKind::LeaseHolderChange, false, "lease/kube-system/" + m_leaseName, "LeaderElection",
         m_identity + " became leader");
    if (m_started)
        m_started();
}

void LeaderElector::loseLeadership(const std::string &why)
{
    m_leader = false;
    emit(EventKind::LeaseHolderChange, true, "lease/kube-system/" + m_leaseName, "LeaderElectionLost",
         m_identity + " stopped leading: " + why);
    if (m_stopped)
        m_stopped();
}

} // namespace quorum::cluster
