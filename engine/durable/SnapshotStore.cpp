#include "engine/durable/SnapshotStore.h"

#include "engine/durable/Bytes.h"
#include "engine/checksum/Crc32c.h"
#include "engine/durable/Text.h"

#include <algorithm>
#include <cstdio>

namespace quorum::durable {

using checksum::crc32c;

using text::cat;

namespace {

constexpr std::uint32_t kMagic = 0x4E534451; // "QDSN" read as a little-endian u32
constexpr std::uint32_t kVersion = 1;
constexpr const char *kSuffix = ".snap";
constexpr const char *kTempSuffix = ".snap.tmp";

bool endsWith(const std::string &s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void putIds(std::string &out, const std::vector<raft::NodeId> &ids)
{
    bytes::putU32(out, static_cast<std::uint32_t>(ids.size()));
    for (raft::NodeId id : ids)
        bytes::putU64(out, id);
}

bool readIds(bytes::Reader &r, std::vector<raft::NodeId> &ids)
{
    std::uint32_t n = 0;
    if (!r.u32(n) || r.remaining() / 8 < n)
        return false;
    ids.resize(n);
    for (raft::NodeId &id : ids) {
        if (!r.u64(id))
            return false;
    }
    return true;
}

} // namespace

std::string snapshotFileName(const wal::SnapshotPoint &point)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%016llx-%016llx%s", static_cast<unsigned long long>(point.index),
                  static_cast<unsigned long long>(point.term), kSuffix);
    return buf;
}

std::optional<wal::SnapshotPoint> parseSnapshotFileName(const std::string &name)
{
    // Same shape as a segment name, with another suffix.
    if (!endsWith(name, kSuffix) || name.size() != 33 + std::string_view(kSuffix).size())
        return std::nullopt;
    const auto parsed = wal::parseSegmentName(name.substr(0, 33) + ".wal");
    if (!parsed)
        return std::nullopt;
    return wal::SnapshotPoint{parsed->first, parsed->second};
}

SnapshotStore::SnapshotStore(Disk &disk, std::string dir)
    : m_disk(&disk)
    , m_dir(std::move(dir))
{
}

Result<SnapshotStore> SnapshotStore::open(Disk &disk, std::string dir)
{
    if (Status s = createDurableDirectory(disk, dir); !s.ok())
        return s;
    auto names = disk.list(dir);
    if (!names.ok())
        return names.status();
    bool removed = false;
    for (const std::string &name : *names) {
        if (!endsWith(name, kTempSuffix))
            continue;
        if (Status s = disk.remove(joinPath(dir, name)); !s.ok())
            return s;
        removed = true;
    }
    if (removed) {
        if (Status s = disk.syncDirectory(dir); !s.ok())
            return s;
    }
    return SnapshotStore(disk, std::move(dir));
}

std::string SnapshotStore::pathOf(const wal::SnapshotPoint &point) const
{
    return joinPath(m_dir, snapshotFileName(point));
}

namespace {

/// Everything before the data: magic, version, index, term, voters, learners, data length.
std::string encodeHeader(const raft::Snapshot &snapshot)
{
    std::string out;
    bytes::putU32(out, kMagic);
    bytes::putU32(out, kVersion);
    bytes::putU64(out, snapshot.metadata.index);
    bytes::putU64(out, snapshot.metadata.term);
    putIds(out, snapshot.metadata.confState.voters);
    putIds(out, snapshot.metadata.confState.learners);
    bytes::putU64(out, snapshot.data.size());
    return out;
}

std::string encodeTrailer(const std::string &header, const raft::Snapshot &snapshot)
{
    std::string out;
    bytes::putU32(out, crc32c(snapshot.data, crc32c(header)));
    return out;
}

} // namespace

std::string SnapshotStore::encode(const raft::Snapshot &snapshot)
{
    const std::string header = encodeHeader(snapshot);
    std::string out;
    out.reserve(header.size() + snapshot.data.size() + 4);
    out += header;
    out += snapshot.data;
    out += encodeTrailer(header, snapshot);
    return out;
}

Result<raft::Snapshot> SnapshotStore::decode(std::string_view in)
{
    if (in.size() < 4 + 4 + 8 + 8 + 4 + 4 + 8 + 4)
        return Status::failure(cat("truncated (", std::to_string(in.size()), " bytes, shorter than any snapshot)"));
    const std::uint32_t stored = bytes::loadU32(in, in.size() - 4);
    const std::uint32_t computed = crc32c(in.substr(0, in.size() - 4));
    if (stored != computed)
        return Status::failure("CRC mismatch: the file is corrupt or truncated");
    bytes::Reader r(in.substr(0, in.size() - 4));
    std::uint32_t magic = 0;
    std::uint32_t version = 0;
    raft::Snapshot s;
    std::uint64_t length = 0;
    if (!r.u32(magic) || magic != kMagic)
        return Status::failure("bad magic: not a Quorum raft snapshot");
    if (!r.u32(version) || version != kVersion)
        return Status::failure(cat("unsupported version ", std::to_string(version)));
    if (!r.u64(s.metadata.index) || !r.u64(s.metadata.term) || !readIds(r, s.metadata.confState.voters)
        || !readIds(r, s.metadata.confState.learners) || !r.u64(length) || length != r.remaining())
        return Status::failure("malformed metadata");
    s.data = std::string(r.rest());
    return s;
}

Status SnapshotStore::save(const raft::Snapshot &snapshot)
{
    RAFT_CHECK(!snapshot.empty(), "saving an empty snapshot");
    const wal::SnapshotPoint point{snapshot.metadata.index, snapshot.metadata.term};
    const std::string final = pathOf(point);
    const std::string temp = cat(final, ".tmp");
    auto file = m_disk->open(temp, OpenMode::Replace);
    if (!file.ok())
        return file.status();
    // The same bytes as encode(), written in three appends so the (possibly large) data is
    // not copied into one more buffer first.
    const std::string header = encodeHeader(snapshot);
    Status s = m_disk->append(*file, header);
    if (s.ok())
        s = m_disk->append(*file, snapshot.data);
    if (s.ok())
        s = m_disk->append(*file, encodeTrailer(header, snapshot));
    if (s.ok())
        s = m_disk->sync(*file);
    (void)m_disk->close(*file);
    if (!s.ok())
        return s;
    if (Status r = m_disk->rename(temp, final); !r.ok())
        return r;
    return m_disk->syncDirectory(m_dir);
}

Result<std::vector<wal::SnapshotPoint>> SnapshotStore::list()
{
    auto names = m_disk->list(m_dir);
    if (!names.ok())
        return names.status();
    std::vector<wal::SnapshotPoint> points;
    for (const std::string &name : *names) {
        if (const auto p = parseSnapshotFileName(name))
            points.push_back(*p);
    }
    std::sort(points.begin(), points.end(), [](const auto &a, const auto &b) { return b < a; });
    return points;
}

namespace {

/// Decodes the bytes read from `path` and checks them against the name's point.
Result<raft::Snapshot> verify(const std::string &path, const wal::SnapshotPoint &point, std::string_view bytes)
{
    auto snap = SnapshotStore::decode(bytes);
    if (!snap.ok())
        return Status::failure(cat("snapshot ", path, ": ", snap.error()));
    if (snap->metadata.index != point.index || snap->metadata.term != point.term)
        return Status::failure(cat("snapshot ", path, ": the file holds index ", std::to_string(snap->metadata.index),
                                   " term ", std::to_string(snap->metadata.term), ", not what its name says"));
    return snap;
}

} // namespace

Result<raft::Snapshot> SnapshotStore::load(const wal::SnapshotPoint &point)
{
    const std::string path = pathOf(point);
    auto bytes = m_disk->readFile(path);
    if (!bytes.ok())
        return bytes.status();
    return verify(path, point, *bytes);
}

Result<SnapshotStore::Loaded> SnapshotStore::loadNewest(const std::function<bool(const wal::SnapshotPoint &)> &accept)
{
    auto points = list();
    if (!points.ok())
        return points.status();
    Loaded out;
    for (const wal::SnapshotPoint &p : *points) {
        if (accept && !accept(p))
            continue;
        auto bytes = m_disk->readFile(pathOf(p));
        if (!bytes.ok())
            return bytes.status();
        auto snap = verify(pathOf(p), p, *bytes);
        if (!snap.ok()) {
            out.warnings.push_back(cat(snap.error(), "; trying an older snapshot"));
            continue;
        }
        out.snapshot = std::move(*snap);
        break;
    }
    return out;
}

Status SnapshotStore::retainOnly(const std::vector<wal::SnapshotPoint> &keep)
{
    auto points = list();
    if (!points.ok())
        return points.status();
    bool removed = false;
    for (const wal::SnapshotPoint &p : *points) {
        if (std::find(keep.begin(), keep.end(), p) != keep.end())
            continue;
        if (Status s = m_disk->remove(pathOf(p)); !s.ok())
            return s;
        removed = true;
    }
    return removed ? m_disk->syncDirectory(m_dir) : Status::success();
}

} // namespace quorum::durable
