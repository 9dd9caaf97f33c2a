#include "engine/durable/DurableStorage.h"

#include "engine/durable/Text.h"

#include <algorithm>
#include <cstdio>

namespace quorum::durable {

using text::cat;

namespace {

/// Whether the replayed log is consistent with a snapshot at `p`: the snapshot reaches the
/// start of the log, and where the log holds entry p.index its term agrees.
bool coversLog(const WalState &st, const wal::SnapshotPoint &p)
{
    if (p.index < st.base || p.index > st.lastIndex())
        return false;
    const auto t = st.term(p.index);
    return !t || *t == p.term;
}

/// Names in a directory, or none if it does not exist.
Result<std::vector<std::string>> namesIn(Disk &disk, const std::string &dir)
{
    auto present = disk.exists(dir);
    if (!present.ok())
        return present.status();
    if (!*present)
        return std::vector<std::string>{};
    return disk.list(dir);
}

std::string pointText(const wal::SnapshotPoint &p)
{
    return cat("index ", std::to_string(p.index), " term ", std::to_string(p.term));
}

} // namespace

std::string RecoveryReport::describe() const
{
    std::string s = wal.created ? "new storage" : cat("recovered ", std::to_string(wal.records), " WAL records from ",
                                                      std::to_string(wal.segments), " segment(s)");
    if (snapshot)
        s += cat(", from the snapshot at ", pointText(*snapshot));
    if (wal.tornTailTruncated)
        s += cat("; cut a torn tail of ", std::to_string(wal.tornBytes), " bytes off ", wal.tornFile, " at byte ",
                 std::to_string(wal.tornOffset), " (", wal.tornReason, ")");
    for (const std::string &w : warnings)
        s += cat("; warning: ", w);
    return s;
}

DurableStorage::DurableStorage(std::unique_ptr<Wal> wal, SnapshotStore snapshots, DurableOptions options)
    : m_wal(std::move(wal))
    , m_snapshots(std::move(snapshots))
    , m_options(options)
{
}

DurableStorage::~DurableStorage()
{
    settle(); // deferred writes use this storage
}

Result<std::unique_ptr<DurableStorage>> DurableStorage::open(Disk &disk, const std::string &dir,
                                                             const DurableOptions &options)
{
    RAFT_CHECK(options.snapshotsToKeep >= 1, "keep at least one snapshot");
    if (Status s = createDurableDirectory(disk, dir); !s.ok())
        return s;
    // Snapshot files without any WAL segment mean the log was lost, not that this is a new member.
    auto snapFiles = namesIn(disk, joinPath(dir, "snap"));
    if (!snapFiles.ok())
        return snapFiles.status();
    auto walFiles = namesIn(disk, joinPath(dir, "wal"));
    if (!walFiles.ok())
        return walFiles.status();
    const bool haveSnapshots = std::any_of(snapFiles->begin(), snapFiles->end(),
                                           [](const std::string &n) { return parseSnapshotFileName(n).has_value(); });
    const bool haveSegments = std::any_of(walFiles->begin(), walFiles->end(),
                                          [](const std::string &n) { return wal::parseSegmentName(n).has_value(); });
    if (haveSnapshots && !haveSegments)
        return Status::failure(cat("storage ", dir, ": ", joinPath(dir, "snap"), " holds snapshots but ",
                                   joinPath(dir, "wal"), " holds no WAL segment: the log is lost"));
    // The WAL first: it refuses corruption before anything else is touched.
    auto opened = Wal::open(disk, joinPath(dir, "wal"), options.wal);
    if (!opened.ok())
        return opened.status();
    auto snaps = SnapshotStore::open(disk, joinPath(dir, "snap"));
    if (!snaps.ok())
        return snaps.status();
    const WalState &st = opened->state;

    // The newest snapshot the WAL vouches for, that reaches the log, whose file verifies.
    auto accept = [&](const wal::SnapshotPoint &p) {
        return std::binary_search(st.snapshots.begin(), st.snapshots.end(), p) && p.index <= st.hardState.commit
               && coversLog(st, p);
    };
    auto files = snaps->list();
    if (!files.ok())
        return files.status();
    RecoveryReport report;
    report.wal = opened->report;
    report.warnings = opened->report.warnings;
    for (const wal::SnapshotPoint &p : *files) {
        if (!accept(p))
            report.warnings.push_back(cat("ignored ", snaps->pathOf(p),
                                          ": the WAL does not vouch for it (a save cut short by a crash, or a "
                                          "snapshot older than the log)"));
    }
    auto loaded = snaps->loadNewest(accept);
    if (!loaded.ok())
        return loaded.status();
    for (std::string &w : loaded->warnings)
        report.warnings.push_back(std::move(w));
    const std::optional<raft::Snapshot> &snap = loaded->snapshot;
    if (!snap && st.base > 0) {
        std::string m = cat("storage ", dir, ": the log starts after index ", std::to_string(st.base),
                            " (older WAL segments were released, or a snapshot was installed) but no usable "
                            "snapshot covers it");
        for (const std::string &w : report.warnings)
            m += cat("; ", w);
        return Status::failure(std::move(m));
    }

    std::unique_ptr<DurableStorage> s(new DurableStorage(std::move(opened->wal), std::move(*snaps), options));
    if (snap) {
        report.snapshot = wal::SnapshotPoint{snap->metadata.index, snap->metadata.term};
        s->m_cache.applySnapshot(raft::Snapshot{snap->metadata, {}});
    }
    const std::uint64_t from = snap ? snap->metadata.index : 0;
    std::vector<raft::Entry> rest;
    for (const raft::Entry &e : st.entries) {
        if (e.index > from)
            rest.push_back(e);
    }
    s->m_cache.append(rest);
    s->m_cache.setHardState(st.hardState);
    const raft::HardState &hs = st.hardState;
    if (!hs.empty() && (hs.commit < from || hs.commit > s->m_cache.lastIndex()))
        return Status::failure(cat("storage ", dir, ": the WAL's hard state commits index ", std::to_string(hs.commit),
                                   " but the recovered log spans [", std::to_string(from), ", ",
                                   std::to_string(s->m_cache.lastIndex()), "]"));
    // Snapshots to keep: the one in use and the older ones the WAL still reaches.
    if (report.snapshot) {
        for (const wal::SnapshotPoint &p : *files) {
            if (p <= *report.snapshot && accept(p) && s->m_retained.size() < options.snapshotsToKeep)
                s->m_retained.insert(s->m_retained.begin(), p);
        }
    }
    s->m_report = std::move(report);
    return s;
}

raft::InitialState DurableStorage::initialState() const
{
    return m_cache.initialState();
}

raft::StorageResult<std::vector<raft::Entry>> DurableStorage::entries(std::uint64_t lo, std::uint64_t hi,
                                                                      std::uint64_t maxSize) const
{
    return m_cache.entries(lo, hi, maxSize);
}

raft::StorageResult<std::uint64_t> DurableStorage::term(std::uint64_t i) const
{
    return m_cache.term(i);
}

std::uint64_t DurableStorage::firstIndex() const
{
    return m_cache.firstIndex();
}

std::uint64_t DurableStorage::lastIndex() const
{
    return m_cache.lastIndex();
}

raft::StorageResult<raft::Snapshot> DurableStorage::snapshot() const
{
    settle();
    auto r = m_cache.snapshot();
    if (!r.ok() || r.value.empty())
        return r;
    const raft::SnapshotMetadata &meta = r.value.metadata;
    auto loaded = m_snapshots.load({meta.index, meta.term});
    if (!loaded.ok()) {
        // The file was synced when the snapshot was made; only damage to the disk since then
        // gets here. Raft retries a temporarily unavailable snapshot later.
        std::fprintf(stderr, "storage: cannot read snapshot %s: %s\n", m_snapshots.pathOf({meta.index, meta.term}).c_str(),
                     loaded.status().message().c_str());
        return {raft::StorageStatus::SnapshotTemporarilyUnavailable, {}};
    }
    return {raft::StorageStatus::Ok, std::move(*loaded)};
}

Status DurableStorage::fail(Status s)
{
    if (m_failure.ok() && !s.ok())
        m_failure = s;
    return s;
}

Status DurableStorage::retain(const wal::SnapshotPoint &newest)
{
    m_retained.push_back(newest);
    std::sort(m_retained.begin(), m_retained.end());
    m_retained.erase(std::unique(m_retained.begin(), m_retained.end()), m_retained.end());
    while (m_retained.size() > m_options.snapshotsToKeep)
        m_retained.erase(m_retained.begin());
    return fail(m_snapshots.retainOnly(m_retained));
}

Status DurableStorage::save(const std::optional<raft::HardState> &hardState, const std::vector<raft::Entry> &entries,
                            const std::optional<raft::Snapshot> &snapshot, bool mustSync)
{
    if (!m_failure.ok())
        return m_failure;
    // Check the preconditions before writing anything (MemoryStorage would abort afterwards).
    const bool newSnapshot = snapshot && snapshot->metadata.index > m_cache.snapshotMetadata().index;
    const std::uint64_t first = newSnapshot ? snapshot->metadata.index + 1 : m_cache.firstIndex();
    const std::uint64_t last = newSnapshot ? snapshot->metadata.index : m_cache.lastIndex();
    std::vector<raft::Entry> kept;
    for (const raft::Entry &e : entries) {
        if (e.index >= first)
            kept.push_back(e);
    }
    RAFT_CHECK(kept.empty() || kept.front().index <= last + 1,
               "append would leave a gap: last index " << last << ", appending at " << kept.front().index);

    if (m_defer && !newSnapshot) {
        // Write-behind: the cache now, the WAL in order on the other thread.
        m_cache.append(kept);
        if (hardState)
            m_cache.setHardState(*hardState);
        return writeBehind([this, kept = std::move(kept), hardState, mustSync]() -> Status {
            Status s = m_wal->appendEntries(kept);
            if (s.ok() && hardState)
                s = m_wal->appendHardState(*hardState);
            if (s.ok() && mustSync)
                s = m_wal->sync();
            return s;
        });
    }
    settle();
    if (newSnapshot) {
        if (Status s = m_snapshots.save(*snapshot); !s.ok())
            return fail(s);
        // The hard state once the snapshot is in place; it commits at least the snapshot.
        raft::HardState hs = hardState.value_or(m_cache.hardState());
        hs.commit = std::max(hs.commit, snapshot->metadata.index);
        if (Status s = m_wal->appendSnapshot({snapshot->metadata.index, snapshot->metadata.term}, hs); !s.ok())
            return fail(s);
    }
    if (Status s = m_wal->appendEntries(kept); !s.ok())
        return fail(s);
    if (hardState) {
        if (Status s = m_wal->appendHardState(*hardState); !s.ok())
            return fail(s);
    }
    if (mustSync || newSnapshot) {
        if (Status s = m_wal->sync(); !s.ok())
            return fail(s);
    }

    if (newSnapshot)
        m_cache.applySnapshot(raft::Snapshot{snapshot->metadata, {}});
    m_cache.append(kept);
    if (hardState)
        m_cache.setHardState(*hardState);
    if (newSnapshot)
        return retain({snapshot->metadata.index, snapshot->metadata.term});
    return Status::success();
}

Status DurableStorage::sync()
{
    if (!m_failure.ok())
        return m_failure;
    return writeBehind([this] { return m_wal->sync(); });
}

void DurableStorage::setWriteBehind(std::function<void(std::function<void()>)> defer, std::function<void()> settle)
{
    m_defer = std::move(defer);
    m_settle = std::move(settle);
}

Status DurableStorage::writeBehind(std::function<Status()> write)
{
    if (!m_defer)
        return fail(write());
    m_defer([write = std::move(write)] {
        const Status s = write();
        RAFT_CHECK(s.ok(), "storage: a write-behind failed: " << s.message());
    });
    return Status::success();
}

Result<raft::StorageResult<raft::Snapshot>> DurableStorage::createSnapshot(std::uint64_t i,
                                                                           const raft::ConfState &confState,
                                                                           std::string data)
{
    if (!m_failure.ok())
        return m_failure;
    settle();
    using R = raft::StorageResult<raft::Snapshot>;
    if (i <= m_cache.snapshotMetadata().index)
        return R{raft::StorageStatus::OutOfDate, {}};
    RAFT_CHECK(i <= lastIndex(), "snapshot index " << i << " is past the last index " << lastIndex());
    if (i < firstIndex() - 1)
        return R{raft::StorageStatus::Compacted, {}};
    RAFT_CHECK(i <= hardState().commit,
               "snapshot index " << i << " is past the saved commit index " << hardState().commit);
    raft::Snapshot snap;
    snap.metadata = {confState, i, m_cache.term(i).value};
    snap.data = std::move(data);
    if (Status s = m_snapshots.save(snap); !s.ok())
        return fail(s);
    const wal::SnapshotPoint point{i, snap.metadata.term};
    if (Status s = m_wal->appendSnapshot(point, hardState()); !s.ok())
        return fail(s);
    if (Status s = m_wal->sync(); !s.ok())
        return fail(s);
    auto r = m_cache.createSnapshot(i, confState, {});
    RAFT_CHECK(r.ok(), "cache refused a snapshot the checks allowed: " << raft::toString(r.status));
    r.value.data = std::move(snap.data);
    if (Status s = retain(point); !s.ok())
        return s;
    return r;
}

Result<raft::StorageStatus> DurableStorage::compact(std::uint64_t compactIndex)
{
    if (!m_failure.ok())
        return m_failure;
    const raft::StorageStatus st = m_cache.compact(compactIndex);
    if (st != raft::StorageStatus::Ok || m_retained.empty())
        return st;
    const std::uint64_t releasable = std::min(compactIndex, m_retained.front().index);
    if (Status s = writeBehind([this, releasable] { return m_wal->releaseTo(releasable); }); !s.ok())
        return s;
    return st;
}

Status DurableStorage::bootstrap(const raft::ConfState &confState, std::uint64_t index, std::uint64_t term)
{
    RAFT_CHECK(lastIndex() == 0 && hardState().empty(), "bootstrap of a storage that is not empty");
    raft::Snapshot snap;
    snap.metadata = {confState, index, term};
    return save(raft::HardState{term, raft::kNone, index}, {}, snap, true);
}

} // namespace quorum::durable
