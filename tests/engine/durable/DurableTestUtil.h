#pragma once

// Helpers shared by the engine/durable tests.

#include "engine/durable/MemoryDisk.h"
#include "engine/durable/Status.h"
#include "engine/durable/Text.h"
#include "engine/raft/Types.h"

#include <QtTest>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

/// Fails the test with the status message unless `expr` (a Status or a Result) is ok.
#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &qverifyOk_ = (expr);                                                           \
        QVERIFY2(qverifyOk_.ok(), qverifyOk_.ok() ? "" : describeFailure(qverifyOk_).c_str());     \
    } while (false)

inline std::string describeFailure(const quorum::durable::Status &s)
{
    return s.message();
}
template <typename T>
std::string describeFailure(const quorum::durable::Result<T> &r)
{
    return r.error();
}

namespace quorum::durable::testing {

/// One entry with a recognisable payload.
inline raft::Entry entry(std::uint64_t term, std::uint64_t index, std::string data = {})
{
    if (data.empty())
        data = text::cat("e", std::to_string(index), "t", std::to_string(term));
    return raft::Entry{term, index, raft::EntryType::Normal, std::move(data)};
}

/// Entries first, first+1, ... with the given terms.
inline std::vector<raft::Entry> entriesFrom(std::uint64_t first, std::initializer_list<std::uint64_t> terms)
{
    std::vector<raft::Entry> out;
    for (std::uint64_t t : terms)
        out.push_back(entry(t, first++));
    return out;
}

/// `count` entries of term `term` from `first`, each with `size` bytes of data.
inline std::vector<raft::Entry> run(std::uint64_t first, std::uint64_t count, std::uint64_t term, std::size_t size = 40)
{
    std::vector<raft::Entry> out;
    for (std::uint64_t i = 0; i < count; ++i) {
        std::string data = text::cat("i", std::to_string(first + i), "t", std::to_string(term), ":");
        data.resize(std::max(size, data.size()), 'x');
        out.push_back(raft::Entry{term, first + i, raft::EntryType::Normal, std::move(data)});
    }
    return out;
}

/// Every file under `dir` (recursively) with its content: to check that a refusal touched
/// nothing.
inline std::map<std::string, std::string> dumpFiles(Disk &disk, const std::string &dir)
{
    std::map<std::string, std::string> out;
    auto names = disk.list(dir);
    if (!names.ok())
        return out;
    for (const std::string &n : *names) {
        const std::string p = joinPath(dir, n);
        auto content = disk.readFile(p);
        if (content.ok()) {
            out[p] = *content;
        } else {
            for (auto &[k, v] : dumpFiles(disk, p))
                out[k] = v;
        }
    }
    return out;
}

} // namespace quorum::durable::testing
