#pragma once

// A linearizability checker for key-value histories, after Wing & Gong with Lowe's memoization
// (the algorithm behind Porcupine and Knossos). Qt-free so soak programs can use it too.
//
// A history is a list of client operations with the virtual times they were invoked and
// answered. An operation whose answer never came (timeout, crash) may or may not have taken
// effect: give it `returned = false` and it may be placed anywhere after its call.
// Keys are independent (linearizability is compositional), so each key is checked alone.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quorum::testing {

enum class KvOpKind { Put, Get, Delete, Cas };

struct KvOp {
    int client = 0;
    KvOpKind kind = KvOpKind::Get;
    std::string key;
    std::string value;                   ///< Put: value written; Cas: new value
    std::optional<std::string> expected; ///< Cas: value compared against (nullopt: key absent)
    std::int64_t callTime = 0;           ///< when the client sent it
    std::int64_t returnTime = 0;         ///< when the client got the answer (ignored unless returned)
    bool returned = true;                ///< false: outcome unknown (timed out)
    std::optional<std::string> output;   ///< Get: value read (nullopt: absent)
    bool succeeded = true;               ///< Cas: whether it swapped
};

struct LinearizabilityResult {
    bool linearizable = true;
    std::string failedKey;          ///< the first key whose history is not linearizable
    std::size_t operations = 0;     ///< operations checked (gets without answers are dropped)
    std::size_t statesExplored = 0; ///< search effort, for reports
    bool gaveUp = false;            ///< the search budget ran out: no verdict for failedKey
    /// A readable account of the failing key's history, for test output.
    std::string explanation;
};

/// Checks the history against a single-register-per-key model.
/// @param maxStatesPerKey search budget per key; exceeding it sets gaveUp (never silently passes).
LinearizabilityResult checkLinearizable(const std::vector<KvOp> &history, std::size_t maxStatesPerKey = 5'000'000);

/// "c1 put k=v [10,12]" style description of one operation.
std::string describeOp(const KvOp &op);

} // namespace quorum::testing
