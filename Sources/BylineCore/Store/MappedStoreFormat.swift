/// The layout of a store file (`MappedStore`): a header, then sections, each 8-byte aligned.
///
/// Header (native byte order, checked by `byteOrderMark`): magic (8 bytes), format version (u32),
/// byte-order mark (u32), total length (u64, the file's size), generation (u64, the cache build the
/// file belongs to), section count (u32), the header's own checksum (u32, over the header and its
/// section table with this field as zero), then per section: offset, length, checksum (u64 each).
enum MappedStoreFormat {
    static let magic: [UInt8] = Array("BYLNSTOR".utf8)
    /// Bumped with any change to the layout: a file of another version is never read.
    static let version: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0102_0304

    /// The sections, in the order of the table.
    enum Section: Int, CaseIterable {
        /// Varints: folder, layout, counts, problems, old names (decoded at open; small).
        case meta
        /// One fixed-size record per post (`PostRecordLayout`), in store order.
        case records
        /// The UTF-8 bytes the records and the tag tables point into.
        case strings
        /// Each post's tags (numbers into the tag table), authors and old names, varint-coded.
        case lists
        /// Per tag: key and name (offset, length into `strings`, u32 each).
        case tagTable
        /// Per tag: its posts, `PostSet.wordCount(posts)` words.
        case tagWords
        case languageTable
        case languageWords
        /// Post number by document (i32, -1 for none).
        case postOfDocument
        /// The posts the search index holds, as set words.
        case indexedPosts
    }

    static let fixedHeader = 40
    static let sectionEntry = 24
    static var headerLength: Int { fixedHeader + Section.allCases.count * sectionEntry }
    /// Offsets of the header's fields.
    static let versionOffset = 8, byteOrderOffset = 12, lengthOffset = 16, generationOffset = 24, countOffset = 32, checksumOffset = 36
    /// Bytes of one tag table entry: key offset, key length, name offset, name length.
    static let tagEntry = 16

    /// `value` rounded up to a multiple of 8.
    static func aligned(_ value: Int) -> Int { (value + 7) & ~7 }
}

/// A post's fixed-size record: where each field is, in bytes from the record's start.
enum PostRecordLayout {
    static let size = 88
    /// Offset and length (u32 each) into `strings`; a length of 0 for none (an empty string).
    static let path = 0, slug = 8, title = 16, summary = 24, absolute = 32, language = 40
    /// Offset and length (u32 each) into `lists`.
    static let lists = 48
    /// The document in the search index plus one (u64), 0 for none.
    static let document = 56
    static let fileSize = 64
    static let draft = 68
    /// Bit 0: dated; bit 1: with a time; bit 2: with a UTC offset.
    static let dateFlags = 69
    static let month = 70, day = 71
    static let year = 72
    static let hour = 76, minute = 77, second = 78
    static let nanosecond = 80
    static let utcOffset = 84
}

/// A 64-bit checksum of a section: four lanes of multiply and shift over 8-byte words, then the tail.
/// Not cryptographic (the file is the user's own): it tells a damaged or torn file from a whole one,
/// and any single changed word always changes it (each step is a bijection of the lane).
enum StoreChecksum {
    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    private static func step(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        var value = (lane ^ word) &* prime
        value ^= value >> 29
        return value
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
        var c: UInt64 = 0xA409_3822_299F_31D0, d: UInt64 = 0x082E_FA98_EC4E_6C89
        guard let base = bytes.baseAddress else { return step(a, 0) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var offset = 0
        while offset + 32 <= count {
            a = step(a, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = step(b, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = step(c, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = step(d, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        while offset + 8 <= count {
            a = step(a, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        b = step(b, tail)
        return step(step(step(step(a, b), c), d), UInt64(count))
    }
}
