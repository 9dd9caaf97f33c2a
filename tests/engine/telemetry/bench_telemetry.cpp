// bench_telemetry [--events N] [--samples N] [--batch N] [--repeat R] [--file PATH]
// Measures how fast SqliteRecorder stores events and samples (and how fast SqliteReader reads
// them back). Prints medians over R repetitions; each repetition writes a fresh file.
// A program to run, not a test (TARGETS.md: no timed assertions in the suite).

#include "engine/telemetry/SqliteReader.h"
#include "engine/telemetry/SqliteRecorder.h"
#include "tests/engine/telemetry/TelemetryData.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace quorum::telemetry;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    long events = 200000, samples = 20000, batch = 2000, repeat = 5;
    std::string file = (std::filesystem::temp_directory_path() / "bench_telemetry.qrec").string();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--file") {
            file = argv[i + 1];
            continue;
        }
        const long value = std::strtol(argv[i + 1], nullptr, 10);
        if (flag == "--events")
            events = value;
        else if (flag == "--samples")
            samples = value;
        else if (flag == "--batch")
            batch = value;
        else if (flag == "--repeat")
            repeat = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    std::vector<Event> eventData;
    for (long i = 0; i < 64; ++i)
        eventData.push_back(i % 3 ? testdata::nodeNotReady(0) : testdata::leaderElected(0, i));
    const Sample sample = testdata::fullSample(0, 3);
    std::printf("sample blob: %zu bytes (3 raft members, 2 workloads, 2 leases, 1 LB, 2 backends)\n",
                encodeSample(sample).size());

    std::vector<double> eventRates, sampleRates, readEventRates, readSampleRates;
    for (long r = 0; r < repeat; ++r) {
        std::filesystem::remove(file);
        std::filesystem::remove(file + "-wal");
        std::filesystem::remove(file + "-shm");
        auto opened = SqliteRecorder::open(file, RunInfo{0, "bench", "bench", 1, ""},
                                           SqliteRecorder::Options{static_cast<std::size_t>(batch)});
        if (!opened.ok()) {
            std::fprintf(stderr, "%s\n", opened.error.c_str());
            return 1;
        }
        SqliteRecorder &rec = *opened.value;
        auto start = std::chrono::steady_clock::now();
        for (long i = 0; i < events; ++i) {
            Event e = eventData[static_cast<std::size_t>(i % 64)];
            e.time = i * 10;
            rec.onEvent(e);
        }
        rec.flush();
        eventRates.push_back(static_cast<double>(events) / secondsSince(start));
        start = std::chrono::steady_clock::now();
        Sample s = sample;
        for (long i = 0; i < samples; ++i) {
            s.time = i * kSecond;
            rec.onSample(s);
        }
        rec.flush();
        sampleRates.push_back(static_cast<double>(samples) / secondsSince(start));
        if (!rec.error().empty()) {
            std::fprintf(stderr, "%s\n", rec.error().c_str());
            return 1;
        }
        auto reader = SqliteReader::open(file);
        start = std::chrono::steady_clock::now();
        const auto readEvents = reader.value->events(rec.runId(), 0, events * 10).rows.size();
        readEventRates.push_back(static_cast<double>(readEvents) / secondsSince(start));
        start = std::chrono::steady_clock::now();
        const auto readSamples = reader.value->samples(rec.runId(), 0, samples * kSecond).rows.size();
        readSampleRates.push_back(static_cast<double>(readSamples) / secondsSince(start));
        if (static_cast<long>(readEvents) != events || static_cast<long>(readSamples) != samples) {
            std::fprintf(stderr, "read back %zu events, %zu samples\n", readEvents, readSamples);
            return 1;
        }
    }
    const auto size = std::filesystem::file_size(file);
    std::printf("events:  %ld per repetition, batch %ld rows, median %.0f events/s written, %.0f read\n", events,
                batch, median(eventRates), median(readEventRates));
    std::printf("samples: %ld per repetition, median %.0f samples/s written, %.0f read\n", samples,
                median(sampleRates), median(readSampleRates));
    std::printf("file: %.1f MiB for %ld events + %ld samples (one repetition; medians over %d)\n",
                static_cast<double>(size) / (1024.0 * 1024.0), events, samples, static_cast<int>(repeat));
    return 0;
}
