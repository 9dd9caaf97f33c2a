#pragma once

// Internal to the scheduler: the per-pod state of one cycle (kube-scheduler's CycleState) and
// the plugins' PreFilter / Filter / PreScore / Score / NormalizeScore steps over it. Buffers
// live here so that consecutive cycles reuse their memory. Filters: Cycle.cpp; scores:
// CycleScore.cpp.

#include "engine/scheduler/Scheduler.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace quorum::scheduler {

/// A filter failure, compact so that failing nodes cost no strings unless they are shown.
struct Rejection {
    FilterPlugin plugin = FilterPlugin::NodeUnschedulable;
    bool unresolvable = false;
    std::uint8_t detail = 0; ///< which reason(s); see Cycle.cpp
    std::int16_t taint = -1; ///< TaintToleration: index of the untolerated taint
};

class Scheduler::Cycle {
public:
    Cycle(const ClusterState &state, std::int32_t hardPodAffinityWeight);

    /// PreFilter of every plugin for `pod` (kept by reference until the next preFilter).
    void preFilter(const PodSpec &pod);
    /// Runs the filters in profile order on one node; false with the first failure in `why`.
    bool filter(NodeId node, Rejection *why) const;
    /// PreScore, Score and NormalizeScore of every score plugin over the feasible nodes;
    /// `scores[i]` receives the normalized (unweighted) scores of `feasible[i]`.
    void score(const std::vector<NodeId> &feasible, std::vector<std::array<std::int64_t, kScorePlugins>> *scores);

    /// The status kube-scheduler reports for a rejection on `node`.
    NodeStatus status(NodeId node, const Rejection &why) const;

    /// The scheduling loop's buffers, kept here so that cycles reuse their memory.
    struct Buffers {
        std::vector<NodeId> feasible;
        std::vector<std::pair<NodeId, Rejection>> rejected;
        std::vector<std::array<std::int64_t, kScorePlugins>> scores;
    };
    Buffers &buffers() { return m_buffers; }

private:
    /// Per-domain sums for one topology key.
    struct DomainCounts {
        int key = -1;
        std::vector<std::int64_t> perDomain;
    };
    struct HardSpread {
        int key = -1;
        int counter = -1;
        std::int32_t maxSkew = 1;
        std::int32_t minDomains = 1;
        int selfMatch = 0;
        std::vector<std::int64_t> perDomain;
        std::vector<char> eligible;
        std::int64_t minMatch = 0;
        int domains = 0;
    };
    struct SoftSpread {
        int key = -1;
        int counter = -1;
        bool hostname = false;
        std::int32_t maxSkew = 1;
        double weight = 0;
        std::vector<std::int64_t> perDomain;
        std::vector<char> present;
    };

    bool requiredAffinityHolds(NodeId node) const;
    bool hasKeys(NodeId node, const std::vector<int> &keys) const;
    std::vector<std::int64_t> &countsFor(std::vector<DomainCounts> &list, int key);
    /// Adds a counter's matching pods per domain of `key`, over all nodes, to `perDomain`.
    void sumPerDomain(int counter, int key, std::vector<std::int64_t> *perDomain);
    /// True if every node passes the pod's node affinity and has all the keys.
    bool allNodesEligible(const std::vector<int> &keys) const;
    void preFilterSpread();
    void preFilterInterPod();

    void scoreTaints(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out);
    void scoreNodeAffinity(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out) const;
    void scoreLeastAllocated(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out) const;
    void scoreBalanced(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out) const;
    void scoreSpread(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out);
    void scoreInterPod(const std::vector<NodeId> &nodes, std::vector<std::int64_t> *out);

    const ClusterState &m_state;
    std::int32_t m_hardPodAffinityWeight;
    const PodSpec *m_pod = nullptr;

    bool m_toleratesUnschedulable = false;
    bool m_hasNodeAffinity = false;

    std::vector<HardSpread> m_hardSpread;
    std::vector<int> m_hardSpreadKeys;

    struct PodTerm {
        int key = -1;
        int counter = -1;
    };
    std::vector<PodTerm> m_affinityTerms;
    std::vector<PodTerm> m_antiTerms;
    std::vector<DomainCounts> m_affinityCounts;
    std::vector<DomainCounts> m_antiCounts;
    bool m_affinityCountsEmpty = true;
    bool m_antiCountsEmpty = true;
    bool m_podMatchesOwnAffinity = false;
    std::vector<int> m_blockingGroups; ///< existing anti-affinity groups matching the pod

    std::vector<SoftSpread> m_softSpread;
    std::vector<DomainCounts> m_topologyScore;
    std::vector<std::int64_t> m_raw;
    std::vector<Toleration> m_preferTolerations;
    Buffers m_buffers;
};

} // namespace quorum::scheduler
