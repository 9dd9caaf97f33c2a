// bench_wal: appends + fsync per second of the WAL on PosixDisk (a program, not a test).
//
//     bench_wal [--dir /tmp] [--seconds 1] [--runs 5]
//
// For batches of 1 and 64 entries of 256 bytes, each run appends batch after batch to a fresh WAL
// in a new directory under --dir, syncing after every batch (as a Ready with mustSync does), for
// --seconds. Prints the median over --runs runs of entries/s and fsyncs/s, and the median sync
// latency. The numbers depend on the file system and the device, not only on this code.

#include "engine/durable/PosixDisk.h"
#include "engine/durable/Wal.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace quorum;
using namespace quorum::durable;
using Clock = std::chrono::steady_clock;

namespace {

struct RunResult {
    double entriesPerSecond = 0;
    double syncsPerSecond = 0;
    double medianSyncMicros = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

RunResult runOnce(const std::string &base, int batch, double seconds)
{
    std::string templ = base;
    templ += "/bench_wal.XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) {
        std::perror("mkdtemp");
        std::exit(1);
    }
    const std::string dir = buf.data();
    RunResult result;
    {
        PosixDisk disk(dir);
        auto opened = Wal::open(disk, "wal");
        if (!opened.ok()) {
            std::fprintf(stderr, "%s\n", opened.error().c_str());
            std::exit(1);
        }
        Wal &wal = *opened->wal;
        std::uint64_t index = 1;
        std::uint64_t syncs = 0;
        std::vector<double> syncMicros;
        std::vector<raft::Entry> entries(static_cast<std::size_t>(batch));
        const auto start = Clock::now();
        const auto deadline = start + std::chrono::duration<double>(seconds);
        while (Clock::now() < deadline) {
            for (raft::Entry &e : entries) {
                e = raft::Entry{1, index++, raft::EntryType::Normal, std::string(256, static_cast<char>('a' + index % 26))};
            }
            if (Status s = wal.appendEntries(entries); !s.ok()) {
                std::fprintf(stderr, "%s\n", s.message().c_str());
                std::exit(1);
            }
            const auto before = Clock::now();
            if (Status s = wal.sync(); !s.ok()) {
                std::fprintf(stderr, "%s\n", s.message().c_str());
                std::exit(1);
            }
            syncMicros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - before).count());
            ++syncs;
        }
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        result.entriesPerSecond = static_cast<double>(index - 1) / elapsed;
        result.syncsPerSecond = static_cast<double>(syncs) / elapsed;
        result.medianSyncMicros = median(syncMicros);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    std::string base = "/tmp";
    double seconds = 1.0;
    int runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--dir") == 0)
            base = argv[i + 1];
        else if (std::strcmp(argv[i], "--seconds") == 0)
            seconds = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: bench_wal [--dir /tmp] [--seconds 1] [--runs 5]\n");
            return 2;
        }
    }
    std::printf("WAL on PosixDisk in %s: 256-byte entries, fsync after every batch, median of %d runs of %.1f s\n",
                base.c_str(), runs, seconds);
    std::printf("%6s %14s %12s %16s\n", "batch", "entries/s", "fsyncs/s", "fsync p50 (us)");
    for (int batch : {1, 64}) {
        std::vector<double> eps;
        std::vector<double> sps;
        std::vector<double> lat;
        for (int r = 0; r < runs; ++r) {
            const RunResult res = runOnce(base, batch, seconds);
            eps.push_back(res.entriesPerSecond);
            sps.push_back(res.syncsPerSecond);
            lat.push_back(res.medianSyncMicros);
        }
        std::printf("%6d %14.0f %12.0f %16.1f\n", batch, median(eps), median(sps), median(lat));
    }
    return 0;
}
