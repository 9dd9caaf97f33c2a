#pragma once

// Raft snapshots (metadata + application data) stored as one file each in a directory.
//
// File "<index>-<term>.snap" (16 lower-case hex digits each), little-endian:
//     u32 magic "QDSN", u32 version (1), u64 index, u64 term,
//     u32 n, n x u64 voters, u32 m, m x u64 learners, u64 data length, data,
//     u32 CRC-32C of everything before it.
// save() writes "<name>.tmp", syncs it, renames it over the final name and syncs the directory,
// so after a crash a snapshot file is either absent or complete. A file that fails its checks
// (corrupt, truncated, name and content disagree) is reported and skipped in favour of an older
// one; it is never deleted by loading.
//
// Not synchronized: one thread (the member's driver) uses it and its Disk.

#include "engine/durable/Disk.h"
#include "engine/durable/WalFormat.h"

#include <functional>

namespace quorum::durable {

class SnapshotStore {
public:
    /// The newest acceptable snapshot, and what was wrong with newer files.
    struct Loaded {
        std::optional<raft::Snapshot> snapshot;
        std::vector<std::string> warnings;
    };

    /// Uses directory `dir` (relative to the disk root), creating it durably if missing; its
    /// parent must exist. Leftover temporary files of an interrupted save() are removed.
    static Result<SnapshotStore> open(Disk &disk, std::string dir);

    /// Saves a snapshot durably (see the file comment). Replaces a file with the same point.
    Status save(const raft::Snapshot &snapshot);
    /// Points of the snapshot files present, newest (highest index) first. Other names are
    /// skipped; the files are not read.
    Result<std::vector<wal::SnapshotPoint>> list();
    /// Reads and verifies the snapshot file for `point`.
    Result<raft::Snapshot> load(const wal::SnapshotPoint &point);
    /// The newest snapshot whose point satisfies `accept` and whose file verifies. A corrupt
    /// file adds a warning and the next older one is tried. Fails only on I/O errors.
    Result<Loaded> loadNewest(const std::function<bool(const wal::SnapshotPoint &)> &accept);
    /// Removes every snapshot file whose point is not in `keep`, then syncs the directory.
    Status retainOnly(const std::vector<wal::SnapshotPoint> &keep);

    /// Path of the file for `point`.
    std::string pathOf(const wal::SnapshotPoint &point) const;
    const std::string &directory() const { return m_dir; }

    /// The file content for a snapshot, and its inverse (exposed for tests).
    static std::string encode(const raft::Snapshot &snapshot);
    static Result<raft::Snapshot> decode(std::string_view bytes);

private:
    SnapshotStore(Disk &disk, std::string dir);

    Disk *m_disk;
    std::string m_dir;
};

/// File name for a snapshot point, and its inverse (nullopt for other names).
std::string snapshotFileName(const wal::SnapshotPoint &point);
std::optional<wal::SnapshotPoint> parseSnapshotFileName(const std::string &name);

} // namespace quorum::durable
