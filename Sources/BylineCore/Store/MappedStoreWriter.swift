#if canImport(Glibc)
import Glibc
#endif

/// Writes a store as a store file (`MappedStore`): built in memory a section at a time, written whole
/// to `FINAL.tmp-PID` beside the final name, synced and renamed over the old file. A reader that
/// mapped the old file keeps reading it whole; a reader that opens the name gets the old file or the
/// new one, never part of either.
package enum MappedStoreWriter {
    /// Why a store file could not be written.
    package struct Failure: Error, CustomStringConvertible, Equatable {
        package var description: String
    }

    /// Writes `store` (its posts' documents `documentIDs`, one per post, or the store's own) to `path`,
    /// stamped with the cache build `generation`.
    package static func write(_ store: PostStore, documentIDs: [Int64?]? = nil, generation: UInt64, to path: String) throws(Failure) {
        let sections = try encode(store, documentIDs: documentIDs ?? store.documentIDs)
        let (header, offsets, total) = header(of: sections, generation: generation)
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        // The header, then each section at its aligned offset (the gaps zero): the sections are written
        // as they are, never copied into one buffer of the whole file.
        var written = header.withUnsafeBytes { WholeWrite.write($0, to: fd) }
        var at = header.count
        for (offset, section) in zip(offsets + [total], sections + [[]]) where written {
            let gap = [UInt8](repeating: 0, count: offset - at)
            written = gap.withUnsafeBytes { WholeWrite.write($0, to: fd) } && section.withUnsafeBytes { WholeWrite.write($0, to: fd) }
            at = offset + section.count
        }
        written = written && fsync(fd) == 0
        let problem = written ? nil : String(cString: strerror(errno))
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            let reason = problem ?? String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write the store file \(path): \(reason)")
        }
    }

    /// The sections' bytes, in the table's order.
    static func encode(_ store: PostStore, documentIDs: [Int64?]) throws(Failure) -> [[UInt8]] {
        let count = store.posts.count
        // Tag names and languages recur in many records (and tables): written once each.
        var strings = StringArea(shared: Set(store.tags.tags.flatMap { [$0.key, $0.name] } + store.languages.tags.flatMap { [$0.key, $0.name] }))
        var sections = [[UInt8]](repeating: [], count: MappedStoreFormat.Section.allCases.count)
        func put(_ section: MappedStoreFormat.Section, _ bytes: [UInt8]) { sections[section.rawValue] = bytes }

        // The tag tables first: the records name tags by their place in the table.
        var tagNumbers: [String: Int] = [:]
        for (number, tag) in store.tags.tags.enumerated() where tagNumbers[tag.name] == nil { tagNumbers[tag.name] = number + 1 }
        for (table, words, index) in [(MappedStoreFormat.Section.tagTable, MappedStoreFormat.Section.tagWords, store.tags),
                                      (.languageTable, .languageWords, store.languages)] {
            var entries = FixedBytes(), bits = FixedBytes()
            for tag in index.tags {
                entries.pair(strings.add(tag.key))
                entries.pair(strings.add(tag.name))
                precondition(tag.posts.capacity == count, "a tag's set ranges over the store's posts")
                tag.posts.withWords { for word in $0 { bits.u64(word) } }
            }
            put(table, entries.bytes)
            put(words, bits.bytes)
        }

        var records = FixedBytes(), lists = ByteWriter()
        records.bytes.reserveCapacity(count * PostRecordLayout.size)
        var largestDocument: Int64 = -1
        for number in 0..<count {
            let post = store.posts[number]
            let start = records.bytes.count
            records.pair(strings.add(post.path))
            records.pair(strings.add(post.slug))
            records.pair(strings.add(post.title))
            records.pair(strings.add(post.summary))
            let absolute = number < store.absolutePaths.count ? store.absolutePaths[number] : store.mappedAbsolutePath(number)
            records.pair(strings.add(absolute ?? ""))
            records.pair(strings.add(post.language ?? ""))
            let listStart = lists.bytes.count
            lists.varint(post.tags.count)
            for tag in post.tags {
                let tagNumber = tagNumbers[tag] ?? 0
                lists.varint(tagNumber)
                if tagNumber == 0 { lists.string(tag) }
            }
            for names in [post.authors, post.aliases] {
                lists.varint(names.count)
                for name in names { lists.string(name) }
            }
            records.pair((listStart, lists.bytes.count - listStart))
            let document = number < documentIDs.count ? documentIDs[number] : nil
            if let document, document >= 0 { largestDocument = max(largestDocument, document) }
            records.u64(document.map { UInt64(max(0, $0)) + 1 } ?? 0)
            records.u32(UInt32(clamping: post.fileSize))
            records.u8(post.draft ? 1 : 0)
            let date = post.date
            records.u8((date == nil ? 0 : 1) | (date?.time == nil ? 0 : 2) | (date?.utcOffsetMinutes == nil ? 0 : 4))
            records.u8(UInt8(clamping: date?.month ?? 0))
            records.u8(UInt8(clamping: date?.day ?? 0))
            records.u32(UInt32(bitPattern: Int32(clamping: date?.year ?? 0)))
            records.u8(UInt8(clamping: date?.time?.hour ?? 0))
            records.u8(UInt8(clamping: date?.time?.minute ?? 0))
            records.u8(UInt8(clamping: date?.time?.second ?? 0))
            records.u8(0)
            records.u32(UInt32(clamping: date?.time?.nanosecond ?? 0))
            records.u16(UInt16(bitPattern: Int16(clamping: date?.utcOffsetMinutes ?? 0)))
            records.u16(0)
            assert(records.bytes.count - start == PostRecordLayout.size)
        }
        guard strings.bytes.count <= Int(UInt32.max), lists.bytes.count <= Int(UInt32.max) else {
            throw Failure(description: "the store is too large for a store file (over 4 GB of text)")
        }
        put(.records, records.bytes)
        put(.strings, strings.bytes)
        put(.lists, lists.bytes)

        // The search tables: the post of each document, and the posts that have one.
        let documentSlots = Int(largestDocument + 1)
        guard documentSlots <= Int(Int32.max) else { throw Failure(description: "documents are numbered densely") }
        var postOfDocument = [Int32](repeating: -1, count: documentSlots)
        var indexed = PostSet(capacity: count)
        for number in 0..<min(count, documentIDs.count) {
            if let document = documentIDs[number], document >= 0 {
                postOfDocument[Int(document)] = Int32(number)
                indexed.insert(number)
            }
        }
        var table = FixedBytes()
        for post in postOfDocument { table.u32(UInt32(bitPattern: post)) }
        put(.postOfDocument, table.bytes)
        var indexedWords = FixedBytes()
        indexed.withWords { for word in $0 { indexedWords.u64(word) } }
        put(.indexedPosts, indexedWords.bytes)

        var meta = ByteWriter()
        meta.string(store.realRoot)
        meta.string(store.layout.rawValue)
        meta.varint(count)
        meta.varint(store.tags.tags.count)
        meta.varint(store.languages.tags.count)
        meta.varint(documentSlots)
        meta.varint(store.diagnostics.count)
        for diagnostic in store.diagnostics {
            meta.string(diagnostic.file)
            meta.varint(diagnostic.line.map { $0 + 1 } ?? 0)
            meta.varint(diagnostic.column.map { $0 + 1 } ?? 0)
            meta.varint(diagnostic.severity == .error ? 0 : 1)
            meta.string(diagnostic.kind.rawValue)
            meta.string(diagnostic.message)
        }
        meta.varint(store.aliases.count)
        for (alias, number) in store.aliases.sorted(by: { $0.key < $1.key }) {
            meta.string(alias)
            meta.varint(number)
        }
        put(.meta, meta.bytes)
        return sections
    }

    /// The header of a file of `sections`, where each section goes (8-byte aligned), and the file's length.
    static func header(of sections: [[UInt8]], generation: UInt64) -> (header: [UInt8], offsets: [Int], total: Int) {
        var offsets: [Int] = []
        var end = MappedStoreFormat.headerLength
        for section in sections {
            end = MappedStoreFormat.aligned(end)
            offsets.append(end)
            end += section.count
        }
        let total = MappedStoreFormat.aligned(end)
        var header = FixedBytes()
        header.bytes += MappedStoreFormat.magic
        header.u32(MappedStoreFormat.version)
        header.u32(MappedStoreFormat.byteOrderMark)
        header.u64(UInt64(total))
        header.u64(generation)
        header.u32(UInt32(sections.count))
        header.u32(0)
        for (offset, section) in zip(offsets, sections) {
            header.u64(UInt64(offset))
            header.u64(UInt64(section.count))
            header.u64(section.withUnsafeBufferPointer(StoreChecksum.of))
        }
        let checksum = UInt32(truncatingIfNeeded: header.bytes.withUnsafeBufferPointer(StoreChecksum.of))
        withUnsafeBytes(of: checksum) { header.bytes.replaceSubrange(MappedStoreFormat.checksumOffset..<MappedStoreFormat.checksumOffset + 4, with: $0) }
        return (header.bytes, offsets, total)
    }
}

/// Fixed-width values appended in native byte order (the file's byte-order mark says which).
struct FixedBytes {
    var bytes: [UInt8] = []
    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value) { bytes += $0 } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value) { bytes += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value) { bytes += $0 } }
    /// An offset and a length, u32 each (checked to fit by the writer).
    mutating func pair(_ place: (offset: Int, length: Int)) {
        u32(UInt32(truncatingIfNeeded: place.offset))
        u32(UInt32(truncatingIfNeeded: place.length))
    }
}

/// The strings of a store file. The few that recur (tag names, languages) are written once however
/// many records name them; paths, titles and summaries are written as they come, and not looked up
/// (a table of 100,000 of them held 10 MB more while a cache was built).
struct StringArea {
    var bytes: [UInt8] = []
    /// The texts to write once, and where each went once written.
    private let sharable: Set<String>
    private var written: [String: Int] = [:]

    init(shared: Set<String>) { sharable = shared }

    /// Where `text` is.
    mutating func add(_ text: String) -> (offset: Int, length: Int) {
        var text = text
        let length = text.utf8.count
        guard length > 0 else { return (0, 0) }
        let shared = sharable.contains(text)
        if shared, let offset = written[text] { return (offset, length) }
        let offset = bytes.count
        text.withUTF8 { bytes.append(contentsOf: $0) }
        if shared { written[text] = offset }
        return (offset, length)
    }
}
