#pragma once

// CSV export of a run: one file of events, one of samples (RFC 4180: comma-separated, CRLF line
// ends, fields quoted when they hold a comma, a quote, CR or LF, quotes doubled). The sample
// columns are documented in docs/telemetry.md.

#include "engine/telemetry/Sink.h"

#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace quorum::telemetry {

/// Writes events and samples as CSV. Not thread-safe.
///
/// The samples file is wide: the fixed columns, then one group of columns per Raft member,
/// lease, workload, load balancer and backend. The column set is fixed by the first sample
/// (names in the first sample's order for Raft members, sorted for the maps); a later sample's
/// names that are not in the header are left out and counted in droppedCells(), and header
/// names a later sample lacks give empty cells.
class CsvSink final : public Sink {
public:
    /// Writes to caller-owned streams (either may be null to skip that file). The streams must
    /// outlive the sink. Headers are written with the first row of each file.
    CsvSink(std::ostream *events, std::ostream *samples);
    /// Creates (truncates) both files. Either path may be empty to skip that file.
    static Opened<CsvSink> open(const std::string &eventsPath, const std::string &samplesPath);
    ~CsvSink() override;

    void onEvent(const Event &event) override;
    void onSample(const Sample &sample) override;
    void flush() override;

    /// Sample cells left out because their column was not in the header.
    std::size_t droppedCells() const { return m_droppedCells; }
    /// False once a write to either stream failed.
    bool good() const;

    static constexpr const char *kEventsHeader = "time_s,kind,type,object,reason,message";

private:
    std::ostream *m_events;
    std::ostream *m_samples;
    std::vector<std::unique_ptr<std::ostream>> m_owned;
    bool m_eventsHeaderWritten = false;
    std::vector<std::string> m_columns;  ///< empty until the first sample
    std::size_t m_droppedCells = 0;
};

/// "60.000000" — microseconds as seconds with six decimals, exact.
std::string formatSeconds(Micros time);
/// One RFC 4180 field: quoted only when it holds a comma, a quote, CR or LF.
std::string csvField(const std::string &text);
/// The sample's cells in canonical column order: (column name, text).
std::vector<std::pair<std::string, std::string>> sampleCells(const Sample &sample);

} // namespace quorum::telemetry
