#pragma once

// kube-scheduler on one control-plane node: a LeaderElector on kube-system/kube-scheduler and,
// while leading, the scheduling loop over engine/scheduler: pending pods (no nodeName, not
// terminating) are scheduled one by one in queue order, assumed at once in the scheduler's
// cache and bound by writing spec.nodeName; a pod that fits nowhere gets a FailedScheduling
// event with kube-scheduler's message, its PodScheduled condition False/Unschedulable, and is
// retried when a node or a pod changes (or after podMaxInUnschedulablePodsDuration, 5 min).

#include "engine/cluster/LeaderElector.h"
#include "engine/scheduler/Scheduler.h"

#include <deque>
#include <memory>
#include <set>

namespace quorum::cluster {

struct SchedulerServiceConfig {
    std::string identity;
    ElectionTimings election;
    Micros unschedulableFlush = 5 * 60 * kSecond;
    std::uint64_t seed = 1;
};

struct SchedulingStats {
    std::uint64_t attempts = 0;
    std::uint64_t scheduled = 0;
    std::uint64_t unschedulable = 0;
    std::uint64_t bindFailures = 0;
};

class SchedulerService : public Component {
public:
    SchedulerService(Runtime &runtime, ApiClient &api, SchedulerServiceConfig config);

    bool leading() const { return m_elector.isLeader(); }
    const LeaderElector &elector() const { return m_elector; }
    const SchedulingStats &stats() const { return m_stats; }

private:
    void onStart() override;
    void onStop() override;
    void startLeading();
    void stopLeading();
    void rebuild();
    void onChange(const ObjectCache::Change &change);
    void enqueue(const std::string &key);
    void flushUnschedulable();
    void process();
    void scheduleOne(const ObjectCache &cache, const std::string &key);

    SchedulerServiceConfig m_config;
    LeaderElector m_elector;
    std::unique_ptr<scheduler::ClusterState> m_state;
    std::unique_ptr<scheduler::Scheduler> m_scheduler;
    std::deque<std::string> m_queue;
    std::set<std::string> m_queued;
    std::set<std::string> m_unschedulable;
    std::set<std::string> m_binding; // assumed, binding in flight
    std::vector<int> m_subscriptions;
    bool m_leading = false;
    bool m_scheduled = false;
    SchedulingStats m_stats;
};

} // namespace quorum::cluster
