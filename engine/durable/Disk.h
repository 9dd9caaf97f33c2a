#pragma once

// The file-system operations the WAL and the snapshot store need, behind an interface so that
// the same code runs on real files (PosixDisk) and on a simulated disk whose crashes lose exactly
// what a real crash may lose (MemoryDisk).
//
// Paths are relative to the disk's root, use '/' as separator and never contain "", "." or ".."
// components or a leading '/'; "" names the root directory itself. A Disk is not synchronized:
// one thread (the member's driver) uses it.
//
// Durability contract, the same for both implementations (it is what POSIX promises):
//  - append() data is in the page cache only; sync(file) makes the file's bytes and size
//    durable.
//  - Creating, renaming and removing a directory entry is durable only after syncDirectory() of
//    the directory that holds it. A new file whose data was synced but whose directory was not
//    may vanish in a crash, data and all.
//  - rename() atomically replaces the target: after a crash the name refers to the old or the
//    new file, never to a mix.

#include "engine/durable/Status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::durable {

/// An open file, valid until close() (or until a MemoryDisk crash invalidates every handle).
using FileId = std::uint64_t;

enum class OpenMode : std::uint8_t {
    Existing,  ///< the file must exist; writes append at its end
    CreateNew, ///< the file must not exist; it is created empty
    Replace,   ///< created if missing, truncated to empty if present
};

class Disk {
public:
    virtual ~Disk() = default;

    /// Opens `path` for appending. The directory that holds it must exist.
    virtual Result<FileId> open(const std::string &path, OpenMode mode) = 0;
    /// Appends bytes at the end of the file (not durable until sync()).
    virtual Status append(FileId file, std::string_view bytes) = 0;
    /// Makes the file's content and size durable (fdatasync). A failed sync leaves the file in
    /// an unknown state: callers must stop writing and recover from what is on disk.
    virtual Status sync(FileId file) = 0;
    /// Cuts the file to `size` bytes (not durable until sync()). Precondition: size <= its size.
    virtual Status truncate(FileId file, std::uint64_t size) = 0;
    /// Releases the handle. Unsynced data stays in the (simulated) page cache.
    virtual Status close(FileId file) = 0;

    /// The whole current content of a file (what a reader sees, synced or not).
    virtual Result<std::string> readFile(const std::string &path) = 0;
    /// Up to `length` bytes from `offset`; fewer if the file ends first.
    virtual Result<std::string> readRange(const std::string &path, std::uint64_t offset, std::uint64_t length) = 0;
    virtual Result<std::uint64_t> fileSize(const std::string &path) = 0;
    /// Whether a file or directory with this path exists.
    virtual Result<bool> exists(const std::string &path) = 0;
    /// Names (not paths) of the entries of a directory, files and subdirectories, sorted.
    virtual Result<std::vector<std::string>> list(const std::string &dir) = 0;

    /// Atomically renames `from` to `to`, replacing `to` if it exists. Both in the same directory
    /// or not, the change is durable after syncDirectory() of the directories involved.
    virtual Status rename(const std::string &from, const std::string &to) = 0;
    /// Removes a file (durable after syncDirectory()).
    virtual Status remove(const std::string &path) = 0;
    /// Creates one directory level; succeeds if it already exists (durable after
    /// syncDirectory() of its parent).
    virtual Status createDirectory(const std::string &path) = 0;
    /// Makes the entries of a directory (creations, renames, removals) durable.
    virtual Status syncDirectory(const std::string &path) = 0;
};

/// Creates `dir` if it is missing and makes its entry in the parent durable (createDirectory +
/// syncDirectory of the parent), so a crash cannot forget a directory files were written into.
Status createDurableDirectory(Disk &disk, const std::string &dir);

/// The directory part of a path ("a/b/c" -> "a/b", "c" -> "").
std::string parentPath(const std::string &path);
/// Joins two path pieces with '/', treating "" as the root.
std::string joinPath(const std::string &dir, const std::string &name);
/// Whether `path` obeys the rules in the file comment; "" (the root) is valid.
bool isValidPath(const std::string &path);

} // namespace quorum::durable
