#pragma once

// Short, stable text forms of raft values, in the style of etcd-io/raft's describe helpers:
// golden traces, quorumctl timelines and log lines all use these, so a change here changes
// every golden file (which is the point: the diff gets reviewed).

#include "engine/raft/Types.h"

#include <string>
#include <vector>

namespace quorum::raft {

struct Ready;

/// `2/5 EntryNormal "data"` or `2/6 EntryConfChange add-voter 4`.
std::string describeEntry(const Entry &e);
/// `[2/5 EntryNormal "a", 2/6 EntryNormal "b"]`.
std::string describeEntries(const std::vector<Entry> &entries);
/// `1->2 MsgApp Term:2 Log:1/4 Commit:4 Entries:[2/5 EntryNormal "a"]`.
std::string describeMessage(const Message &m);
/// `Term:2 Vote:1 Commit:5`.
std::string describeHardState(const HardState &hs);
/// `voters=(1 2 3) learners=(4)`.
std::string describeConfState(const ConfState &cs);
/// `Index:11 Term:2 ConfState:voters=(1 2 3) learners=()`.
std::string describeSnapshot(const Snapshot &s);
/// The Ready as indented lines (each line prefixed with `indent`), ending with a newline.
std::string describeReady(const Ready &rd, const std::string &indent);

} // namespace quorum::raft
