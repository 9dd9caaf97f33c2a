#pragma once

// A simulated disk that keeps everything in memory and crashes honestly: it remembers, for every
// file, which bytes were made durable by sync(), and for every directory which entries were made
// durable by syncDirectory(). crash() throws away whatever a real machine could lose. Tests use
// it to crash the WAL at every single operation; the deterministic simulator (engine/sim) gives
// one to each simulated member and adds latency itself.
//
// The model
// ---------
// * A file (an inode) has `durable` bytes (its content as of the last sync()) and `current`
//   bytes (what readers see: the page cache).
// * A directory has durable entries and a list of pending entry operations (create, rename,
//   remove, mkdir) in the order they were made. syncDirectory(d) makes d's pending operations
//   durable.
// * crash(options) models power loss. Every open handle becomes invalid, then:
//   - Namespace: each directory keeps its durable entries plus, if
//     options.keepPendingEntries, a seeded-random prefix (possibly empty, possibly all) of its
//     pending operations, applied in order. Otherwise every pending operation is lost. Entries
//     under a directory that did not survive are gone too. A rename therefore survives whole or
//     not at all: the name points at the old file or the new one, never a mix.
//   - Data: each surviving file keeps its durable bytes. If options.keepTornTail, the bytes
//     appended since the last sync survive as a seeded-random prefix (a torn write: the page
//     cache wrote back part of them in order); if options.garbleTornTail as well, one byte in
//     the last options.garbleWindow bytes of that surviving prefix is flipped (a sector that was
//     being written when the power went). If the file was truncated since its last sync, a
//     seeded coin decides whether the truncation reached the disk: if not, the file reverts to
//     its durable bytes; if it did, the bytes after the cut follow the torn-tail rule.
//   - Everything is then durable (the machine restarted; nothing is pending).
//   All choices come from a SplitMix64 seeded with options.seed, visiting files and directories
//   in path order, so the same disk state and options always give the same result.
//
//   Why the garble window is small: a flipped byte deep inside the unsynced tail followed by
//   intact records would be indistinguishable from media corruption of synced data, which the
//   WAL must refuse rather than truncate. The default window (8 bytes, less than a WAL record
//   header) places the damage in the last record written, which is what a torn final sector
//   looks like to the WAL. Media corruption is modelled separately by flipByte().
//
// * setOperationBudget(n) lets the next n state-changing operations (open with create/replace,
//   append, sync, truncate, rename, remove, createDirectory, syncDirectory) succeed and then takes
//   the disk down: every later call, reads included, fails with "disk is down". That is the
//   process dying between two operations; call crash() next to model the restart. Reads do not
//   count against the budget and closing a handle is not a state change (it never fails).
//
// Limits: renames must stay within one directory (all the WAL and the snapshot store need);
// directories are never removed. Not synchronized: one thread (the simulated member's driver).

#include "engine/durable/Disk.h"

#include <map>
#include <memory>
#include <optional>

namespace quorum::durable {

/// What a crash may keep of unsynced state; see the MemoryDisk file comment.
struct CrashOptions {
    std::uint64_t seed = 0;
    /// Keep a seeded-random prefix of each file's unsynced tail (else: drop it all).
    bool keepTornTail = false;
    /// With keepTornTail: flip one byte within the last garbleWindow bytes kept.
    bool garbleTornTail = false;
    std::size_t garbleWindow = 8;
    /// Keep a seeded-random prefix of each directory's unsynced entry operations (else: drop all).
    bool keepPendingEntries = false;
};

/// What a crash threw away, for logs and tests.
struct CrashReport {
    std::size_t filesTorn = 0;            ///< files that kept part (not all) of their unsynced tail
    std::uint64_t unsyncedBytesLost = 0;  ///< appended bytes that did not survive
    std::size_t bytesGarbled = 0;         ///< bytes flipped by garbleTornTail
    std::size_t entryOperationsLost = 0;  ///< directory operations that did not survive
};

class MemoryDisk final : public Disk {
public:
    /// An empty disk holding only the (durable) root directory.
    MemoryDisk();
    ~MemoryDisk() override;
    MemoryDisk(const MemoryDisk &) = delete;
    MemoryDisk &operator=(const MemoryDisk &) = delete;

    Result<FileId> open(const std::string &path, OpenMode mode) override;
    Status append(FileId file, std::string_view bytes) override;
    Status sync(FileId file) override;
    Status truncate(FileId file, std::uint64_t size) override;
    Status close(FileId file) override;
    Result<std::string> readFile(const std::string &path) override;
    Result<std::string> readRange(const std::string &path, std::uint64_t offset, std::uint64_t length) override;
    Result<std::uint64_t> fileSize(const std::string &path) override;
    Result<bool> exists(const std::string &path) override;
    Result<std::vector<std::string>> list(const std::string &dir) override;
    Status rename(const std::string &from, const std::string &to) override;
    Status remove(const std::string &path) override;
    Status createDirectory(const std::string &path) override;
    Status syncDirectory(const std::string &path) override;

    /// Power loss and restart, as described in the file comment. Brings a down disk back up and
    /// clears the operation budget.
    CrashReport crash(const CrashOptions &options = {});

    /// After `n` more state-changing operations the disk goes down (nullopt: never).
    void setOperationBudget(std::optional<std::uint64_t> n);
    bool isDown() const { return m_down; }
    /// State-changing operations performed since construction (successful ones).
    std::uint64_t operationCount() const { return m_operations; }

    /// Media corruption for tests: flips the byte at `offset` of a file, in its durable and its
    /// current content alike. Fails if the file is missing or too short.
    Status flipByte(const std::string &path, std::uint64_t offset);
    /// Test helper: durably cuts a file to `size` bytes (as if the disk had lost its end).
    Status cutFile(const std::string &path, std::uint64_t size);
    /// Test helper: durably creates or replaces a file with `content` (its directory must exist
    /// durably).
    Status putFile(const std::string &path, std::string_view content);

private:
    struct Node;
    using NodePtr = std::shared_ptr<Node>;
    struct EntryOp;
    struct Directory;

    Status gate(bool mutating);
    Status checkPath(const std::string &path, const char *op) const;
    NodePtr lookup(const std::string &path) const;
    Result<NodePtr> lookupFile(const std::string &path, const char *op) const;
    Result<NodePtr> handle(FileId file, const char *op) const;
    Status requireDirectory(const std::string &dir, const char *op) const;
    void recordOp(const std::string &dir, EntryOp op);

    // Current namespace: path -> node (files and directories; "" is the root).
    std::map<std::string, NodePtr> m_current;
    // Durable namespace and per-directory pending operations.
    std::map<std::string, NodePtr> m_durable;
    std::map<std::string, std::vector<EntryOp>> m_pending;
    struct Handle {
        NodePtr node;
        std::string path;
    };
    std::map<FileId, Handle> m_handles;
    FileId m_nextId = 1;
    FileId m_firstLiveId = 1; // handles below this were invalidated by a crash
    std::optional<std::uint64_t> m_budget;
    bool m_down = false;
    std::uint64_t m_operations = 0;
};

} // namespace quorum::durable
