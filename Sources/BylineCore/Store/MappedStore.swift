/// A store read in place from a store file (`MappedStoreFormat`, written by `MappedStoreWriter`): the
/// file is mapped shared and read-only, so every reader of a blog shares one copy of it in the page
/// cache, and nothing per post is made when it is opened. A post is made from its record when it is
/// asked for (`PostList`), a tag's posts are read from the file's words (`PostSet`), and a search finds
/// its posts through the file's tables.
///
/// Never trusted: the header (magic, version, byte order, length, generation, its own checksum) and
/// every section's checksum are checked before any byte of them is used, and every offset read from
/// a record is checked again against its section when it is used.
package enum MappedStore {
    /// Why a store file cannot be used; the caller makes the store another way (and rewrites the file
    /// when it may).
    package struct Failure: Error, CustomStringConvertible, Equatable {
        package var description: String
        /// No file at all (nothing to report: it is simply not written yet).
        package var isMissing = false
    }

    /// The store in the file at `path`, which must belong to the cache build `generation`; opened at
    /// `root` (as the user named the folder).
    package static func open(path: String, root: String, generation: UInt64) throws(Failure) -> PostStore {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            throw Failure(description: "store file \(error.description)", isMissing: error.isMissing)
        }
        return try open(file, path: path, root: root, generation: generation)
    }

    static func open(_ file: MappedFile, path: String, root: String, generation: UInt64) throws(Failure) -> PostStore {
        func bad(_ why: String) -> Failure { Failure(description: "store file \(path) \(why)") }
        let sections = try checkedSections(file, generation: generation, bad: bad)
        func bytes(_ section: MappedStoreFormat.Section) -> UnsafeBufferPointer<UInt8> { file.bytes(sections[section.rawValue]) }

        var meta = ByteReader(bytes(.meta))
        guard let realRoot = meta.string(), let layout = meta.string().flatMap(SiteLayout.init(rawValue:)),
              let count = meta.varint(), let tagCount = meta.varint(), let languageCount = meta.varint(),
              let documentSlots = meta.varint(), let diagnosticCount = meta.varint(),
              count <= Int(Int32.max), diagnosticCount <= file.count else { throw bad("has a malformed header section") }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<diagnosticCount {
            guard let name = meta.string(), let line = meta.varint(), let column = meta.varint(), let severity = meta.varint(),
                  let kind = meta.string().flatMap(Diagnostic.Kind.init(rawValue:)), let message = meta.string() else {
                throw bad("has a malformed problem")
            }
            diagnostics.append(Diagnostic(file: name, line: line == 0 ? nil : line - 1, column: column == 0 ? nil : column - 1,
                                          severity: severity == 0 ? .error : .warning, kind: kind, message: message))
        }
        guard let aliasCount = meta.varint(), aliasCount <= file.count else { throw bad("has malformed old names") }
        var aliases: [String: Int] = [:]
        for _ in 0..<aliasCount {
            guard let alias = meta.string(), let number = meta.varint(), number < count else { throw bad("has a malformed old name") }
            aliases[alias] = number
        }
        guard meta.isAtEnd else { throw bad("has trailing bytes in its header section") }

        let words = PostSet.wordCount(count)
        guard sections[MappedStoreFormat.Section.records.rawValue].count == count * PostRecordLayout.size,
              sections[MappedStoreFormat.Section.postOfDocument.rawValue].count == documentSlots * 4,
              sections[MappedStoreFormat.Section.indexedPosts.rawValue].count == words * 8 else {
            throw bad("has sections of the wrong size")
        }
        let strings = sections[MappedStoreFormat.Section.strings.rawValue]
        func tags(_ table: MappedStoreFormat.Section, _ bits: MappedStoreFormat.Section, _ tagCount: Int) throws(Failure) -> [TagIndex.Tag] {
            guard sections[table.rawValue].count == tagCount * MappedStoreFormat.tagEntry,
                  sections[bits.rawValue].count == tagCount * words * 8 else { throw bad("has a tag table of the wrong size") }
            let entries = file.base + sections[table.rawValue].lowerBound
            var found: [TagIndex.Tag] = []
            found.reserveCapacity(tagCount)
            for number in 0..<tagCount {
                let entry = entries + number * MappedStoreFormat.tagEntry
                guard let key = string(entry, 0, in: strings, of: file), let name = string(entry, 8, in: strings, of: file) else {
                    throw bad("has a tag outside its strings")
                }
                let set = MappedWords(file: file, offset: sections[bits.rawValue].lowerBound + number * words * 8, count: words)
                // No bit past the last post: a set's members are post numbers.
                if count % 64 != 0, let last = set.buffer.last, last >> UInt64(count % 64) != 0 { throw bad("has a tag of posts that are not there") }
                found.append(TagIndex.Tag(key: key, name: name, posts: PostSet(capacity: count, mapped: set)))
            }
            return found
        }
        let tagList = try tags(.tagTable, .tagWords, tagCount)
        let languageList = try tags(.languageTable, .languageWords, languageCount)
        let indexed = MappedWords(file: file, offset: sections[MappedStoreFormat.Section.indexedPosts.rawValue].lowerBound, count: words)
        if count % 64 != 0, let last = indexed.buffer.last, last >> UInt64(count % 64) != 0 { throw bad("indexes posts that are not there") }

        let posts = MappedPosts(file: file, count: count, records: sections[MappedStoreFormat.Section.records.rawValue].lowerBound,
                                strings: strings, lists: sections[MappedStoreFormat.Section.lists.rawValue],
                                postOfDocument: sections[MappedStoreFormat.Section.postOfDocument.rawValue],
                                indexed: PostSet(capacity: count, mapped: indexed), tagNames: tagList.map(\.name))
        return PostStore(root: root, realRoot: realRoot, layout: layout, posts: PostList(posts), tags: TagIndex(tags: tagList),
                         languages: TagIndex(tags: languageList), diagnostics: diagnostics, aliases: aliases, absolutePaths: [])
    }

    /// The sections' byte ranges, once the header and every section's checksum are checked.
    static func checkedSections(_ file: MappedFile, generation: UInt64, bad: (String) -> Failure) throws(Failure) -> [Range<Int>] {
        let all = file.all
        let base = file.base
        guard all.count >= MappedStoreFormat.fixedHeader else { throw bad("is too short") }
        guard all.prefix(8).elementsEqual(MappedStoreFormat.magic) else { throw bad("is not a byline store file") }
        guard base.loadUnaligned(fromByteOffset: MappedStoreFormat.byteOrderOffset, as: UInt32.self) == MappedStoreFormat.byteOrderMark else {
            throw bad("is of another byte order")
        }
        let version = base.loadUnaligned(fromByteOffset: MappedStoreFormat.versionOffset, as: UInt32.self)
        guard version == MappedStoreFormat.version else { throw bad("is of another version (\(version))") }
        let sectionCount = MappedStoreFormat.Section.allCases.count
        guard base.loadUnaligned(fromByteOffset: MappedStoreFormat.countOffset, as: UInt32.self) == UInt32(sectionCount),
              all.count >= MappedStoreFormat.headerLength else { throw bad("has a malformed header") }
        var header = Array(all.prefix(MappedStoreFormat.headerLength))
        let stated = base.loadUnaligned(fromByteOffset: MappedStoreFormat.checksumOffset, as: UInt32.self)
        for index in MappedStoreFormat.checksumOffset..<MappedStoreFormat.checksumOffset + 4 { header[index] = 0 }
        guard UInt32(truncatingIfNeeded: header.withUnsafeBufferPointer(StoreChecksum.of)) == stated else { throw bad("has a damaged header") }
        guard base.loadUnaligned(fromByteOffset: MappedStoreFormat.lengthOffset, as: UInt64.self) == UInt64(all.count) else {
            throw bad("is cut short or has bytes added")
        }
        guard base.loadUnaligned(fromByteOffset: MappedStoreFormat.generationOffset, as: UInt64.self) == generation else {
            throw bad("belongs to another build of the cache")
        }
        var ranges: [Range<Int>] = []
        for number in 0..<sectionCount {
            let entry = MappedStoreFormat.fixedHeader + number * MappedStoreFormat.sectionEntry
            let offset = base.loadUnaligned(fromByteOffset: entry, as: UInt64.self)
            let length = base.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self)
            let checksum = base.loadUnaligned(fromByteOffset: entry + 16, as: UInt64.self)
            guard offset % 8 == 0, offset >= UInt64(MappedStoreFormat.headerLength), offset <= UInt64(all.count),
                  length <= UInt64(all.count) - offset else { throw bad("has a section outside the file") }
            let range = Int(offset)..<Int(offset + length)
            guard StoreChecksum.of(file.bytes(range)) == checksum else {
                throw bad("has a damaged section (\(MappedStoreFormat.Section(rawValue: number).map { "\($0)" } ?? "?"))")
            }
            ranges.append(range)
        }
        return ranges
    }

    /// The string an entry's (offset, length) pair at `field` names inside `strings`; nil outside it.
    static func string(_ entry: UnsafeRawPointer, _ field: Int, in strings: Range<Int>, of file: MappedFile) -> String? {
        let offset = Int(entry.loadUnaligned(fromByteOffset: field, as: UInt32.self))
        let length = Int(entry.loadUnaligned(fromByteOffset: field + 4, as: UInt32.self))
        guard length <= strings.count, offset <= strings.count - length else { return nil }
        return String(decoding: file.bytes(strings.lowerBound + offset..<strings.lowerBound + offset + length), as: UTF8.self)
    }
}
