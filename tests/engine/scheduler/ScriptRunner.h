#pragma once

// Interpreter for the scheduler's golden-trace scripts. One command per line; "#" lines are
// copied into the trace, blank lines separate paragraphs. Each command is echoed ("> ...")
// followed by what it printed, indented.
//
//   options [percentage=N] [seed=N]        new Scheduler (0 = adaptive percentageOfNodesToScore)
//   node name=N [zone=Z] [cpu=4] [mem=8Gi] [pods=110] [labels=k=v,...] [taints=T,...]
//        [unschedulable]                   adds a node (labelled kubernetes.io/hostname=N and,
//                                          with zone=, topology.kubernetes.io/zone=Z)
//   nodes count=K prefix=P [zones=z1,z2,z3] ...   K nodes P-1..P-K, zones round-robin
//   update-node name=N ...                 replaces a node (same arguments as node)
//   remove-node N | cordon N | uncordon N | taint N T | untaint N KEY
//   bind POD node=N                        binds a pod without scheduling it
//   schedule POD [count=K] [quiet]         schedules (and binds) a pod; count=K schedules
//                                          NAME-1..NAME-K and prints one line per pod
//   remove-pod NAME [ns=NS]
//   usage                                  per-node requested cpu/memory and pod count
//
// POD arguments: name=, ns= (default), cpu=500m, mem=256Mi, labels=k=v,...,
//   node-selector=k=v,..., affinity=TERM|TERM (TERM: REQ;REQ, REQ: key:Op[:v1/v2]),
//   prefer=W:TERM|..., tolerations=TOL,... (TOL: * | key[=value][:Effect][@seconds];
//   without =value the operator is Exists), anti=SEL@KEY[@ns1/ns2]|..., affine=SEL@KEY|...,
//   prefer-anti=W:SEL@KEY|..., prefer-affine=W:SEL@KEY|...,
//   spread=SKEW@KEY@DoNotSchedule|ScheduleAnyway@SEL[@minDomains] (several: separate by "|"),
//   owner=SEL (owner selector: default spreading) or the flag `owned` (owner selects the
//   pod's labels). SEL: items joined by "&", each k=v or key:Op[:v1/v2]; empty = everything.
// Taints T: key[=value]:Effect.
//
// A schedule trace lists the nodes filtered out (plugin: reasons), the scores of feasible nodes
// (normalized per plugin, and the weighted total) and the chosen node or the FitError text.

#include "engine/scheduler/ClusterState.h"
#include "engine/scheduler/Scheduler.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace quorum::scheduler::testing {

class ScriptRunner {
public:
    ScriptRunner();

    /// Runs the script. Returns false with `error` ("line N: ...") on a bad command; `trace`
    /// holds the output up to there either way.
    bool run(const std::string &script, std::string *trace, std::string *error);

private:
    using Args = std::map<std::string, std::string>;

    bool execute(const std::string &command, const std::vector<std::string> &positional, const Args &args);
    bool parseNode(const Args &args, NodeInfo *node);
    bool parsePod(const Args &args, PodSpec *pod);
    void schedulePod(const PodSpec &pod, bool quiet);
    void print(const std::string &line);

    ClusterState m_state;
    SchedulerOptions m_options;
    std::unique_ptr<Scheduler> m_scheduler;
    std::vector<std::string> m_words; ///< the current command's arguments, unsplit
    std::string *m_out = nullptr;
    std::string m_error;
};

/// Parses a CPU quantity ("500m", "2", "1.5") into millicores; false if malformed.
bool parseCpu(const std::string &text, std::int64_t *milliCpu);
/// Parses a memory quantity ("256Mi", "1Gi", "1G", "1000") into bytes; false if malformed.
bool parseMemory(const std::string &text, std::int64_t *bytes);

} // namespace quorum::scheduler::testing
