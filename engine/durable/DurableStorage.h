#pragma once

// raft::Storage on a Disk: a write-ahead log (Wal) plus snapshot files (SnapshotStore), with the
// log cached in a raft::MemoryStorage that serves every read. The same role as etcd's
// MemoryStorage backed by its WAL.
//
// Layout under `dir`: "wal/" (segments), "snap/" (snapshot files).
//
// Driver loop (see engine/raft/RawNode.h):
//     Ready rd = node.ready();
//     storage.save(rd)                 // snapshot file, then WAL: entries, hard state; fsync if mustSync
//     only if it returned Ok: send rd.messages, apply rd.committedEntries, node.advance(rd)
// A driver that overlaps the fsync with other work (the simulator, which lets the fsync take
// virtual time) splits save() in two: write(rd) when it takes the Ready, sync() once the fsync
// is due, and only after sync() returned Ok sends, applies and advances. Between the two, reads
// already see what was written (as the page cache does), and a crash may keep any
// prefix-consistent part of it — more than was acknowledged, never less.
// A failed save() poisons the storage (every later write returns the same failure); the member
// must stop and reopen it from disk.
//
// Crash guarantee: after a crash at any point, open() yields a state that contains everything
// a save()/sync()/createSnapshot()/bootstrap() that returned Ok had synced, is a prefix-consistent
// version of what was written after that, and contains nothing that was never written.
//
// Snapshots: a snapshot counts only once the WAL holds a snapshot record for it, so a file
// written just before a crash is ignored. The newest few (DurableOptions::snapshotsToKeep) are
// kept; if the newest one is corrupt, open() falls back to an older one (with a warning) as long
// as the WAL still reaches back to it, which compact() ensures by releasing WAL segments only up
// to the oldest snapshot kept.
//
// Not synchronized: the driver thread calls it and reads it (through the RawNode), between its
// own writes.

#include "engine/durable/SnapshotStore.h"
#include "engine/durable/Wal.h"
#include "engine/raft/MemoryStorage.h"
#include "engine/raft/RawNode.h"

#include <functional>
#include <memory>

namespace quorum::durable {

struct DurableOptions {
    WalOptions wal;
    /// Snapshot files kept (at least 1). More allow falling back past a corrupt newest one, at
    /// the price of keeping the WAL back to the oldest.
    std::size_t snapshotsToKeep = 2;
};

/// What open() found and did.
struct RecoveryReport {
    WalReport wal;
    /// The snapshot the state was recovered from, if any.
    std::optional<wal::SnapshotPoint> snapshot;
    /// Ignored files, corrupt snapshots skipped, and the like.
    std::vector<std::string> warnings;

    /// A one-paragraph human-readable summary.
    std::string describe() const;
};

class DurableStorage final : public raft::Storage {
public:
    /// Opens (or creates) the storage in `dir` (relative to the disk root; created if missing,
    /// its parent must exist). Fails with a message naming the file and offset when the WAL is
    /// corrupt in a way a crash cannot explain, or when no usable snapshot covers the log.
    static Result<std::unique_ptr<DurableStorage>> open(Disk &disk, const std::string &dir,
                                                        const DurableOptions &options = {});

    ~DurableStorage() override;

    // raft::Storage, served from the in-memory cache.
    raft::InitialState initialState() const override;
    raft::StorageResult<std::vector<raft::Entry>> entries(std::uint64_t lo, std::uint64_t hi,
                                                          std::uint64_t maxSize) const override;
    raft::StorageResult<std::uint64_t> term(std::uint64_t i) const override;
    std::uint64_t firstIndex() const override;
    std::uint64_t lastIndex() const override;
    raft::StorageResult<raft::Snapshot> snapshot() const override;

    const raft::HardState &hardState() const { return m_cache.hardState(); }
    const RecoveryReport &recoveryReport() const { return m_report; }
    /// The first write failure, or ok.
    const Status &failure() const { return m_failure; }
    const Wal &wal() const
    {
        settle();
        return *m_wal;
    }

    /// Write-behind (a simulation's second thread): from now on the WAL writes of entries and
    /// hard states, fsyncs and segment releases are handed to `defer`, which must run them in
    /// order, while the cache is updated at once; `settle` must return once every deferred
    /// write has run. A deferred write that fails aborts with its message (its caller has been
    /// told it succeeded). Whatever reads the disk (snapshot(), wal()) or saves a snapshot
    /// settles first. The storage must be settled before it is destroyed.
    void setWriteBehind(std::function<void(std::function<void()>)> defer, std::function<void()> settle);

    /// Persists what a Ready hands out: the snapshot (file, then WAL record), the entries (same
    /// semantics as MemoryStorage::append: overlaps replace the log's suffix, entries inside the
    /// snapshot are skipped, a gap aborts), the hard state; then fsyncs if `mustSync` (always
    /// when there is a snapshot). The cache is updated only when everything succeeded.
    /// A snapshot not newer than the current one is ignored (MemoryStorage: OutOfDate). The WAL
    /// record of a new one carries the hard state (this Ready's, else the current one) with its
    /// commit raised to at least the snapshot index — what the raft core holds after restoring
    /// it — so that a crash can never separate the snapshot from a hard state that covers it.
    Status save(const std::optional<raft::HardState> &hardState, const std::vector<raft::Entry> &entries,
                const std::optional<raft::Snapshot> &snapshot, bool mustSync);
    Status save(const raft::Ready &rd) { return save(rd.hardState, rd.entries, rd.snapshot, rd.mustSync); }
    /// The first half of save(rd): writes the Ready to the WAL (a new snapshot is still saved
    /// and synced at once) and updates the cache, without the fsync. Follow with sync() before
    /// acting on rd.mustSync's promise (sending, acknowledging).
    Status write(const raft::Ready &rd) { return save(rd.hardState, rd.entries, rd.snapshot, false); }
    /// The second half: makes everything written so far durable (fsync of the WAL). A failure
    /// poisons the storage as save() does.
    Status sync();

    /// Takes a snapshot of the application state at index i (as MemoryStorage::createSnapshot:
    /// OutOfDate if not past the current snapshot, Compacted if the log before i is gone), saves
    /// it durably and records it in the WAL. Precondition: i <= lastIndex() and i <= the commit
    /// index of the saved hard state (only committed state may be snapshotted).
    Result<raft::StorageResult<raft::Snapshot>> createSnapshot(std::uint64_t i, const raft::ConfState &confState,
                                                               std::string data);
    /// Discards cached entries before compactIndex (as MemoryStorage::compact) and releases the
    /// WAL segments that only hold entries at or before both compactIndex and the oldest
    /// snapshot kept.
    Result<raft::StorageStatus> compact(std::uint64_t compactIndex);
    /// Bootstraps a member of a new cluster (as MemoryStorage::bootstrap), durably.
    /// Precondition: the storage is empty.
    Status bootstrap(const raft::ConfState &confState, std::uint64_t index = 1, std::uint64_t term = 1);

private:
    DurableStorage(std::unique_ptr<Wal> wal, SnapshotStore snapshots, DurableOptions options);
    Status fail(Status s);
    void settle() const
    {
        if (m_settle)
            m_settle();
    }
    /// Runs `write` deferred (write-behind), or now; a deferred failure aborts.
    Status writeBehind(std::function<Status()> write);
    /// After a snapshot's WAL record is durable: keep the newest few files, drop the rest.
    Status retain(const wal::SnapshotPoint &newest);

    std::unique_ptr<Wal> m_wal;
    // mutable: snapshot() reads the current snapshot's data back from its file (the in-memory
    // cache keeps only the metadata, so a snapshot's bytes are held once, on the disk).
    mutable SnapshotStore m_snapshots;
    DurableOptions m_options;
    raft::MemoryStorage m_cache;
    std::vector<wal::SnapshotPoint> m_retained; // ascending; their WAL records are durable
    RecoveryReport m_report;
    Status m_failure;
    std::function<void(std::function<void()>)> m_defer;
    std::function<void()> m_settle;
};

} // namespace quorum::durable
