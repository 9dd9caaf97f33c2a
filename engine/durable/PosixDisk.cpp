#include "engine/durable/PosixDisk.h"

#include <algorithm>
#include <cerrno>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace quorum::durable {

namespace {

/// "<op> <path>: <errno text>", built piece by piece (GCC 12's -Wrestrict false positive).
Status errnoFailure(const char *op, const std::string &path, int err)
{
    std::string m = op;
    m += ' ';
    m += path;
    m += ": ";
    m += std::generic_category().message(err);
    return Status::failure(std::move(m));
}

/// Closes a descriptor on scope exit (for the short-lived ones of reads and directory syncs).
class FdGuard {
public:
    explicit FdGuard(int fd) : m_fd(fd) {}
    ~FdGuard()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FdGuard(const FdGuard &) = delete;
    FdGuard &operator=(const FdGuard &) = delete;

private:
    int m_fd;
};

int openRetrying(const char *path, int flags, mode_t mode = 0)
{
    int fd;
    do {
        fd = ::open(path, flags, mode);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

} // namespace

PosixDisk::PosixDisk(std::string root)
    : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.back() == '/')
        m_root.pop_back();
}

PosixDisk::~PosixDisk()
{
    for (auto &[id, f] : m_files)
        ::close(f.fd);
}

std::string PosixDisk::fullPath(const std::string &path) const
{
    return path.empty() ? m_root : joinPath(m_root, path);
}

Status PosixDisk::checkPath(const std::string &path, const char *op) const
{
    if (isValidPath(path))
        return Status::success();
    std::string m = op;
    m += ": invalid path '";
    m += path;
    m += "' (relative, '/'-separated, no empty, '.' or '..' parts)";
    return Status::failure(std::move(m));
}

const PosixDisk::OpenFile *PosixDisk::find(FileId file) const
{
    const auto it = m_files.find(file);
    return it == m_files.end() ? nullptr : &it->second;
}

Result<FileId> PosixDisk::open(const std::string &path, OpenMode mode)
{
    if (Status s = checkPath(path, "open"); !s.ok())
        return s;
    int flags = O_WRONLY | O_APPEND | O_CLOEXEC;
    if (mode == OpenMode::CreateNew)
        flags |= O_CREAT | O_EXCL;
    else if (mode == OpenMode::Replace)
        flags |= O_CREAT | O_TRUNC;
    const std::string full = fullPath(path);
    const int fd = openRetrying(full.c_str(), flags, 0644);
    if (fd < 0)
        return errnoFailure("open", full, errno);
    const FileId id = m_nextId++;
    m_files[id] = OpenFile{fd, path};
    return id;
}

Status PosixDisk::append(FileId file, std::string_view bytes)
{
    const OpenFile *f = find(file);
    RAFT_CHECK(f, "append to an unknown file handle " << file);
    while (!bytes.empty()) {
        const ssize_t n = ::write(f->fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errnoFailure("write", fullPath(f->path), errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return Status::success();
}

Status PosixDisk::sync(FileId file)
{
    const OpenFile *f = find(file);
    RAFT_CHECK(f, "sync of an unknown file handle " << file);
    // No EINTR retry: after a failed fdatasync the dirty pages may be gone, so the caller must
    // treat any failure as final (the "fsyncgate" lesson).
    if (::fdatasync(f->fd) != 0)
        return errnoFailure("fdatasync", fullPath(f->path), errno);
    return Status::success();
}

Status PosixDisk::truncate(FileId file, std::uint64_t size)
{
    const OpenFile *f = find(file);
    RAFT_CHECK(f, "truncate of an unknown file handle " << file);
    if (::ftruncate(f->fd, static_cast<off_t>(size)) != 0)
        return errnoFailure("ftruncate", fullPath(f->path), errno);
    return Status::success();
}

Status PosixDisk::close(FileId file)
{
    const auto it = m_files.find(file);
    RAFT_CHECK(it != m_files.end(), "close of an unknown file handle " << file);
    const OpenFile f = it->second;
    m_files.erase(it);
    if (::close(f.fd) != 0)
        return errnoFailure("close", fullPath(f.path), errno);
    return Status::success();
}

Result<std::string> PosixDisk::readFile(const std::string &path)
{
    return readRange(path, 0, UINT64_MAX);
}

Result<std::string> PosixDisk::readRange(const std::string &path, std::uint64_t offset, std::uint64_t length)
{
    if (Status s = checkPath(path, "read"); !s.ok())
        return s;
    const std::string full = fullPath(path);
    const int fd = openRetrying(full.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errnoFailure("open", full, errno);
    FdGuard guard(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return errnoFailure("stat", full, errno);
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (offset >= size)
        return std::string();
    const std::uint64_t want = std::min(length, size - offset);
    std::string out(static_cast<std::size_t>(want), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errnoFailure("read", full, errno);
        }
        if (n == 0)
            break; // the file shrank under us; return what is there
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
}

Result<std::uint64_t> PosixDisk::fileSize(const std::string &path)
{
    if (Status s = checkPath(path, "stat"); !s.ok())
        return s;
    const std::string full = fullPath(path);
    struct stat st {};
    if (::stat(full.c_str(), &st) != 0)
        return errnoFailure("stat", full, errno);
    return static_cast<std::uint64_t>(st.st_size);
}

Result<bool> PosixDisk::exists(const std::string &path)
{
    if (Status s = checkPath(path, "stat"); !s.ok())
        return s;
    const std::string full = fullPath(path);
    struct stat st {};
    if (::stat(full.c_str(), &st) == 0)
        return true;
    if (errno == ENOENT)
        return false;
    return errnoFailure("stat", full, errno);
}

Result<std::vector<std::string>> PosixDisk::list(const std::string &dir)
{
    if (Status s = checkPath(dir, "list"); !s.ok())
        return s;
    const std::string full = fullPath(dir);
    DIR *d = ::opendir(full.c_str());
    if (!d)
        return errnoFailure("opendir", full, errno);
    std::vector<std::string> names;
    errno = 0;
    while (const dirent *e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
        errno = 0;
    }
    const int err = errno;
    ::closedir(d);
    if (err != 0)
        return errnoFailure("readdir", full, err);
    std::sort(names.begin(), names.end());
    return names;
}

Status PosixDisk::rename(const std::string &from, const std::string &to)
{
    if (Status s = checkPath(from, "rename"); !s.ok())
        return s;
    if (Status s = checkPath(to, "rename"); !s.ok())
        return s;
    const std::string src = fullPath(from);
    const std::string dst = fullPath(to);
    if (::rename(src.c_str(), dst.c_str()) != 0) {
        std::string both = src;
        both += " -> ";
        both += dst;
        return errnoFailure("rename", both, errno);
    }
    return Status::success();
}

Status PosixDisk::remove(const std::string &path)
{
    if (Status s = checkPath(path, "remove"); !s.ok())
        return s;
    const std::string full = fullPath(path);
    if (::unlink(full.c_str()) != 0)
        return errnoFailure("unlink", full, errno);
    return Status::success();
}

Status PosixDisk::createDirectory(const std::string &path)
{
    if (Status s = checkPath(path, "mkdir"); !s.ok())
        return s;
    const std::string full = fullPath(path);
    if (::mkdir(full.c_str(), 0755) == 0)
        return Status::success();
    const int err = errno;
    struct stat st {};
    if (err == EEXIST && ::stat(full.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return Status::success();
    return errnoFailure("mkdir", full, err);
}

Status PosixDisk::syncDirectory(const std::string &path)
{
    if (Status s = checkPath(path, "fsync"); !s.ok())
        return s;
    const std::string full = fullPath(path);
    const int fd = openRetrying(full.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errnoFailure("open directory", full, errno);
    FdGuard guard(fd);
    if (::fsync(fd) != 0)
        return errnoFailure("fsync directory", full, errno);
    return Status::success();
}

} // namespace quorum::durable
