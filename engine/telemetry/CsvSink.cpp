#include "engine/telemetry/CsvSink.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <unordered_map>

namespace quorum::telemetry {

namespace {

constexpr const char *kEol = "\r\n";

std::string number(double value)
{
    char buffer[512];  // the longest fixed-notation double is 309 digits before the point
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buffer, end) : std::string("nan");
}

std::string number(std::uint64_t value)
{
    return std::to_string(value);
}

std::string number(int value)
{
    return std::to_string(value);
}

std::string flag(bool value)
{
    return value ? "1" : "0";
}

void writeRow(std::ostream &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out << ',';
        out << csvField(fields[i]);
    }
    out << kEol;
}

} // namespace

std::string formatSeconds(Micros time)
{
    const bool negative = time < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(time + 1)) + 1 : static_cast<std::uint64_t>(time);
    std::string fraction = std::to_string(magnitude % 1000000);
    fraction.insert(0, 6 - fraction.size(), '0');
    return (negative ? "-" : "") + std::to_string(magnitude / 1000000) + "." + fraction;
}

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::vector<std::pair<std::string, std::string>> sampleCells(const Sample &s)
{
    std::vector<std::pair<std::string, std::string>> cells;
    auto add = [&cells](std::string name, std::string value) { cells.emplace_back(std::move(name), std::move(value)); };
    add("time_s", formatSeconds(s.time));
    add("quorum_voters_up", number(s.quorum.votersUp));
    add("quorum_voters_total", number(s.quorum.votersTotal));
    add("quorum_needed", number(s.quorum.needed));
    add("writes_available", flag(s.quorum.writesAvailable));
    add("write_p50_ms", number(s.writeLatency.p50));
    add("write_p99_ms", number(s.writeLatency.p99));
    add("nodes_ready", number(s.nodes.ready));
    add("nodes_not_ready", number(s.nodes.notReady));
    add("nodes_unknown", number(s.nodes.unknown));
    add("nodes_total", number(s.nodes.total));
    for (std::size_t p = 0; p < kPodPhaseCount; ++p)
        add(std::string("pods_") + toString(static_cast<PodPhase>(p)), number(s.pods.byPhase[p]));
    add("client_requests", number(s.clients.requests));
    add("client_successes", number(s.clients.successes));
    add("client_failures", number(s.clients.failures));
    add("client_success_rate", number(s.clients.successRate));
    add("client_p50_ms", number(s.clients.latency.p50));
    add("client_p99_ms", number(s.clients.latency.p99));
    for (const RaftMemberSample &m : s.raft) {
        const std::string prefix = "raft." + m.name + ".";
        add(prefix + "up", flag(m.up));
        add(prefix + "role", toString(m.role));
        add(prefix + "term", number(m.term));
        add(prefix + "commit", number(m.commit));
        add(prefix + "applied", number(m.applied));
        add(prefix + "leader", m.leaderName);
    }
    for (const auto &[lease, holder] : s.leaseHolders)
        add("lease." + lease, holder);
    for (const auto &[name, w] : s.workloads) {
        add("workload." + name + ".running", number(w.running));
        add("workload." + name + ".ready", number(w.ready));
        add("workload." + name + ".desired", number(w.desired));
    }
    for (const auto &[name, lb] : s.loadBalancers) {
        add("lb." + name + ".healthy", number(lb.healthyBackends));
        add("lb." + name + ".total", number(lb.totalBackends));
    }
    for (const auto &[backend, count] : s.backendRequests)
        add("backend." + backend + ".requests", number(count));
    return cells;
}

CsvSink::CsvSink(std::ostream *events, std::ostream *samples) : m_events(events), m_samples(samples) {}

CsvSink::~CsvSink()
{
    flush();
}

Opened<CsvSink> CsvSink::open(const std::string &eventsPath, const std::string &samplesPath)
{
    Opened<CsvSink> result;
    std::vector<std::unique_ptr<std::ostream>> owned;
    std::ostream *streams[2] = {nullptr, nullptr};
    const std::string *paths[2] = {&eventsPath, &samplesPath};
    for (int i = 0; i < 2; ++i) {
        if (paths[i]->empty())
            continue;
        auto file = std::make_unique<std::ofstream>(*paths[i], std::ios::binary | std::ios::trunc);
        if (!*file) {
            result.error = *paths[i] + ": cannot create the file (missing folder, or no permission to write)";
            return result;
        }
        streams[i] = file.get();
        owned.push_back(std::move(file));
    }
    result.value = std::make_unique<CsvSink>(streams[0], streams[1]);
    result.value->m_owned = std::move(owned);
    return result;
}

void CsvSink::onEvent(const Event &e)
{
    if (!m_events)
        return;
    if (!m_eventsHeaderWritten) {
        *m_events << kEventsHeader << kEol;
        m_eventsHeaderWritten = true;
    }
    writeRow(*m_events, {formatSeconds(e.time), toString(e.kind), toString(e.type), e.object, e.reason, e.message});
}

void CsvSink::onSample(const Sample &sample)
{
    if (!m_samples)
        return;
    auto cells = sampleCells(sample);
    if (m_columns.empty()) {
        for (const auto &cell : cells)
            m_columns.push_back(cell.first);
        writeRow(*m_samples, m_columns);
    }
    std::unordered_map<std::string, std::string> byName;
    byName.reserve(cells.size());
    for (auto &cell : cells)
        byName.emplace(std::move(cell.first), std::move(cell.second));
    std::vector<std::string> row;
    row.reserve(m_columns.size());
    for (const std::string &column : m_columns) {
        auto it = byName.find(column);
        if (it == byName.end()) {
            row.emplace_back();
            continue;
        }
        row.push_back(std::move(it->second));
        byName.erase(it);
    }
    m_droppedCells += byName.size();
    writeRow(*m_samples, row);
}

void CsvSink::flush()
{
    if (m_events)
        m_events->flush();
    if (m_samples)
        m_samples->flush();
}

bool CsvSink::good() const
{
    return (!m_events || m_events->good()) && (!m_samples || m_samples->good());
}

} // namespace quorum::telemetry
