#include "engine/durable/MemoryDisk.h"

#include "engine/raft/Random.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

namespace quorum::durable {

struct MemoryDisk::Node {
    bool directory = false;
    std::string current; // content readers see
    // The content as of the last sync(). Files are mostly appended to, so the durable content
    // is normally the prefix current[0, durableSize) (one copy of the bytes, not two); only
    // when a truncate or a replace cuts into that prefix is it kept apart in durableCopy.
    std::size_t durableSize = 0;
    std::optional<std::string> durableCopy;

    std::string_view durable() const
    {
        return durableCopy ? std::string_view(*durableCopy) : std::string_view(current).substr(0, durableSize);
    }
    /// Before `current` loses bytes of its durable prefix: keep the durable content apart.
    void detachDurable()
    {
        if (!durableCopy)
            durableCopy = current.substr(0, durableSize);
    }
    void markSynced()
    {
        durableCopy.reset();
        durableSize = current.size();
    }
};

struct MemoryDisk::EntryOp {
    enum class Kind : std::uint8_t { Create, Remove, Rename };
    Kind kind = Kind::Create;
    std::string path; // the name created, removed, or renamed to
    std::string from; // Rename only
    NodePtr node;     // Create and Rename: the node the name refers to
};

namespace {

Status failure(const char *op, const std::string &path, const char *what)
{
    std::string m = op;
    m += ' ';
    m += path.empty() ? std::string("/") : path;
    m += ": ";
    m += what;
    return Status::failure(std::move(m));
}

std::size_t commonPrefix(std::string_view a, std::string_view b)
{
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    while (i < n && a[i] == b[i])
        ++i;
    return i;
}

} // namespace

MemoryDisk::MemoryDisk()
{
    auto root = std::make_shared<Node>();
    root->directory = true;
    m_current[""] = root;
    m_durable[""] = root;
}

MemoryDisk::~MemoryDisk() = default;

Status MemoryDisk::gate(bool mutating)
{
    if (m_down)
        return Status::failure("disk is down (simulated crash: the operation budget ran out)");
    if (!mutating)
        return Status::success();
    if (m_budget) {
        if (*m_budget == 0) {
            m_down = true;
            return Status::failure("disk is down (simulated crash: the operation budget ran out)");
        }
        --*m_budget;
    }
    ++m_operations;
    return Status::success();
}

Status MemoryDisk::checkPath(const std::string &path, const char *op) const
{
    if (isValidPath(path))
        return Status::success();
    return failure(op, path, "invalid path (relative, '/'-separated, no empty, '.' or '..' parts)");
}

MemoryDisk::NodePtr MemoryDisk::lookup(const std::string &path) const
{
    const auto it = m_current.find(path);
    return it == m_current.end() ? nullptr : it->second;
}

Result<MemoryDisk::NodePtr> MemoryDisk::lookupFile(const std::string &path, const char *op) const
{
    if (Status s = checkPath(path, op); !s.ok())
        return s;
    NodePtr n = lookup(path);
    if (!n)
        return failure(op, path, "No such file or directory");
    if (n->directory)
        return failure(op, path, "Is a directory");
    return n;
}

Result<MemoryDisk::NodePtr> MemoryDisk::handle(FileId file, const char *op) const
{
    const auto it = m_handles.find(file);
    if (it != m_handles.end())
        return it->second.node;
    RAFT_CHECK(file < m_nextId, op << " of a file handle that was never issued: " << file);
    std::string m = op;
    m += ": file handle ";
    m += std::to_string(file);
    m += file < m_firstLiveId ? " was invalidated by a crash" : " is closed";
    return Status::failure(std::move(m));
}

Status MemoryDisk::requireDirectory(const std::string &dir, const char *op) const
{
    const NodePtr d = lookup(dir);
    if (!d)
        return failure(op, dir, "No such file or directory");
    if (!d->directory)
        return failure(op, dir, "Not a directory");
    return Status::success();
}

void MemoryDisk::recordOp(const std::string &dir, EntryOp op)
{
    m_pending[dir].push_back(std::move(op));
}

Result<FileId> MemoryDisk::open(const std::string &path, OpenMode mode)
{
    if (Status s = gate(mode != OpenMode::Existing); !s.ok())
        return s;
    if (Status s = checkPath(path, "open"); !s.ok())
        return s;
    if (path.empty())
        return failure("open", path, "Is a directory");
    if (Status s = requireDirectory(parentPath(path), "open"); !s.ok())
        return s;
    NodePtr n = lookup(path);
    if (n && n->directory)
        return failure("open", path, "Is a directory");
    if (mode == OpenMode::Existing && !n)
        return failure("open", path, "No such file or directory");
    if (mode == OpenMode::CreateNew && n)
        return failure("open", path, "File exists");
    if (!n) {
        n = std::make_shared<Node>();
        m_current[path] = n;
        recordOp(parentPath(path), EntryOp{EntryOp::Kind::Create, path, {}, n});
    } else if (mode == OpenMode::Replace) {
        n->detachDurable();
        n->current.clear();
    }
    const FileId id = m_nextId++;
    m_handles[id] = Handle{n, path};
    return id;
}

Status MemoryDisk::append(FileId file, std::string_view bytes)
{
    if (Status s = gate(true); !s.ok())
        return s;
    auto n = handle(file, "append");
    if (!n.ok())
        return n.status();
    (*n)->current.append(bytes);
    return Status::success();
}

Status MemoryDisk::sync(FileId file)
{
    if (Status s = gate(true); !s.ok())
        return s;
    auto n = handle(file, "sync");
    if (!n.ok())
        return n.status();
    (*n)->markSynced();
    return Status::success();
}

Status MemoryDisk::truncate(FileId file, std::uint64_t size)
{
    if (Status s = gate(true); !s.ok())
        return s;
    auto n = handle(file, "truncate");
    if (!n.ok())
        return n.status();
    RAFT_CHECK(size <= (*n)->current.size(),
               "truncate to " << size << " bytes of a file of " << (*n)->current.size() << " bytes");
    if (size < (*n)->durableSize)
        (*n)->detachDurable();
    (*n)->current.resize(static_cast<std::size_t>(size));
    return Status::success();
}

Status MemoryDisk::close(FileId file)
{
    m_handles.erase(file);
    return Status::success();
}

Result<std::string> MemoryDisk::readFile(const std::string &path)
{
    if (Status s = gate(false); !s.ok())
        return s;
    auto n = lookupFile(path, "read");
    if (!n.ok())
        return n.status();
    return (*n)->current;
}

Result<std::string> MemoryDisk::readRange(const std::string &path, std::uint64_t offset, std::uint64_t length)
{
    if (Status s = gate(false); !s.ok())
        return s;
    auto n = lookupFile(path, "read");
    if (!n.ok())
        return n.status();
    const std::string &c = (*n)->current;
    if (offset >= c.size())
        return std::string();
    return c.substr(static_cast<std::size_t>(offset),
                    static_cast<std::size_t>(std::min<std::uint64_t>(length, c.size() - offset)));
}

Result<std::uint64_t> MemoryDisk::fileSize(const std::string &path)
{
    if (Status s = gate(false); !s.ok())
        return s;
    auto n = lookupFile(path, "stat");
    if (!n.ok())
        return n.status();
    return static_cast<std::uint64_t>((*n)->current.size());
}

Result<bool> MemoryDisk::exists(const std::string &path)
{
    if (Status s = gate(false); !s.ok())
        return s;
    if (Status s = checkPath(path, "stat"); !s.ok())
        return s;
    return lookup(path) != nullptr;
}

Result<std::vector<std::string>> MemoryDisk::list(const std::string &dir)
{
    if (Status s = gate(false); !s.ok())
        return s;
    if (Status s = checkPath(dir, "list"); !s.ok())
        return s;
    if (Status s = requireDirectory(dir, "list"); !s.ok())
        return s;
    std::vector<std::string> names;
    for (const auto &[path, node] : m_current) {
        if (path.empty() || parentPath(path) != dir)
            continue;
        names.push_back(dir.empty() ? path : path.substr(dir.size() + 1));
    }
    std::sort(names.begin(), names.end());
    return names;
}

Status MemoryDisk::rename(const std::string &from, const std::string &to)
{
    if (Status s = gate(true); !s.ok())
        return s;
    auto n = lookupFile(from, "rename");
    if (!n.ok())
        return n.status();
    if (Status s = checkPath(to, "rename"); !s.ok())
        return s;
    if (parentPath(from) != parentPath(to))
        return failure("rename", from, "MemoryDisk only renames within one directory");
    if (const NodePtr target = lookup(to); target && target->directory)
        return failure("rename", to, "Is a directory");
    if (from == to)
        return Status::success();
    m_current.erase(from);
    m_current[to] = *n;
    recordOp(parentPath(to), EntryOp{EntryOp::Kind::Rename, to, from, *n});
    return Status::success();
}

Status MemoryDisk::remove(const std::string &path)
{
    if (Status s = gate(true); !s.ok())
        return s;
    auto n = lookupFile(path, "unlink");
    if (!n.ok())
        return n.status();
    m_current.erase(path);
    recordOp(parentPath(path), EntryOp{EntryOp::Kind::Remove, path, {}, nullptr});
    return Status::success();
}

Status MemoryDisk::createDirectory(const std::string &path)
{
    if (Status s = gate(true); !s.ok())
        return s;
    if (Status s = checkPath(path, "mkdir"); !s.ok())
        return s;
    if (const NodePtr n = lookup(path))
        return n->directory ? Status::success() : failure("mkdir", path, "File exists");
    if (Status s = requireDirectory(parentPath(path), "mkdir"); !s.ok())
        return s;
    auto d = std::make_shared<Node>();
    d->directory = true;
    m_current[path] = d;
    recordOp(parentPath(path), EntryOp{EntryOp::Kind::Create, path, {}, d});
    return Status::success();
}

namespace {

template <class Map, class Op>
void applyEntryOp(Map &ns, const Op &op)
{
    switch (op.kind) {
    case Op::Kind::Create: ns[op.path] = op.node; break;
    case Op::Kind::Remove: ns.erase(op.path); break;
    case Op::Kind::Rename:
        ns.erase(op.from);
        ns[op.path] = op.node;
        break;
    }
}

} // namespace

Status MemoryDisk::syncDirectory(const std::string &path)
{
    if (Status s = gate(true); !s.ok())
        return s;
    if (Status s = checkPath(path, "fsync"); !s.ok())
        return s;
    if (Status s = requireDirectory(path, "fsync"); !s.ok())
        return s;
    const auto it = m_pending.find(path);
    if (it == m_pending.end())
        return Status::success();
    for (const EntryOp &op : it->second)
        applyEntryOp(m_durable, op);
    m_pending.erase(it);
    return Status::success();
}

CrashReport MemoryDisk::crash(const CrashOptions &options)
{
    CrashReport report;
    raft::SplitMix64 rng(options.seed);

    // Namespace: durable entries plus a prefix of each directory's pending operations.
    std::map<std::string, NodePtr> ns = m_durable;
    for (const auto &[dir, ops] : m_pending) {
        const std::size_t keep = options.keepPendingEntries ? rng.below(ops.size() + 1) : 0;
        for (std::size_t i = 0; i < keep; ++i)
            applyEntryOp(ns, ops[i]);
        report.entryOperationsLost += ops.size() - keep;
    }
    // Entries whose directory did not survive are gone (parents sort before their children).
    for (auto it = ns.begin(); it != ns.end();) {
        if (!it->first.empty()) {
            const auto parent = ns.find(parentPath(it->first));
            if (parent == ns.end() || !parent->second->directory) {
                it = ns.erase(it);
                continue;
            }
        }
        ++it;
    }

    // Data: durable bytes, plus (maybe) a torn prefix of what came after.
    std::set<const Node *> done;
    for (auto &[path, node] : ns) {
        Node &n = *node;
        if (n.directory || !done.insert(&n).second)
            continue;
        const std::string_view durable = n.durable();
        if (n.current == durable) {
            n.markSynced();
            continue;
        }
        std::size_t base = n.durableCopy ? commonPrefix(durable, n.current) : n.durableSize;
        const bool truncated = base < durable.size();
        if (truncated && rng.below(2) == 0) {
            // The truncation (and what followed it) never reached the disk.
            n.current = std::string(durable);
            n.markSynced();
            continue;
        }
        const std::size_t tail = n.current.size() - base;
        std::size_t keep = options.keepTornTail ? static_cast<std::size_t>(rng.below(tail + 1)) : 0;
        report.unsyncedBytesLost += tail - keep;
        if (keep > 0 && keep < tail)
            ++report.filesTorn;
        std::string survived = n.current.substr(0, base + keep);
        if (keep > 0 && options.garbleTornTail && options.garbleWindow > 0) {
            const std::size_t window = std::min(keep, options.garbleWindow);
            const std::size_t at = survived.size() - window + static_cast<std::size_t>(rng.below(window));
            survived[at] = static_cast<char>(survived[at] ^ static_cast<char>(1 + rng.below(255)));
            ++report.bytesGarbled;
        }
        n.current = std::move(survived);
        n.markSynced();
    }
    // Unreachable nodes may still hold unsynced bytes; they are gone with their names.
    for (auto &[path, node] : ns) {
        if (node->directory || done.count(node.get()))
            continue;
        node->current = std::string(node->durable());
        node->markSynced();
    }

    m_durable = ns;
    m_current = std::move(ns);
    m_pending.clear();
    m_handles.clear();
    m_firstLiveId = m_nextId;
    m_down = false;
    m_budget.reset();
    return report;
}

void MemoryDisk::setOperationBudget(std::optional<std::uint64_t> n)
{
    m_budget = n;
}

Status MemoryDisk::flipByte(const std::string &path, std::uint64_t offset)
{
    auto n = lookupFile(path, "flipByte");
    if (!n.ok())
        return n.status();
    Node &node = **n;
    if (offset >= node.current.size())
        return failure("flipByte", path, "offset past the end of the file");
    const auto at = static_cast<std::size_t>(offset);
    // Without a separate durable copy, flipping `current` flips the durable prefix too.
    node.current[at] = static_cast<char>(node.current[at] ^ 0x5A);
    if (node.durableCopy && at < node.durableCopy->size())
        (*node.durableCopy)[at] = static_cast<char>((*node.durableCopy)[at] ^ 0x5A);
    return Status::success();
}

Status MemoryDisk::cutFile(const std::string &path, std::uint64_t size)
{
    auto n = lookupFile(path, "cutFile");
    if (!n.ok())
        return n.status();
    Node &node = **n;
    if (size > node.current.size())
        return failure("cutFile", path, "size past the end of the file");
    node.current.resize(static_cast<std::size_t>(size));
    node.markSynced();
    return Status::success();
}

Status MemoryDisk::putFile(const std::string &path, std::string_view content)
{
    if (Status s = checkPath(path, "putFile"); !s.ok() || path.empty())
        return s.ok() ? failure("putFile", path, "Is a directory") : s;
    const std::string dir = parentPath(path);
    const auto d = m_durable.find(dir);
    if (d == m_durable.end() || !d->second->directory || lookup(dir) != d->second)
        return failure("putFile", dir, "directory is missing or not durable");
    if (const NodePtr old = lookup(path); old && old->directory)
        return failure("putFile", path, "Is a directory");
    auto n = std::make_shared<Node>();
    n->current = std::string(content);
    n->markSynced();
    m_current[path] = n;
    m_durable[path] = n;
    return Status::success();
}

} // namespace quorum::durable
