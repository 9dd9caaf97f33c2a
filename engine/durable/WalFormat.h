#pragma once

// The on-disk format of the write-ahead log. Public so that tests and tools can build and inspect
// WAL files byte by byte; the Wal class is the only writer.
//
// Directory: one file per segment, named "<seq>-<firstIndex>.wal" with both numbers as 16
// lower-case hex digits. seq counts segments from 1 without gaps; firstIndex is the index the
// next entry had when the segment was started. Other names are ignored (with a warning).
//
// Segment: a sequence of records, the first of which is a SegmentHeader.
//
// Record (all integers little-endian):
//     u32 length     payload bytes
//     u8  type       RecordType
//     u8  reserved[3]  zero
//     u32 crc        CRC-32C of the 8 bytes above followed by the payload
//     payload
// Every record carries its own CRC (not chained), so that recovery can look for intact records
// after a damaged one and tell a torn tail (nothing intact follows) from corruption in the middle
// (something does). The order of records is protected by the content instead: entry indexes must
// continue the log, and each segment header stores the CRC of the previous segment's last record.
//
// Payloads:
//     SegmentHeader  u32 magic "QWAL", u32 version (1), u64 seq, u64 firstIndex,
//                    u32 crc of the previous segment's last record (0 for the first segment),
//                    HardState, u32 n, n x SnapshotPoint   (state restated so that older segments
//                    can be released)
//     Entry          u64 term, u64 index, u8 type, data (the rest of the payload)
//     HardState      u64 term, u64 vote, u64 commit
//     Snapshot       SnapshotPoint (u64 index, u64 term), HardState
//                    (a snapshot file with this index and term was durably saved; the hard state
//                    is the member's state once it is in place, so the two are never torn apart)

#include "engine/durable/Status.h"
#include "engine/raft/Types.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace quorum::durable::wal {

inline constexpr std::uint32_t kMagic = 0x4C415751; // "QWAL" read as a little-endian u32
inline constexpr std::uint32_t kVersion = 1;
inline constexpr std::size_t kRecordHeaderSize = 12;
/// Larger lengths are treated as damage, so a garbled length never makes recovery allocate.
inline constexpr std::uint32_t kMaxPayload = 256U << 20;
/// At most this many snapshot points are restated in a segment header.
inline constexpr std::size_t kMaxRestatedSnapshots = 16;

enum class RecordType : std::uint8_t { SegmentHeader = 1, Entry = 2, HardState = 3, Snapshot = 4 };
const char *toString(RecordType t);

/// Identifies a snapshot: the index and term of the last entry it covers.
struct SnapshotPoint {
    std::uint64_t index = 0;
    std::uint64_t term = 0;

    auto operator<=>(const SnapshotPoint &) const = default;
};

struct SegmentHeader {
    std::uint64_t seq = 0;
    std::uint64_t firstIndex = 0;
    std::uint32_t prevCrc = 0;
    raft::HardState hardState;
    std::vector<SnapshotPoint> snapshots;

    bool operator==(const SegmentHeader &) const = default;
};

struct SnapshotRecord {
    SnapshotPoint point;
    raft::HardState hardState;

    bool operator==(const SnapshotRecord &) const = default;
};

using Record = std::variant<SegmentHeader, raft::Entry, raft::HardState, SnapshotRecord>;

/// Appends one framed record to `out`; returns its CRC.
std::uint32_t appendRecord(std::string &out, const Record &record);
/// The payload bytes of a record (what the frame wraps).
std::string encodePayload(const Record &record);
/// Decodes a payload whose frame was intact. Fails with a message naming the field.
Result<Record> decodePayload(RecordType type, std::string_view payload);

/// A record whose frame is intact (complete, CRC matches).
struct RawRecord {
    RecordType type = RecordType::Entry;
    std::uint64_t offset = 0; ///< of the record header within the segment
    std::uint64_t end = 0;    ///< offset just past the payload
    std::uint32_t crc = 0;
    std::string_view payload;
};

/// Result of reading a segment's bytes front to back.
struct SegmentScan {
    std::vector<RawRecord> records; ///< the intact records before the first damage
    std::uint64_t validEnd = 0;     ///< where the intact prefix ends
    /// Set when bytes after validEnd do not form an intact record: what is wrong there.
    std::optional<std::string> damage;
    /// Set when an intact record starts somewhere after the damage: its offset. This is what
    /// makes damage "corruption in the middle" rather than a torn tail.
    std::optional<std::uint64_t> intactAfterDamage;
};

/// Splits a segment into records; never fails (damage is described in the result).
SegmentScan scanSegment(std::string_view bytes);

/// Segment file name for (seq, firstIndex).
std::string segmentName(std::uint64_t seq, std::uint64_t firstIndex);
/// Parses a segment file name; nullopt if `name` does not follow the pattern.
std::optional<std::pair<std::uint64_t, std::uint64_t>> parseSegmentName(const std::string &name);

} // namespace quorum::durable::wal
