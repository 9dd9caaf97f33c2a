// bench_store: apply throughput and range cost of engine/store (a program, not a test).
// Commands are encoded up front; the timed part is KvStore::apply on the bytes (decode,
// checks, MVCC write), i.e. what a member does per committed entry. Medians of 5 runs.

#include "engine/store/Command.h"
#include "engine/store/KvStore.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using namespace quorum::store;

namespace {

constexpr int kRuns = 5;
constexpr int kPuts = 100'000;
constexpr int kKeys = 10'000;

std::string keyOf(int i)
{
    std::string n = std::to_string(i);
    return "/registry/pods/default/pod-" + std::string(n.size() < 6 ? 6 - n.size() : 0, '0') + n;
}

std::string value256(int i)
{
    std::string v(256, 'x');
    for (std::size_t k = 0; k < v.size(); ++k)
        v[k] = static_cast<char>('a' + (static_cast<std::size_t>(i) + k) % 26);
    return v;
}

/// Encoded commands putting kPuts values over kKeys keys, `perTxn` puts per command.
std::vector<std::string> putLog(int perTxn)
{
    std::vector<std::string> log;
    for (int i = 0; i < kPuts; i += perTxn) {
        if (perTxn == 1) {
            log.push_back(encodeCommand(Command{static_cast<std::uint64_t>(i), Put{keyOf(i % kKeys), value256(i), 0, false}}));
            continue;
        }
        Txn t;
        for (int k = i; k < std::min(i + perTxn, kPuts); ++k)
            t.success.push_back(Put{keyOf(k % kKeys), value256(k), 0, false});
        log.push_back(encodeCommand(Command{static_cast<std::uint64_t>(i), t}));
    }
    return log;
}

double seconds(const std::function<void()> &work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void reportRate(const char *name, const std::vector<double> &rates, const char *unit)
{
    std::printf("%-44s median %12.0f %s   (min %.0f, max %.0f)\n", name, median(rates), unit,
                *std::min_element(rates.begin(), rates.end()), *std::max_element(rates.begin(), rates.end()));
}

void benchPuts(const char *name, int perTxn, int watchers)
{
    const std::vector<std::string> log = putLog(perTxn);
    std::vector<double> rates;
    for (int run = 0; run < kRuns; ++run) {
        KvStore store;
        for (int w = 0; w < watchers; ++w)
            store.watch(keyOf(w * (kKeys / std::max(watchers, 1))), "", 0);
        std::uint64_t index = 0;
        const double s = seconds([&] {
            for (const std::string &entry : log) {
                if (!store.apply(++index, entry, 0).ok())
                    std::abort();
            }
        });
        rates.push_back(kPuts / s);
    }
    reportRate(name, rates, "puts/s");
}

void benchRange()
{
    KvStore store;
    std::uint64_t index = 0;
    for (int i = 0; i < kKeys; ++i)
        store.apply(++index, Command{0, Put{keyOf(i), value256(i), 0, false}}, 0);
    for (int i = 0; i < kKeys; i += 2)  // some history: half the keys updated once
        store.apply(++index, Command{0, Put{keyOf(i), value256(i + 1), 0, false}}, 0);
    const std::string prefix = "/registry/pods/";
    struct Case {
        const char *name;
        Range request;
    };
    const std::vector<Case> cases = {
        {"range 10k keys (prefix, latest)", Range{prefix, prefixEnd(prefix), 0, 0, false, false}},
        {"range 10k keys (prefix, historic rev)", Range{prefix, prefixEnd(prefix), kKeys + 1, 0, false, false}},
        {"range 10k keys, count only", Range{prefix, prefixEnd(prefix), 0, 0, true, false}},
        {"range 10k keys, limit 500 (a page)", Range{prefix, prefixEnd(prefix), 0, 500, false, false}},
    };
    for (const Case &c : cases) {
        std::vector<double> micros;
        for (int run = 0; run < kRuns; ++run) {
            constexpr int kReps = 20;
            std::int64_t sink = 0;
            const double s = seconds([&] {
                for (int r = 0; r < kReps; ++r)
                    sink += store.range(c.request).count;
            });
            if (sink != static_cast<std::int64_t>(kKeys) * kReps)
                std::abort();
            micros.push_back(s / kReps * 1e6);
        }
        std::printf("%-44s median %12.0f us/range (min %.0f, max %.0f)\n", c.name, median(micros),
                    *std::min_element(micros.begin(), micros.end()), *std::max_element(micros.begin(), micros.end()));
    }
}

} // namespace

int main()
{
    std::printf("engine/store bench: %d puts of 256-byte values over %d keys, %d runs each\n", kPuts, kKeys, kRuns);
    benchPuts("apply put, 1 op per txn", 1, 0);
    benchPuts("apply txn, 64 puts per txn", 64, 0);
    benchPuts("apply put, 1 op per txn, 100 key watchers", 1, 100);
    benchRange();
    return 0;
}
