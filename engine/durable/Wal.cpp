#include "engine/durable/Wal.h"

#include "engine/durable/Text.h"

#include <algorithm>
#include <map>

namespace quorum::durable {

using text::cat;

namespace {

/// "<path> at byte <offset>: <what>" — the shape of every recovery refusal.
Status refuse(const std::string &path, std::uint64_t offset, const std::string &what)
{
    return Status::failure(cat("WAL ", path, " at byte ", std::to_string(offset), ": ", what));
}

/// A segment as found on disk during recovery.
struct FoundSegment {
    std::uint64_t seq = 0;
    std::uint64_t firstIndex = 0;
    std::string path;
    std::string bytes;
    wal::SegmentScan scan;
};

} // namespace

Wal::Wal(Disk &disk, std::string dir, WalOptions options)
    : m_disk(disk)
    , m_dir(std::move(dir))
    , m_options(options)
{
}

Wal::~Wal()
{
    if (m_fileOpen)
        (void)m_disk.close(m_file);
}

std::string Wal::pathOf(const Segment &s) const
{
    return joinPath(m_dir, wal::segmentName(s.seq, s.firstIndex));
}

Status Wal::fail(Status s)
{
    if (m_failure.ok() && !s.ok())
        m_failure = s;
    return s;
}

std::vector<std::string> Wal::segmentNames() const
{
    std::vector<std::string> out;
    for (const Segment &s : m_segments)
        out.push_back(wal::segmentName(s.seq, s.firstIndex));
    return out;
}

void Wal::noteSnapshot(const wal::SnapshotPoint &p)
{
    const auto it = std::lower_bound(m_snapshots.begin(), m_snapshots.end(), p);
    if (it == m_snapshots.end() || *it != p)
        m_snapshots.insert(it, p);
    if (m_snapshots.size() > wal::kMaxRestatedSnapshots)
        m_snapshots.erase(m_snapshots.begin());
}

Status Wal::startSegment(const Segment &s, OpenMode mode)
{
    const std::string path = pathOf(s);
    auto file = m_disk.open(path, mode);
    if (!file.ok())
        return file.status();
    m_file = *file;
    m_fileOpen = true;
    wal::SegmentHeader h;
    h.seq = s.seq;
    h.firstIndex = s.firstIndex;
    h.prevCrc = m_lastCrc;
    h.hardState = m_hardState;
    h.snapshots = m_snapshots;
    std::string bytes;
    m_lastCrc = wal::appendRecord(bytes, h);
    if (Status st = m_disk.append(m_file, bytes); !st.ok())
        return st;
    m_segmentBytes = bytes.size();
    return Status::success();
}

Result<Wal::Opened> Wal::create(Disk &disk, const std::string &dir, const WalOptions &options)
{
    Opened o;
    o.wal.reset(new Wal(disk, dir, options));
    o.report.created = true;
    Wal &w = *o.wal;
    if (Status s = createDurableDirectory(disk, dir); !s.ok())
        return s;
    const Segment first{1, 1};
    w.m_segments.push_back(first);
    if (Status s = w.startSegment(first, OpenMode::CreateNew); !s.ok())
        return s;
    if (Status s = disk.sync(w.m_file); !s.ok())
        return s;
    if (Status s = disk.syncDirectory(dir); !s.ok())
        return s;
    o.report.segments = 1;
    return o;
}

Result<Wal::Opened> Wal::open(Disk &disk, const std::string &dir, const WalOptions &options)
{
    RAFT_CHECK(options.segmentBytes > 0, "WAL segment size must be positive");
    auto present = disk.exists(dir);
    if (!present.ok())
        return present.status();
    if (!*present)
        return create(disk, dir, options);
    auto names = disk.list(dir);
    if (!names.ok())
        return names.status();

    // 1. Find the segments; ignore anything else.
    std::vector<std::string> warnings;
    std::map<std::uint64_t, FoundSegment> bySeq;
    for (const std::string &name : *names) {
        const std::string path = joinPath(dir, name);
        const auto parsed = wal::parseSegmentName(name);
        if (!parsed) {
            warnings.push_back(cat("ignored ", path, ": not a WAL segment name"));
            continue;
        }
        FoundSegment &f = bySeq[parsed->first];
        if (!f.path.empty())
            return refuse(path, 0, cat("two segments with sequence number ", std::to_string(parsed->first), " (also ",
                                       f.path, ")"));
        f.seq = parsed->first;
        f.firstIndex = parsed->second;
        f.path = path;
    }
    if (bySeq.empty()) {
        auto created = create(disk, dir, options);
        if (created.ok())
            created->report.warnings = std::move(warnings);
        return created;
    }
    std::vector<FoundSegment> segs;
    for (auto &[seq, f] : bySeq) {
        if (!segs.empty() && seq != segs.back().seq + 1) {
            return refuse(f.path, 0, cat("segment ", std::to_string(segs.back().seq + 1),
                                         " is missing (expected before this one)"));
        }
        segs.push_back(std::move(f));
    }

    // 2. Read and check every segment; decide whether the last one has a torn tail.
    for (FoundSegment &f : segs) {
        auto bytes = disk.readFile(f.path);
        if (!bytes.ok())
            return bytes.status();
        f.bytes = std::move(*bytes);
        f.scan = wal::scanSegment(f.bytes);
    }
    WalReplayer replayer;
    std::uint32_t prevCrc = 0;
    std::size_t records = 0;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        FoundSegment &f = segs[i];
        const bool last = i + 1 == segs.size();
        const wal::SegmentScan &scan = f.scan;
        if (scan.damage) {
            if (!last) {
                return refuse(f.path, scan.validEnd,
                              cat(*scan.damage, "; only the last segment may have a torn tail, so this is corruption"));
            }
            if (scan.intactAfterDamage) {
                return refuse(f.path, scan.validEnd,
                              cat(*scan.damage, ", yet an intact record starts at byte ",
                                  std::to_string(*scan.intactAfterDamage),
                                  ": the log is corrupted in the middle, refusing to cut off the records that follow"));
            }
        }
        if (scan.records.empty()) {
            if (!last)
                return refuse(f.path, 0, "expected a segment header, found an empty segment");
            if (segs.size() == 1 && f.seq != 1)
                return refuse(f.path, 0,
                              "the only segment left has no intact header, and the segments before it are gone");
            continue; // a segment whose creation was torn: its header is rewritten below
        }
        for (std::size_t r = 0; r < scan.records.size(); ++r) {
            const wal::RawRecord &raw = scan.records[r];
            auto rec = wal::decodePayload(raw.type, raw.payload);
            if (!rec.ok())
                return refuse(f.path, raw.offset, rec.error());
            if (r == 0) {
                const auto *h = std::get_if<wal::SegmentHeader>(&*rec);
                if (!h)
                    return refuse(f.path, raw.offset,
                                  cat("expected a segment header, found a ", wal::toString(raw.type), " record"));
                if (h->seq != f.seq || h->firstIndex != f.firstIndex)
                    return refuse(f.path, raw.offset,
                                  cat("the header says segment ", wal::segmentName(h->seq, h->firstIndex),
                                      ", which does not match the file name"));
                if (i > 0 && h->prevCrc != prevCrc)
                    return refuse(f.path, raw.offset,
                                  "the header does not chain to the end of the previous segment (it expects a "
                                  "different last record: the previous segment lost records or was replaced)");
                if (Status s = replayer.beginSegment(*h); !s.ok())
                    return refuse(f.path, raw.offset, s.message());
                continue;
            }
            if (Status s = replayer.apply(*rec); !s.ok())
                return refuse(f.path, raw.offset, s.message());
        }
        records += scan.records.size();
        prevCrc = scan.records.back().crc;
    }

    // 3. Everything checks out: set up the writer, cutting a torn tail off the last segment.
    Opened o;
    o.wal.reset(new Wal(disk, dir, options));
    Wal &w = *o.wal;
    o.report.segments = segs.size();
    o.report.records = records;
    o.report.warnings = std::move(warnings);
    for (const FoundSegment &f : segs)
        w.m_segments.push_back(Segment{f.seq, f.firstIndex});
    const WalState &st = replayer.state();
    w.m_hardState = st.hardState;
    for (const wal::SnapshotPoint &p : st.snapshots)
        w.noteSnapshot(p);
    w.m_lastIndex = st.lastIndex();
    w.m_lastCrc = prevCrc;

    const FoundSegment &tail = segs.back();
    const std::uint64_t keep = tail.scan.validEnd;
    if (keep < tail.bytes.size()) {
        o.report.tornTailTruncated = true;
        o.report.tornFile = tail.path;
        o.report.tornOffset = keep;
        o.report.tornBytes = tail.bytes.size() - keep;
        o.report.tornReason = tail.scan.damage.value_or("trailing bytes");
    }
    if (tail.scan.records.empty()) {
        // Even the header was torn: start the segment again, as it would have been written.
        if (segs.size() == 1) {
            // Nothing was ever written to this WAL; it starts from scratch.
            w.m_hardState = {};
            w.m_snapshots.clear();
            w.m_lastIndex = 0;
        }
        auto file = disk.open(tail.path, OpenMode::Existing);
        if (!file.ok())
            return file.status();
        if (Status s = disk.truncate(*file, 0); !s.ok())
            return s;
        (void)disk.close(*file);
        if (Status s = w.startSegment(w.m_segments.back(), OpenMode::Existing); !s.ok())
            return s;
        if (Status s = disk.sync(w.m_file); !s.ok())
            return s;
        if (segs.size() == 1) {
            WalReplayer fresh;
            wal::SegmentHeader h;
            h.seq = tail.seq;
            h.firstIndex = tail.firstIndex;
            if (Status s = fresh.beginSegment(h); !s.ok())
                return s;
            replayer = std::move(fresh);
        }
    } else {
        auto file = disk.open(tail.path, OpenMode::Existing);
        if (!file.ok())
            return file.status();
        w.m_file = *file;
        w.m_fileOpen = true;
        w.m_segmentBytes = keep;
        if (o.report.tornTailTruncated) {
            if (Status s = disk.truncate(w.m_file, keep); !s.ok())
                return s;
            if (Status s = disk.sync(w.m_file); !s.ok())
                return s;
        }
    }
    o.state = replayer.take();
    return o;
}

Status Wal::write(const std::vector<wal::Record> &records)
{
    if (!m_failure.ok())
        return m_failure;
    std::string buf;
    for (const wal::Record &r : records) {
        if (m_segmentBytes + buf.size() >= m_options.segmentBytes) {
            if (!buf.empty()) {
                if (Status s = m_disk.append(m_file, buf); !s.ok())
                    return fail(s);
                m_segmentBytes += buf.size();
                buf.clear();
            }
            if (Status s = cut(); !s.ok())
                return fail(s);
        }
        m_lastCrc = wal::appendRecord(buf, r);
        if (const auto *e = std::get_if<raft::Entry>(&r)) {
            m_lastIndex = e->index;
        } else if (const auto *hs = std::get_if<raft::HardState>(&r)) {
            m_hardState = *hs;
        } else if (const auto *snap = std::get_if<wal::SnapshotRecord>(&r)) {
            m_hardState = snap->hardState;
            noteSnapshot(snap->point);
            // Too high is safe for the name of the next segment; too low is not (see releaseTo).
            m_lastIndex = std::max(m_lastIndex, snap->point.index);
        }
    }
    if (!buf.empty()) {
        if (Status s = m_disk.append(m_file, buf); !s.ok())
            return fail(s);
        m_segmentBytes += buf.size();
    }
    return Status::success();
}

Status Wal::cut()
{
    // The full segment must be durable before anything lands in the next one: a crash may then
    // only damage the last segment, which recovery can repair.
    if (Status s = m_disk.sync(m_file); !s.ok())
        return s;
    (void)m_disk.close(m_file);
    m_fileOpen = false;
    const Segment next{m_segments.back().seq + 1, m_lastIndex + 1};
    m_segments.push_back(next);
    if (Status s = startSegment(next, OpenMode::CreateNew); !s.ok())
        return s;
    m_directoryDirty = true;
    return Status::success();
}

Status Wal::appendEntries(const std::vector<raft::Entry> &entries)
{
    if (entries.empty())
        return m_failure;
    std::vector<wal::Record> records;
    records.reserve(entries.size());
    for (const raft::Entry &e : entries)
        records.emplace_back(e);
    return write(records);
}

Status Wal::appendHardState(const raft::HardState &hs)
{
    return write({wal::Record{hs}});
}

Status Wal::appendSnapshot(const wal::SnapshotPoint &point, const raft::HardState &hs)
{
    RAFT_CHECK(hs.commit >= point.index,
               "snapshot at " << point.index << " recorded with a hard state committed only to " << hs.commit);
    return write({wal::Record{wal::SnapshotRecord{point, hs}}});
}

Status Wal::sync()
{
    if (!m_failure.ok())
        return m_failure;
    if (Status s = m_disk.sync(m_file); !s.ok())
        return fail(s);
    if (m_directoryDirty) {
        if (Status s = m_disk.syncDirectory(m_dir); !s.ok())
            return fail(s);
        m_directoryDirty = false;
    }
    return Status::success();
}

Status Wal::releaseTo(std::uint64_t index)
{
    if (!m_failure.ok())
        return m_failure;
    m_releasedTo = std::max(m_releasedTo, index);
    std::erase_if(m_snapshots, [&](const wal::SnapshotPoint &p) { return p.index < m_releasedTo; });
    // Segment k holds only entries up to segment k+1's firstIndex - 1 (the live log's last index
    // when k+1 was started; later overwrites land in k+1 or after). Oldest first, so a crash in
    // the middle leaves a contiguous run of segments.
    std::size_t releasable = 0;
    while (releasable + 1 < m_segments.size() && m_segments[releasable + 1].firstIndex - 1 <= index)
        ++releasable;
    if (releasable == 0)
        return Status::success();
    // The segment being written must be durable (its header above all) before older ones go:
    // recovery can only repair a torn last segment when the state before it is still on disk.
    if (Status s = sync(); !s.ok())
        return s;
    std::size_t removed = 0;
    while (removed < releasable) {
        if (Status s = m_disk.remove(pathOf(m_segments[removed])); !s.ok())
            return fail(s);
        ++removed;
    }
    m_segments.erase(m_segments.begin(), m_segments.begin() + static_cast<std::ptrdiff_t>(removed));
    if (Status s = m_disk.syncDirectory(m_dir); !s.ok())
        return fail(s);
    return Status::success();
}

} // namespace quorum::durable
