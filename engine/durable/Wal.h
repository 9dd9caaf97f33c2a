#pragma once

// The write-ahead log of one raft member: entries, hard states and snapshot points appended to
// segment files on a Disk (format: WalFormat.h, replay rules: WalReplay.h).
//
// Writing. The driver persists each Ready before it sends the Ready's messages:
//     appendSnapshot (if the Ready carries a snapshot, after SnapshotStore::save),
//     appendEntries, appendHardState, then sync() if Ready::mustSync,
//     and only after sync() returned Ok: send the messages, acknowledge clients.
// Appends only reach the page cache; sync() makes everything appended so far durable (the
// segment's data, and the directory entry of a segment started since the last sync). A segment
// is rolled once it reaches WalOptions::segmentBytes: the full one is synced first, so a crash can
// only ever damage the tail of the last segment.
//
// Recovery (open). Every segment is read and every record checked before anything is changed:
//  - damage at the very end of the last segment (a partial record, or a bad CRC with no intact
//    record after it) is a torn write: it is cut off, the cut is synced, and the report says so;
//  - damage followed by an intact record, damage in any other segment, a missing segment (a gap
//    in the sequence numbers), a header that does not match its file name or the previous
//    segment, or entries that skip indexes are refused with a message naming the file, the byte
//    offset and what was expected. Nothing is modified then.
// Files in the directory that do not look like segments are ignored with a warning.
//
// Errors. Every failed disk operation is returned and poisons the Wal: all later calls return the
// same failure (after a failed fsync the kernel may have dropped the data, so retrying could
// acknowledge a write that is lost). Reopen from disk to continue.
//
// Not synchronized: one thread (the member's driver) uses a Wal and its Disk.

#include "engine/durable/Disk.h"
#include "engine/durable/WalReplay.h"

#include <memory>

namespace quorum::durable {

struct WalOptions {
    /// A segment is rolled once it holds this many bytes (a batch may overshoot it).
    std::uint64_t segmentBytes = 64ULL << 20;
};

/// What Wal::open found and did.
struct WalReport {
    bool created = false;            ///< there was no WAL: an empty one was created
    std::size_t segments = 0;        ///< segments read
    std::size_t records = 0;         ///< intact records read
    bool tornTailTruncated = false;  ///< a torn tail was cut off the last segment
    std::string tornFile;            ///< its path
    std::uint64_t tornOffset = 0;    ///< where the cut is
    std::uint64_t tornBytes = 0;     ///< how many bytes were dropped
    std::string tornReason;          ///< what was wrong at tornOffset
    std::vector<std::string> warnings;
};

class Wal {
public:
    struct Opened;

    /// Opens the WAL in directory `dir` (relative to the disk's root; its parent must exist),
    /// creating an empty one if the directory holds no segment. On success returns the Wal, the
    /// state replayed from it and a report; on refusal a message and an unchanged directory.
    static Result<Opened> open(Disk &disk, const std::string &dir, const WalOptions &options = {});

    ~Wal();
    Wal(const Wal &) = delete;
    Wal &operator=(const Wal &) = delete;

    /// Appends entries (not durable until sync()).
    Status appendEntries(const std::vector<raft::Entry> &entries);
    /// Appends a hard state (not durable until sync()).
    Status appendHardState(const raft::HardState &hs);
    /// Records that a snapshot file at `point` was durably saved, with the hard state the member
    /// has once the snapshot is in place. Precondition: hs.commit >= point.index.
    Status appendSnapshot(const wal::SnapshotPoint &point, const raft::HardState &hs);
    /// Makes everything appended so far durable.
    Status sync();
    /// Removes the oldest segments whose entries are all at or before `index` (never the segment
    /// being written), then syncs the directory. Snapshot points below `index` are no longer
    /// restated in new segments. Precondition: a durable snapshot covers `index`.
    Status releaseTo(std::uint64_t index);

    /// The first failure, or ok (see "Errors" above).
    const Status &failure() const { return m_failure; }
    /// Segment file names, oldest first.
    std::vector<std::string> segmentNames() const;
    /// Bytes in the segment being written.
    std::uint64_t currentSegmentBytes() const { return m_segmentBytes; }

private:
    struct Segment {
        std::uint64_t seq = 0;
        std::uint64_t firstIndex = 0;
    };

    Wal(Disk &disk, std::string dir, WalOptions options);
    static Result<Opened> create(Disk &disk, const std::string &dir, const WalOptions &options);
    std::string pathOf(const Segment &s) const;
    Status fail(Status s);
    Status write(const std::vector<wal::Record> &records);
    /// Syncs and closes the current segment and starts the next one (not yet durable).
    Status cut();
    /// Starts `s` with a header restating the current state. Mode: CreateNew, or Existing for a
    /// segment whose torn header was just cut to nothing.
    Status startSegment(const Segment &s, OpenMode mode);
    void noteSnapshot(const wal::SnapshotPoint &p);

    Disk &m_disk;
    std::string m_dir;
    WalOptions m_options;
    std::vector<Segment> m_segments; // on disk, oldest first; the last is being written
    FileId m_file = 0;
    bool m_fileOpen = false;
    std::uint64_t m_segmentBytes = 0;
    std::uint32_t m_lastCrc = 0;
    bool m_directoryDirty = false;
    // What a new segment header restates.
    raft::HardState m_hardState;
    std::vector<wal::SnapshotPoint> m_snapshots;
    std::uint64_t m_releasedTo = 0;
    std::uint64_t m_lastIndex = 0; // last index of the live log (names the next segment)
    Status m_failure;
};

struct Wal::Opened {
    std::unique_ptr<Wal> wal;
    WalState state;
    WalReport report;
};

} // namespace quorum::durable
