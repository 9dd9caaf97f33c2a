#pragma once

// HA findings: rules that check a design and explain themselves with numbers.

#include "engine/model/Topology.h"

#include <string>
#include <vector>

namespace quorum::model {

enum class Severity { Error, Warning, Info };
const char *toString(Severity v);

/// The translation context of finding templates (lupdate takes it from the class in Rules.cpp).
inline constexpr const char *kFindingsTranslationContext = "quorum::model::FindingsChecker";

/// One finding. The message is kept as an English template with Qt-style placeholders
/// (%1, %2, ...) and its arguments, so the UI can translate the template (translation
/// context kFindingsTranslationContext) and the engine can still print English.
struct Finding {
    Severity severity = Severity::Info;
    std::string rule;          ///< stable rule id, e.g. "etcd-quorum"
    ElementId element;         ///< what the finding points at
    const char *format = "";   ///< English template, a string literal marked for translation
    std::vector<std::string> args;

    /// The English message: format with %1..%9 replaced by args.
    std::string message() const;
    /// "error node/cp-1: message" — the line quorumctl validate prints.
    std::string toLine() const;
};

/// Runs every rule over the design. Findings come sorted by severity (errors first), then by
/// the order of the rules and elements. Pure function; safe to call from any thread.
std::vector<Finding> checkTopology(const Topology &topology);

/// Counts of findings by severity.
struct FindingCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};
FindingCounts countFindings(const std::vector<Finding> &findings);

/// Raft quorum arithmetic: the majority of n voters, and how many of them may fail.
constexpr int quorumOf(int members) { return members / 2 + 1; }
constexpr int failuresTolerated(int members) { return members <= 0 ? 0 : (members - 1) / 2; }

} // namespace quorum::model
