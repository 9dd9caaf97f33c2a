#pragma once

// Disk on real files under a root directory (the daemon's data directory).
//
// sync() is fdatasync (the file's bytes and size), syncDirectory() is fsync of the directory;
// writes retry on EINTR and short writes. Errors carry the full path and the errno text. Not
// synchronized: one thread uses it. Handles are closed by the destructor.

#include "engine/durable/Disk.h"

#include <map>

namespace quorum::durable {

class PosixDisk final : public Disk {
public:
    /// `root` must be an existing directory; every path is resolved under it.
    explicit PosixDisk(std::string root);
    ~PosixDisk() override;
    PosixDisk(const PosixDisk &) = delete;
    PosixDisk &operator=(const PosixDisk &) = delete;

    const std::string &root() const { return m_root; }

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

private:
    struct OpenFile {
        int fd = -1;
        std::string path;
    };

    std::string fullPath(const std::string &path) const;
    /// Fails unless `path` is valid (see Disk.h).
    Status checkPath(const std::string &path, const char *op) const;
    const OpenFile *find(FileId file) const;

    std::string m_root;
    std::map<FileId, OpenFile> m_files;
    FileId m_nextId = 1;
};

} // namespace quorum::durable
