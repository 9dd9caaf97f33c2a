#include "tests/engine/raft/ScriptRunner.h"

#include "engine/raft/Describe.h"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace quorum::raft::testing {

namespace {

/// Thrown only inside this file for a malformed argument; caught per command and turned into
/// "line N: ..." (the script is test input, so a message beats an abort).
struct ScriptError {
    std::string message;
};

std::uint64_t toNumber(const std::string &text, const char *what)
{
    std::uint64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size())
        throw ScriptError{std::string(what) + ": '" + text + "' is not a number"};
    return v;
}

bool toBool(const std::string &text, const char *what)
{
    if (text == "true")
        return true;
    if (text == "false")
        return false;
    throw ScriptError{std::string(what) + ": '" + text + "' is not true or false"};
}

/// "(1,2,3)" or "1,2,3" -> {1, 2, 3}
std::vector<NodeId> toIdList(std::string text, const char *what)
{
    if (!text.empty() && text.front() == '(' && text.back() == ')')
        text = text.substr(1, text.size() - 2);
    std::vector<NodeId> out;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty())
            out.push_back(toNumber(item, what));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<NodeId> positionalIds(const std::vector<std::string> &pos, std::size_t from = 0)
{
    std::vector<NodeId> out;
    for (std::size_t i = from; i < pos.size(); ++i)
        out.push_back(toNumber(pos[i], "node id"));
    return out;
}

NodeId requireId(const std::vector<std::string> &pos, std::size_t i)
{
    if (i >= pos.size())
        throw ScriptError{"missing node id"};
    return toNumber(pos[i], "node id");
}

} // namespace

ScriptRunner::ScriptRunner(std::uint64_t seed)
    : m_cluster(seed)
{
}

void ScriptRunner::print(const std::string &line)
{
    *m_out += line + "\n";
}

bool ScriptRunner::run(const std::string &script, std::string *trace, std::string *error)
{
    std::istringstream in(script);
    int lineNo = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNo;
        if (line.empty())
            continue;
        if (line[0] == '#') {
            *trace += line + "\n";
            continue;
        }
        std::istringstream words(line);
        std::string command;
        words >> command;
        Args args;
        for (std::string w; words >> w;) {
            const auto eq = w.find('=');
            if (eq != std::string::npos && eq > 0)
                args.named[w.substr(0, eq)] = w.substr(eq + 1);
            else
                args.positional.push_back(w);
        }
        *trace += line + "\n----\n";
        std::string out;
        m_out = &out;
        m_cluster.setTrace(&out, TraceLevel::Full);
        std::string why;
        bool ok = false;
        try {
            ok = execute(command, args, &why);
        } catch (const ScriptError &e) {
            why = e.message;
        }
        m_cluster.checkSafety();
        m_cluster.setTrace(nullptr, TraceLevel::None);
        *trace += out.empty() ? "ok\n" : out;
        *trace += "\n";
        if (!ok) {
            *error = "line " + std::to_string(lineNo) + " (" + line + "): " + why;
            return false;
        }
        if (!m_cluster.safety().ok()) {
            *error = "line " + std::to_string(lineNo) + " (" + line + "): " + m_cluster.safety().violations().front();
            return false;
        }
    }
    return true;
}

bool ScriptRunner::addNodes(const Args &args, std::string *error)
{
    if (args.positional.empty()) {
        *error = "add-nodes needs a count";
        return false;
    }
    const std::uint64_t count = toNumber(args.positional[0], "count");
    ConfState cs;
    const bool bootstrap = args.named.count("voters") != 0;
    if (bootstrap)
        cs.voters = toIdList(args.named.at("voters"), "voters");
    if (args.named.count("learners"))
        cs.learners = toIdList(args.named.at("learners"), "learners");
    const std::uint64_t index = args.named.count("index") ? toNumber(args.named.at("index"), "index") : 1;
    Config base;
    for (const auto &[key, value] : args.named) {
        if (key == "voters" || key == "learners" || key == "index")
            continue;
        if (key == "prevote")
            base.preVote = toBool(value, "prevote");
        else if (key == "checkquorum")
            base.checkQuorum = toBool(value, "checkquorum");
        else if (key == "max-size-per-msg")
            base.maxSizePerMsg = toNumber(value, "max-size-per-msg");
        else if (key == "max-inflight")
            base.maxInflightMsgs = toNumber(value, "max-inflight");
        else if (key == "max-committed-size")
            base.maxCommittedSizePerReady = toNumber(value, "max-committed-size");
        else if (key == "forwarding")
            base.disableProposalForwarding = !toBool(value, "forwarding");
        else if (key == "election-tick")
            base.electionTick = static_cast<int>(toNumber(value, "election-tick"));
        else if (key == "heartbeat-tick")
            base.heartbeatTick = static_cast<int>(toNumber(value, "heartbeat-tick"));
        else {
            *error = "unknown add-nodes option '" + key + "'";
            return false;
        }
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        Config c = base;
        c.id = m_nextId++;
        m_cluster.addMember(c, bootstrap ? &cs : nullptr, index);
    }
    return true;
}

bool ScriptRunner::execute(const std::string &command, const Args &args, std::string *error)
{
    const auto &pos = args.positional;
    auto up = [this](NodeId id) {
        if (!m_cluster.has(id))
            throw ScriptError{"no member " + std::to_string(id)};
        if (!m_cluster.isUp(id))
            throw ScriptError{"member " + std::to_string(id) + " is down"};
        return std::ref(m_cluster.node(id));
    };
    auto reportResult = [this](const char *what, ProposeResult r) {
        if (r != ProposeResult::Ok)
            print(std::string(what) + ": " + toString(r));
    };
    if (command == "add-nodes")
        return addNodes(args, error);
    if (command == "campaign") {
        up(requireId(pos, 0)).get().campaign();
    } else if (command == "propose") {
        if (pos.size() < 2)
            throw ScriptError{"propose ID DATA"};
        reportResult("propose", up(requireId(pos, 0)).get().propose(pos[1]));
    } else if (command == "propose-conf-change") {
        ConfChange cc;
        if (args.named.count("add")) {
            cc.nodeId = toNumber(args.named.at("add"), "add");
            const bool learner = pos.size() > 1 && pos[1] == "learner";
            cc.type = learner ? ConfChangeType::AddLearner : ConfChangeType::AddVoter;
        } else if (args.named.count("remove")) {
            cc.nodeId = toNumber(args.named.at("remove"), "remove");
            cc.type = ConfChangeType::RemoveNode;
        } else {
            throw ScriptError{"propose-conf-change ID add=X [learner] | remove=X"};
        }
        reportResult("propose-conf-change", up(requireId(pos, 0)).get().proposeConfChange(cc));
    } else if (command == "tick" || command == "tick-election" || command == "tick-heartbeat") {
        for (NodeId id : positionalIds(pos)) {
            RawNode &n = up(id).get();
            const Config &c = m_cluster.member(id).config;
            std::uint64_t times = 1;
            if (command == "tick-election")
                times = static_cast<std::uint64_t>(c.electionTick);
            else if (command == "tick-heartbeat")
                times = static_cast<std::uint64_t>(c.heartbeatTick);
            else if (args.named.count("n"))
                times = toNumber(args.named.at("n"), "n");
            for (std::uint64_t i = 0; i < times; ++i)
                n.tick();
        }
    } else if (command == "run") {
        if (pos.empty())
            throw ScriptError{"run TICKS"};
        runTicks(static_cast<int>(toNumber(pos[0], "ticks")));
    } else if (command == "process-ready") {
        for (NodeId id : positionalIds(pos)) {
            up(id);
            m_cluster.processReady(id);
        }
    } else if (command == "deliver-msgs") {
        if (args.named.count("drop")) {
            for (NodeId id : toIdList(args.named.at("drop"), "drop"))
                m_cluster.dropTo(id);
        }
        std::vector<NodeId> to = positionalIds(pos);
        if (to.empty() && !args.named.count("drop"))
            to = m_cluster.ids();
        for (NodeId id : to)
            m_cluster.deliverTo(id);
    } else if (command == "stabilize") {
        stabilize(positionalIds(pos));
    } else if (command == "partition") {
        std::vector<std::set<NodeId>> groups(1);
        for (const std::string &p : pos) {
            if (p == "|")
                groups.emplace_back();
            else
                groups.back().insert(toNumber(p, "node id"));
        }
        m_cluster.partition(groups);
    } else if (command == "isolate") {
        m_cluster.isolate(requireId(pos, 0));
    } else if (command == "heal") {
        m_cluster.heal();
    } else if (command == "crash") {
        up(requireId(pos, 0));
        m_cluster.crash(requireId(pos, 0));
    } else if (command == "restart") {
        m_cluster.restart(requireId(pos, 0));
    } else if (command == "report-unreachable") {
        up(requireId(pos, 0)).get().reportUnreachable(requireId(pos, 1));
    } else if (command == "compact") {
        if (pos.size() < 2)
            throw ScriptError{"compact ID INDEX"};
        std::string why;
        if (!m_cluster.compact(requireId(pos, 0), toNumber(pos[1], "index"), &why)) {
            *error = "compact: " + why;
            return false;
        }
        print("compacted " + pos[0] + " up to " + pos[1] + "; first index " +
              std::to_string(m_cluster.member(requireId(pos, 0)).storage->firstIndex()));
    } else if (command == "transfer-leadership") {
        if (!args.named.count("to"))
            throw ScriptError{"transfer-leadership ID to=T"};
        up(requireId(pos, 0)).get().transferLeadership(toNumber(args.named.at("to"), "to"));
    } else if (command == "read-index") {
        if (pos.size() < 2)
            throw ScriptError{"read-index ID CTX"};
        reportResult("read-index", up(requireId(pos, 0)).get().readIndex(pos[1]));
    } else if (command == "status") {
        printStatus(requireId(pos, 0));
    } else if (command == "raft-state") {
        printRaftState();
    } else if (command == "raft-log") {
        printRaftLog(requireId(pos, 0));
    } else if (command == "log-level") {
        const std::string level = pos.empty() ? "" : pos[0];
        if (level == "debug")
            m_cluster.setLogLevel(LogLevel::Debug);
        else if (level == "info")
            m_cluster.setLogLevel(LogLevel::Info);
        else if (level == "warn")
            m_cluster.setLogLevel(LogLevel::Warning);
        else if (level == "none")
            m_cluster.setLogLevel(static_cast<LogLevel>(static_cast<int>(LogLevel::Warning) + 1));
        else
            throw ScriptError{"log-level debug|info|warn|none"};
    } else {
        *error = "unknown command '" + command + "'";
        return false;
    }
    return true;
}

void ScriptRunner::runTicks(int rounds)
{
    std::string *out = m_cluster.trace();
    m_cluster.setTrace(out, TraceLevel::LogsOnly);
    for (int round = 1; round <= rounds; ++round) {
        m_cluster.setTracePrefix("tick " + std::to_string(round) + ": ");
        for (NodeId id : m_cluster.upIds())
            m_cluster.node(id).tick();
        m_cluster.checkSafety();
        if (!m_cluster.stabilize())
            throw ScriptError{"the cluster did not settle after tick " + std::to_string(round)};
    }
    m_cluster.setTracePrefix("");
    m_cluster.setTrace(out, TraceLevel::Full);
}

void ScriptRunner::stabilize(const std::vector<NodeId> &only)
{
    if (only.empty()) {
        if (!m_cluster.stabilize())
            throw ScriptError{"the cluster did not settle"};
        return;
    }
    for (int round = 0; round < 1000; ++round) {
        bool any = false;
        for (NodeId id : only)
            any = m_cluster.processReady(id) || any;
        m_cluster.checkSafety();
        for (NodeId id : only)
            any = m_cluster.deliverTo(id) > 0 || any;
        m_cluster.checkSafety();
        if (!any)
            return;
    }
    throw ScriptError{"the members did not settle"};
}

void ScriptRunner::printStatus(NodeId id)
{
    if (!m_cluster.isUp(id)) {
        print(std::to_string(id) + ": down");
        return;
    }
    const Status s = m_cluster.node(id).status();
    print(std::to_string(id) + ": " + toString(s.softState.role) + " term=" + std::to_string(s.hardState.term)
          + " vote=" + std::to_string(s.hardState.vote) + " lead=" + std::to_string(s.softState.lead)
          + " commit=" + std::to_string(s.hardState.commit) + " applied=" + std::to_string(s.applied)
          + " last=" + std::to_string(s.lastIndex) + " " + describeConfState(s.config));
    for (const auto &[peer, pr] : s.progress) {
        std::string line = "  " + std::to_string(peer) + ": " + toString(pr.state) + " match=" + std::to_string(pr.match)
            + " next=" + std::to_string(pr.next);
        if (pr.isLearner)
            line += " learner";
        if (pr.state == ProgressState::Snapshot)
            line += " pendingSnapshot=" + std::to_string(pr.pendingSnapshot);
        if (pr.inflights.count() > 0)
            line += " inflight=" + std::to_string(pr.inflights.count()) + (pr.inflights.full() ? "[full]" : "");
        if (pr.isPaused() && peer != id)
            line += " paused";
        if (peer != id && !pr.recentActive)
            line += " inactive";
        print(line);
    }
}

void ScriptRunner::printRaftState()
{
    for (NodeId id : m_cluster.ids()) {
        if (!m_cluster.isUp(id)) {
            print(std::to_string(id) + ": down");
            continue;
        }
        const Raft &r = m_cluster.node(id).raft();
        const Cluster::Member &m = m_cluster.member(id);
        print(std::to_string(id) + ": " + toString(r.role()) + " term=" + std::to_string(r.term())
              + " lead=" + std::to_string(r.lead()) + " commit=" + std::to_string(r.log().committed())
              + " applied=" + std::to_string(m.appApplied) + " last=" + std::to_string(r.log().lastIndex()));
    }
}

void ScriptRunner::printRaftLog(NodeId id)
{
    if (!m_cluster.isUp(id)) {
        print(std::to_string(id) + ": down");
        return;
    }
    const RaftLog &log = m_cluster.node(id).raft().log();
    const auto snap = m_cluster.member(id).storage->snapshot();
    if (!snap.value.empty())
        print("snapshot " + describeSnapshot(snap.value));
    const auto entries = log.slice(log.firstIndex(), log.lastIndex() + 1, kNoLimit);
    if (entries.value.empty())
        print("log is empty: first index=" + std::to_string(log.firstIndex()) + ", last index="
              + std::to_string(log.lastIndex()));
    for (const Entry &e : entries.value)
        print(describeEntry(e));
}

} // namespace quorum::raft::testing
