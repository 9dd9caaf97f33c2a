#include "engine/durable/WalFormat.h"

#include "engine/durable/Bytes.h"
#include "engine/checksum/Crc32c.h"

#include <cstdio>

namespace quorum::durable::wal {

using checksum::crc32c;

namespace {

using bytes::putU32;
using bytes::putU64;
using bytes::putU8;

void putHardState(std::string &out, const raft::HardState &hs)
{
    putU64(out, hs.term);
    putU64(out, hs.vote);
    putU64(out, hs.commit);
}

bool readHardState(bytes::Reader &r, raft::HardState &hs)
{
    return r.u64(hs.term) && r.u64(hs.vote) && r.u64(hs.commit);
}

bool knownType(std::uint8_t t)
{
    return t >= static_cast<std::uint8_t>(RecordType::SegmentHeader) && t <= static_cast<std::uint8_t>(RecordType::Snapshot);
}

RecordType typeOf(const Record &r)
{
    switch (r.index()) {
    case 0: return RecordType::SegmentHeader;
    case 1: return RecordType::Entry;
    case 2: return RecordType::HardState;
    default: return RecordType::Snapshot;
    }
}

Status payloadError(RecordType type, const char *what)
{
    std::string m = toString(type);
    m += " record: ";
    m += what;
    return Status::failure(std::move(m));
}

/// Why the bytes at `at` are not an intact record, or nullopt if they are one (filling `out`).
std::optional<std::string> frameAt(std::string_view bytes, std::size_t at, RawRecord &out)
{
    const std::size_t left = bytes.size() - at;
    if (left < kRecordHeaderSize) {
        std::string m = "partial record header (";
        m += std::to_string(left);
        m += " of ";
        m += std::to_string(kRecordHeaderSize);
        m += " bytes)";
        return m;
    }
    const std::uint32_t length = bytes::loadU32(bytes, at);
    if (length > kMaxPayload || length > left - kRecordHeaderSize) {
        std::string m = "record length ";
        m += std::to_string(length);
        m += " runs past the end of the file (";
        m += std::to_string(left - kRecordHeaderSize);
        m += " payload bytes left)";
        return m;
    }
    const std::uint32_t stored = bytes::loadU32(bytes, at + 8);
    const std::uint32_t computed = crc32c(bytes.substr(at + kRecordHeaderSize, length), crc32c(bytes.substr(at, 8)));
    if (stored != computed) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "CRC mismatch (stored %08x, computed %08x)", stored, computed);
        return std::string(buf);
    }
    const auto type = static_cast<std::uint8_t>(bytes[at + 4]);
    if (!knownType(type) || bytes[at + 5] != 0 || bytes[at + 6] != 0 || bytes[at + 7] != 0) {
        // The CRC matched, so these bytes were written like this: not a torn write.
        std::string m = "intact record of unknown type ";
        m += std::to_string(type);
        m += " (written by a newer version?)";
        return m;
    }
    out.type = static_cast<RecordType>(type);
    out.offset = at;
    out.end = at + kRecordHeaderSize + length;
    out.crc = stored;
    out.payload = bytes.substr(at + kRecordHeaderSize, length);
    return std::nullopt;
}

/// Whether a complete record with a matching CRC starts at `at` (whatever its type).
bool intactFrame(std::string_view bytes, std::size_t at)
{
    if (bytes.size() - at < kRecordHeaderSize)
        return false;
    const std::uint32_t length = bytes::loadU32(bytes, at);
    if (length > kMaxPayload || length > bytes.size() - at - kRecordHeaderSize)
        return false;
    return bytes::loadU32(bytes, at + 8)
           == crc32c(bytes.substr(at + kRecordHeaderSize, length), crc32c(bytes.substr(at, 8)));
}

/// Cheap filter before the CRC: what every intact record header looks like.
bool plausibleHeader(std::string_view bytes, std::size_t at)
{
    if (bytes.size() - at < kRecordHeaderSize)
        return false;
    const std::uint32_t length = bytes::loadU32(bytes, at);
    return length <= kMaxPayload && length <= bytes.size() - at - kRecordHeaderSize
           && knownType(static_cast<std::uint8_t>(bytes[at + 4])) && bytes[at + 5] == 0 && bytes[at + 6] == 0
           && bytes[at + 7] == 0;
}

} // namespace

const char *toString(RecordType t)
{
    switch (t) {
    case RecordType::SegmentHeader: return "segment header";
    case RecordType::Entry: return "entry";
    case RecordType::HardState: return "hard state";
    case RecordType::Snapshot: return "snapshot";
    }
    return "?";
}

std::string encodePayload(const Record &record)
{
    std::string p;
    if (const auto *h = std::get_if<SegmentHeader>(&record)) {
        RAFT_CHECK(h->snapshots.size() <= kMaxRestatedSnapshots, "too many restated snapshots");
        putU32(p, kMagic);
        putU32(p, kVersion);
        putU64(p, h->seq);
        putU64(p, h->firstIndex);
        putU32(p, h->prevCrc);
        putHardState(p, h->hardState);
        putU32(p, static_cast<std::uint32_t>(h->snapshots.size()));
        for (const SnapshotPoint &s : h->snapshots) {
            putU64(p, s.index);
            putU64(p, s.term);
        }
    } else if (const auto *e = std::get_if<raft::Entry>(&record)) {
        putU64(p, e->term);
        putU64(p, e->index);
        putU8(p, static_cast<std::uint8_t>(e->type));
        p += e->data;
    } else if (const auto *hs = std::get_if<raft::HardState>(&record)) {
        putHardState(p, *hs);
    } else {
        const auto &s = std::get<SnapshotRecord>(record);
        putU64(p, s.point.index);
        putU64(p, s.point.term);
        putHardState(p, s.hardState);
    }
    return p;
}

std::uint32_t appendRecord(std::string &out, const Record &record)
{
    const std::string payload = encodePayload(record);
    RAFT_CHECK(payload.size() <= kMaxPayload, "WAL record of " << payload.size() << " bytes is too large");
    const std::size_t start = out.size();
    putU32(out, static_cast<std::uint32_t>(payload.size()));
    putU8(out, static_cast<std::uint8_t>(typeOf(record)));
    out.append(3, '\0');
    const std::uint32_t crc = crc32c(payload, crc32c(std::string_view(out).substr(start, 8)));
    putU32(out, crc);
    out += payload;
    return crc;
}

Result<Record> decodePayload(RecordType type, std::string_view payload)
{
    bytes::Reader r(payload);
    switch (type) {
    case RecordType::SegmentHeader: {
        SegmentHeader h;
        std::uint32_t magic = 0;
        std::uint32_t version = 0;
        std::uint32_t count = 0;
        if (!r.u32(magic) || !r.u32(version))
            return payloadError(type, "too short");
        if (magic != kMagic)
            return payloadError(type, "bad magic (not a Quorum WAL segment)");
        if (version != kVersion) {
            std::string m = "unsupported version ";
            m += std::to_string(version);
            return payloadError(type, m.c_str());
        }
        if (!r.u64(h.seq) || !r.u64(h.firstIndex) || !r.u32(h.prevCrc) || !readHardState(r, h.hardState)
            || !r.u32(count))
            return payloadError(type, "too short");
        if (count > kMaxRestatedSnapshots || r.remaining() != std::size_t{count} * 16)
            return payloadError(type, "bad snapshot list length");
        h.snapshots.resize(count);
        for (SnapshotPoint &s : h.snapshots) {
            if (!r.u64(s.index) || !r.u64(s.term))
                return payloadError(type, "too short");
        }
        return Record{std::move(h)};
    }
    case RecordType::Entry: {
        raft::Entry e;
        std::uint8_t t = 0;
        if (!r.u64(e.term) || !r.u64(e.index) || !r.u8(t))
            return payloadError(type, "too short");
        if (t > static_cast<std::uint8_t>(raft::EntryType::ConfChange))
            return payloadError(type, "unknown entry type");
        e.type = static_cast<raft::EntryType>(t);
        e.data = std::string(r.rest());
        return Record{std::move(e)};
    }
    case RecordType::HardState: {
        raft::HardState hs;
        if (!readHardState(r, hs) || r.remaining() != 0)
            return payloadError(type, "payload is not 24 bytes");
        return Record{hs};
    }
    case RecordType::Snapshot: {
        SnapshotRecord s;
        if (!r.u64(s.point.index) || !r.u64(s.point.term) || !readHardState(r, s.hardState) || r.remaining() != 0)
            return payloadError(type, "payload is not 40 bytes");
        return Record{s};
    }
    }
    return payloadError(type, "unknown record type");
}

SegmentScan scanSegment(std::string_view bytes)
{
    SegmentScan scan;
    std::size_t at = 0;
    while (at < bytes.size()) {
        RawRecord rec;
        if (auto damage = frameAt(bytes, at, rec)) {
            scan.damage = std::move(damage);
            break;
        }
        scan.records.push_back(rec);
        at = static_cast<std::size_t>(rec.end);
    }
    scan.validEnd = at;
    if (scan.damage) {
        if (intactFrame(bytes, at)) {
            // Written like this (the CRC matches), so not a torn write: never truncate it.
            scan.intactAfterDamage = at;
            return scan;
        }
        for (std::size_t q = at + 1; q + kRecordHeaderSize <= bytes.size(); ++q) {
            RawRecord rec;
            if (plausibleHeader(bytes, q) && !frameAt(bytes, q, rec)) {
                scan.intactAfterDamage = q;
                break;
            }
        }
    }
    return scan;
}

std::string segmentName(std::uint64_t seq, std::uint64_t firstIndex)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%016llx-%016llx.wal", static_cast<unsigned long long>(seq),
                  static_cast<unsigned long long>(firstIndex));
    return buf;
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> parseSegmentName(const std::string &name)
{
    if (name.size() != 16 + 1 + 16 + 4 || name[16] != '-' || name.compare(33, 4, ".wal") != 0)
        return std::nullopt;
    auto hex = [&](std::size_t from, std::uint64_t &v) {
        v = 0;
        for (std::size_t i = from; i < from + 16; ++i) {
            const char c = name[i];
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else
                return false;
            v = v << 4 | static_cast<std::uint64_t>(d);
        }
        return true;
    };
    std::uint64_t seq = 0;
    std::uint64_t first = 0;
    if (!hex(0, seq) || !hex(17, first))
        return std::nullopt;
    return std::make_pair(seq, first);
}

} // namespace quorum::durable::wal
