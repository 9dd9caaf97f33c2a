#pragma once

// Interpreter for golden-trace scripts (etcd-io/raft's "interaction" tests, our own syntax).
// A script is one command per line; "#" lines are comments copied into the trace. The trace
// echoes each command, a "----" line and what the command printed ("ok" if nothing):
//
//   add-nodes N [voters=(1,2,3)] [learners=(4)] [index=1] [prevote=true] [checkquorum=true]
//             [max-size-per-msg=B] [max-inflight=N] [max-committed-size=B] [forwarding=true]
//             [election-tick=10] [heartbeat-tick=1]
//   campaign ID | propose ID DATA | propose-conf-change ID add=X [learner] | remove=X
//   tick ID... [n=K] | tick-election ID... | tick-heartbeat ID... | run TICKS
//   process-ready ID... | deliver-msgs [ID...] [drop=ID...] | stabilize [ID...]
//   partition 1 2 | 3 | isolate ID | heal | crash ID | restart ID | report-unreachable ID PEER
//   compact ID INDEX | transfer-leadership ID to=T | read-index ID CTX
//   status ID | raft-state | raft-log ID | log-level debug|info|warn|none
//
// `run TICKS` ticks every running member once per round and stabilizes after each round,
// printing only log lines (prefixed with the round): time passing on a perfect network.
// The safety checker runs after every command; a violation fails the script.

#include "tests/engine/raft/Cluster.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace quorum::raft::testing {

class ScriptRunner {
public:
    explicit ScriptRunner(std::uint64_t seed = 1);

    /// Runs the script. Returns false with `error` ("line N: ...") on a bad command, a failed
    /// expectation or a safety violation; `trace` holds the output up to there either way.
    bool run(const std::string &script, std::string *trace, std::string *error);

private:
    struct Args {
        std::vector<std::string> positional;
        std::map<std::string, std::string> named;
    };

    bool execute(const std::string &command, const Args &args, std::string *error);
    bool addNodes(const Args &args, std::string *error);
    void runTicks(int rounds);
    void stabilize(const std::vector<NodeId> &only);
    void printStatus(NodeId id);
    void printRaftState();
    void printRaftLog(NodeId id);
    void print(const std::string &line);

    Cluster m_cluster;
    std::string *m_out = nullptr;
    NodeId m_nextId = 1;
};

} // namespace quorum::raft::testing
